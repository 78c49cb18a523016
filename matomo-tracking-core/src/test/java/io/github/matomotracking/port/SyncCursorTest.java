package io.github.matomotracking.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cursor's arithmetic: resume one second early, remember the visits of the last second. */
class SyncCursorTest {

  private static final VisitKey A = VisitKey.of(1, 10);
  private static final VisitKey B = VisitKey.of(1, 11);
  private static final VisitKey C = VisitKey.of(1, 12);

  @Test
  void resumingAsksMatomoForOneSecondBeforeTheCursorBecauseMinTimestampIsStrict() {
    assertThat(SyncCursor.of(1_000, Set.of(A)).minTimestamp()).isEqualTo(999);
    assertThat(SyncCursor.startingAt(500).minTimestamp()).isEqualTo(499);
  }

  @Test
  void aLaterSecondMovesTheCursorAndForgetsTheVisitsOfTheOldSecond() {
    SyncCursor cursor = SyncCursor.of(1_000, Set.of(A, B));

    assertThat(cursor.advance(C, 1_001)).isEqualTo(SyncCursor.of(1_001, Set.of(C)));
  }

  @Test
  void theSameSecondAddsTheVisitToThoseOfThatSecond() {
    SyncCursor cursor = SyncCursor.of(1_000, Set.of(A));

    assertThat(cursor.advance(B, Instant.ofEpochSecond(1_000)))
        .isEqualTo(SyncCursor.of(1_000, Set.of(A, B)));
    assertThat(cursor.advance(A, 1_000)).isSameAs(cursor);
  }

  @Test
  void anEarlierSecondLeavesTheCursorAlone() {
    SyncCursor cursor = SyncCursor.of(1_000, Set.of(A));

    assertThat(cursor.advance(B, 999)).isSameAs(cursor);
  }

  @Test
  void aVisitIsCoveredBeforeTheCursorOrListedAtItsSecond() {
    SyncCursor cursor = SyncCursor.of(1_000, Set.of(A));

    assertThat(cursor.covers(B, 999)).isTrue();
    assertThat(cursor.covers(A, 1_000)).isTrue();
    assertThat(cursor.covers(B, 1_000)).isFalse();
    assertThat(cursor.covers(A, 1_001)).as("a stored visit that got a new action").isFalse();
  }

  @Test
  void aCursorStartingAtATimeCoversNothingOfThatSecond() {
    assertThat(SyncCursor.startingAt(1_000).covers(A, 1_000)).isFalse();
    assertThat(SyncCursor.startingAt(1_000).covers(A, 999)).isTrue();
  }
}
