package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.VisitKey;
import org.junit.jupiter.api.Test;

class DedupWindowTest {

  @Test
  void a_visit_is_admitted_once_unless_its_last_action_moved_on() {
    DedupWindow window = new DedupWindow();

    assertThat(window.admit(VisitKey.of(1, 5), 100)).isTrue();
    assertThat(window.admit(VisitKey.of(1, 5), 100)).isFalse();
    assertThat(window.admit(VisitKey.of(2, 5), 100)).as("another site").isTrue();
    assertThat(window.admit(VisitKey.of(1, 5), 130)).as("continued").isTrue();
    assertThat(window.admit(VisitKey.of(1, 5), 120)).isFalse();
  }

  @Test
  void visits_at_or_below_the_paging_bound_are_forgotten() {
    DedupWindow window = new DedupWindow();
    window.admit(VisitKey.of(1, 1), 10);
    window.admit(VisitKey.of(1, 2), 20);
    window.admit(VisitKey.of(1, 3), 30);

    window.forgetUpTo(20);

    assertThat(window.size()).isEqualTo(1);
    assertThat(window.admit(VisitKey.of(1, 3), 30)).isFalse();
  }
}
