package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VisitQueryTest {

  @Test
  void identities_are_checked_when_the_query_is_built() {
    assertThatThrownBy(() -> VisitQuery.builder().sites(Sites.of(1)).addVisitorIds("not-a-visitor-id").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 hexadecimal");
    assertThatThrownBy(() -> VisitQuery.builder().sites(Sites.of(1)).addUserIds("").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void until_needs_since_and_may_not_precede_it() {
    assertThatThrownBy(() -> VisitQuery.builder().sites(Sites.of(1)).until(LocalDate.of(2024, 1, 1)).build())
        .hasMessageContaining("since");
    assertThatThrownBy(() -> VisitQuery.builder().sites(Sites.of(1))
        .since(LocalDate.of(2024, 2, 1)).until(LocalDate.of(2024, 1, 1)).build())
        .hasMessageContaining("before");
  }

  @Test
  void a_negative_min_timestamp_is_refused() {
    assertThatThrownBy(() -> VisitQuery.builder().sites(Sites.of(1)).minTimestamp(-1).build())
        .hasMessageContaining("minTimestamp");
  }

  @Test
  void sites_are_positive_ids_or_all() {
    assertThat(Sites.of(3, 1, 3).ids()).containsExactly(3L, 1L);
    assertThat(Sites.all().isAll()).isTrue();
    assertThatThrownBy(() -> Sites.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(Sites::of).isInstanceOf(IllegalArgumentException.class);
  }
}
