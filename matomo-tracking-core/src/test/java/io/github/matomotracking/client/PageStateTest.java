package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageStateTest {

  private static PageProgress progress(long... secondAndId) {
    PageProgress progress = new PageProgress();
    for (int i = 0; i < secondAndId.length; i += 2) {
      progress.record(secondAndId[i], secondAndId[i + 1]);
    }
    return progress;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a full page spanning seconds 10 to 15 continues after second 14, so second 15 is read again"
          + " | 10 | 1 | 15 | 9 | after | 14 | 0",
      "a full page entirely in second 15 pages through second 15 above the last idVisit"
          + " | 15 | 3 | 15 | 9 | drain | 15 | 9"})
  void after_a_full_normal_page(String rule, long firstSecond, long firstId, long lastSecond, long lastId,
      String mode, long second, long idFloor) {
    PageState next = PageState.after(5).afterPrefix(progress(firstSecond, firstId, lastSecond, lastId));

    assertThat(next.draining()).isEqualTo(mode.equals("drain"));
    if (next.draining()) {
      assertThat(next.drainSecond()).isEqualTo(second);
      assertThat(next.idFloor()).isEqualTo(idFloor);
      assertThat(next.minTimestamp()).hasValue(second - 1);
    } else {
      assertThat(next.minTimestamp()).hasValue(second);
    }
  }

  @Test
  void a_full_drain_page_raises_the_id_floor_and_stays_in_the_same_second() {
    PageState next = PageState.drain(15, 9).afterPrefix(progress(15, 12, 15, 40));

    assertThat(next.draining()).isTrue();
    assertThat(next.drainSecond()).isEqualTo(15);
    assertThat(next.idFloor()).isEqualTo(40);
  }

  @Test
  void an_ended_drain_continues_after_the_drained_second() {
    PageState next = PageState.drain(15, 40).afterDrain();

    assertThat(next.draining()).isFalse();
    assertThat(next.minTimestamp()).hasValue(15);
  }

  @Test
  void the_first_page_uses_the_query_lower_bound_if_any() {
    assertThat(PageState.start(OptionalLong.empty()).minTimestamp()).isEmpty();
    assertThat(PageState.start(OptionalLong.of(0)).minTimestamp()).isEmpty();
    assertThat(PageState.start(OptionalLong.of(1_700_000_000L)).minTimestamp()).hasValue(1_700_000_000L);
  }
}
