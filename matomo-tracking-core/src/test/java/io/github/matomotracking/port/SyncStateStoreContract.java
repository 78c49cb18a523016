package io.github.matomotracking.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentificationOrigin;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SyncStateStore} must show. Extend it and create the implementation
 * in {@link #newStore()}; each test asks for a fresh, empty store.
 */
public abstract class SyncStateStoreContract {

  private static final String VISITOR = "0123456789abcdef";
  private static final String OTHER_VISITOR = "aaaaaaaaaaaaaaaa";
  private static final Instant T0 = Instant.parse("2024-03-10T09:15:02.250Z");

  /**
   * A new, empty store.
   *
   * @return the store
   */
  protected abstract SyncStateStore newStore();

  private static Identification identification(
      String key, IdentityKey identity, String contactId, Instant at) {
    return Identification.builder().key(key).identity(identity).contactId(contactId).at(at)
        .origin(IdentificationOrigin.FORM_SUBMISSION).build();
  }

  private static EmailClick click(String contactId, Instant at) {
    return EmailClick.builder().contactId(contactId).bulkEmailRecipientId("r-" + contactId)
        .clickedAt(at).build();
  }

  @Test
  public void anIdentificationIsRecordedOnceByItsKeyAndTheFirstIsKept() {
    SyncStateStore store = newStore();
    Identification first =
        identification("form:1", IdentityKey.visitorId(VISITOR), "contact-a", T0);

    assertThat(store.recordIdentification(first)).isTrue();
    assertThat(store.recordIdentification(first)).isFalse();
    assertThat(store.recordIdentification(
        identification("form:1", IdentityKey.visitorId(VISITOR), "contact-b", T0.plusSeconds(5))))
        .isFalse();

    assertThat(store.identificationsOfVisitor(VISITOR)).containsExactly(first);
  }

  @Test
  public void everyFieldOfAnIdentificationReadsBackEqual() {
    SyncStateStore store = newStore();
    Identification click = Identification.ofEmailClick(click("contact-a", T0));

    store.recordIdentification(click);

    assertThat(store.identifications(IdentityKey.userId("contact-a"))).containsExactly(click);
  }

  @Test
  public void theIdentificationsOfAnIdentityComeOldestFirstTiesByKey() {
    SyncStateStore store = newStore();
    IdentityKey visitor = IdentityKey.visitorId(VISITOR);
    Identification late = identification("form:c", visitor, "contact-c", T0.plusSeconds(60));
    Identification tieB = identification("form:b", visitor, "contact-b", T0);
    Identification tieA = identification("form:a", visitor, "contact-a", T0);
    store.recordIdentification(late);
    store.recordIdentification(tieB);
    store.recordIdentification(tieA);

    assertThat(store.identifications(visitor)).containsExactly(tieA, tieB, late);
  }

  @Test
  public void identificationsOfOtherIdentitiesAreNotListed() {
    SyncStateStore store = newStore();
    Identification mine =
        identification("form:1", IdentityKey.visitorId(VISITOR), "contact-a", T0);
    store.recordIdentification(mine);
    store.recordIdentification(
        identification("form:2", IdentityKey.visitorId(OTHER_VISITOR), "contact-b", T0));
    store.recordIdentification(
        identification("user:3", IdentityKey.userId(VISITOR), "contact-c", T0));

    assertThat(store.identificationsOfVisitor(VISITOR.toUpperCase())).containsExactly(mine);
    assertThat(store.identifications(IdentityKey.visitorId("bbbbbbbbbbbbbbbb"))).isEmpty();
  }

  @Test
  public void theTrackedVisitorIdsAreTheIdentifiedVisitorsSortedOnceWithoutUserIds() {
    SyncStateStore store = newStore();
    store.recordIdentification(
        identification("form:1", IdentityKey.visitorId(OTHER_VISITOR), "contact-a", T0));
    store.recordIdentification(
        identification("form:2", IdentityKey.visitorId(VISITOR), "contact-a", T0));
    store.recordIdentification(identification(
        "form:3", IdentityKey.visitorId(VISITOR), "contact-b", T0.plusSeconds(1)));
    store.recordIdentification(
        identification("user:4", IdentityKey.userId("contact-z"), "contact-z", T0));

    assertThat(store.trackedVisitorIds()).containsExactly(VISITOR, OTHER_VISITOR);
  }

  @Test
  public void anEmailClickIsRecordedOnceByItsKey() {
    SyncStateStore store = newStore();
    EmailClick click = click("contact-a", T0);

    assertThat(store.recordEmailClick(click)).isTrue();
    assertThat(store.recordEmailClick(click)).isFalse();
    assertThat(store.recordEmailClick(click("contact-a", T0.plusSeconds(1)))).isTrue();

    assertThat(store.contactsWhoClickedSince(T0)).containsExactly("contact-a");
  }

  @Test
  public void theContactsWhoClickedSinceAnInstantCountThatInstantAndLaterSortedOnce() {
    SyncStateStore store = newStore();
    store.recordEmailClick(click("contact-old", T0.minusMillis(1)));
    store.recordEmailClick(click("contact-c", T0));
    store.recordEmailClick(click("contact-b", T0.plusSeconds(3600)));
    store.recordEmailClick(click("contact-c", T0.plusSeconds(7200)));

    assertThat(store.contactsWhoClickedSince(T0)).containsExactly("contact-b", "contact-c");
    assertThat(store.contactsWhoClickedSince(T0.plusSeconds(7201))).isEmpty();
  }

  @Test
  public void aCursorIsAbsentBeforeItsFirstSave() {
    SyncStateStore store = newStore();

    assertThat(store.cursor(IdentityKey.visitorId(VISITOR))).isEmpty();
  }

  @Test
  public void aSavedCursorReadsBackEqual() {
    SyncStateStore store = newStore();
    SyncCursor cursor = SyncCursor.of(1_710_062_102L,
        Set.of(VisitKey.of(1, 100), VisitKey.of(1, 101), VisitKey.of(2, 100)));

    store.saveCursor(IdentityKey.visitorId(VISITOR), cursor);

    assertThat(store.cursor(IdentityKey.visitorId(VISITOR))).contains(cursor);
  }

  @Test
  public void savingACursorReplacesThePreviousOneWithItsVisits() {
    SyncStateStore store = newStore();
    IdentityKey visitor = IdentityKey.visitorId(VISITOR);
    store.saveCursor(visitor, SyncCursor.of(100, Set.of(VisitKey.of(1, 1), VisitKey.of(1, 2))));

    SyncCursor moved = SyncCursor.of(200, Set.of(VisitKey.of(1, 3)));
    store.saveCursor(visitor, moved);
    assertThat(store.cursor(visitor)).contains(moved);

    SyncCursor empty = SyncCursor.startingAt(300);
    store.saveCursor(visitor, empty);
    assertThat(store.cursor(visitor)).contains(empty);
  }

  @Test
  public void theCursorsOfDifferentIdentitiesAreIndependent() {
    SyncStateStore store = newStore();
    SyncCursor ofVisitor = SyncCursor.of(100, Set.of(VisitKey.of(1, 1)));
    SyncCursor ofUser = SyncCursor.of(200, Set.of(VisitKey.of(1, 2)));

    store.saveCursor(IdentityKey.visitorId(VISITOR), ofVisitor);
    store.saveCursor(IdentityKey.userId(VISITOR), ofUser);

    assertThat(store.cursor(IdentityKey.visitorId(VISITOR))).contains(ofVisitor);
    assertThat(store.cursor(IdentityKey.userId(VISITOR))).contains(ofUser);
    assertThat(store.cursor(IdentityKey.visitorId(OTHER_VISITOR))).isEmpty();
  }
}
