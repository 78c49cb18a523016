package io.github.matomotracking.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.VisitKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The identification rules of domain section 2, one test per rule. */
class DefaultContactIdentifierTest {

  private static final String VISITOR = "0123456789abcdef";
  private static final Instant DAY_1 = Instant.parse("2024-03-01T10:00:00Z");

  private final ContactIdentifier identifier = new DefaultContactIdentifier();
  private long nextVisitId = 1;

  private static Instant day(int day, String time) {
    return Instant.parse(String.format("2024-03-%02dT%sZ", day, time));
  }

  private VisitSpan visit(Instant first, Instant last) {
    return VisitSpan.builder().key(VisitKey.of(1, nextVisitId++)).visitorId(VISITOR)
        .firstActionTime(first).lastActionTime(last).build();
  }

  private VisitSpan visitWithUserId(Instant first, Instant last, String userId) {
    return VisitSpan.builder().from(visit(first, last)).userId(userId).build();
  }

  private static Identification submission(String contactId, Instant at) {
    return submission(VISITOR, contactId, at);
  }

  private static Identification submission(String visitorId, String contactId, Instant at) {
    FormSubmission form = FormSubmission.builder().trackingUserId(visitorId).submittedAt(at)
        .contactId(contactId).pageUrl("https://www.example.com/contact").build();
    return Identification.ofSubmission(form, contactId);
  }

  private Optional<String> owner(VisitSpan visit, Identification... identifications) {
    return identifier.owner(visit, List.of(identifications));
  }

  @Test
  void differentContactsDataGoesToTheContactWhoseDataWasEntered() {
    Identification annFirst = submission("ann", day(1, "10:05:00"));
    Identification bobTypedHisData = submission("bob", day(5, "14:03:00"));
    VisitSpan visitWithBobsForm = visit(day(5, "14:00:00"), day(5, "14:10:00"));
    VisitSpan nextVisit = visit(day(6, "09:00:00"), day(6, "09:05:00"));

    assertThat(owner(visitWithBobsForm, annFirst, bobTypedHisData)).contains("bob");
    assertThat(owner(nextVisit, annFirst, bobTypedHisData)).contains("bob");
  }

  @Test
  void earliestSubmissionInAVisitWins() {
    VisitSpan visit = visit(day(5, "14:00:00"), day(5, "14:30:00"));
    Identification laterForm = submission("carol", day(5, "14:20:00"));
    Identification earlierForm = submission("dave", day(5, "14:02:00"));

    assertThat(owner(visit, laterForm, earlierForm)).contains("dave");
  }

  @Test
  void forwardedEmailStaysWithTheOriginalRecipient() {
    Identification readerIdentifiedBefore = submission("reader", day(1, "10:00:00"));
    VisitSpan visitFromTheForwardedLink =
        visitWithUserId(day(3, "08:00:00"), day(3, "08:04:00"), "recipient");

    assertThat(owner(visitFromTheForwardedLink, readerIdentifiedBefore)).contains("recipient");
  }

  @Test
  void historyBeforeIdentificationGoesToTheFirstIdentifiedContact() {
    VisitSpan historyVisit = visit(day(1, "08:00:00"), day(1, "08:10:00"));
    Identification first = submission("ann", day(10, "10:00:00"));
    Identification second = submission("bob", day(20, "10:00:00"));

    assertThat(owner(historyVisit, second, first)).contains("ann");
  }

  @Test
  void visitsBetweenIdentificationsGoToTheLatestPrecedingOne() {
    Identification ann = submission("ann", day(10, "10:00:00"));
    Identification bob = submission("bob", day(20, "10:00:00"));

    assertThat(owner(visit(day(15, "09:00:00"), day(15, "09:30:00")), ann, bob)).contains("ann");
    assertThat(owner(visit(day(25, "09:00:00"), day(25, "09:30:00")), ann, bob)).contains("bob");
  }

  @Test
  void aSubmissionInsideTheVisitBeatsTheVisitsUserId() {
    VisitSpan visit = visitWithUserId(day(3, "08:00:00"), day(3, "08:20:00"), "recipient");
    Identification readerTypedHerData = submission("reader", day(3, "08:10:00"));

    assertThat(owner(visit, readerTypedHerData)).contains("reader");
  }

  @Test
  void aUserIdWithoutASubmissionBeatsTheVisitorIdHistory() {
    Identification history = submission("ann", day(1, "10:00:00"));
    VisitSpan visit = visitWithUserId(day(3, "08:00:00"), day(3, "08:20:00"), "bob");

    assertThat(owner(visit, history)).contains("bob");
    assertThat(owner(visit)).contains("bob");
  }

  @Test
  void aSubmissionWithinTheGracePeriodAroundTheVisitBelongsToIt() {
    Identification ann = submission("ann", day(1, "10:00:00"));
    VisitSpan visit = visit(day(5, "14:00:00"), day(5, "14:10:00"));
    Identification justAfterTheLastAction = submission("bob", day(5, "14:11:30"));
    Identification justBeforeTheFirstAction = submission("carol", day(5, "13:58:30"));

    assertThat(owner(visit, ann, justAfterTheLastAction)).contains("bob");
    assertThat(owner(visit, ann, justBeforeTheFirstAction)).contains("carol");
  }

  @Test
  void aSubmissionBeyondTheGracePeriodDoesNotBelongToTheVisit() {
    Identification ann = submission("ann", day(1, "10:00:00"));
    VisitSpan visit = visit(day(5, "14:00:00"), day(5, "14:10:00"));
    Identification afterTheVisit = submission("bob", day(5, "14:12:01"));

    assertThat(owner(visit, ann, afterTheVisit)).contains("ann");
    ContactIdentifier noGrace = new DefaultContactIdentifier(Duration.ZERO);
    assertThat(noGrace.owner(visit, List.of(ann, submission("carol", day(5, "14:10:01")))))
        .contains("ann");
    assertThat(noGrace.owner(visit, List.of(ann, submission("carol", day(5, "14:10:00")))))
        .contains("carol");
  }

  @Test
  void aSubmissionBeforeTheGracePeriodPrecedesTheVisit() {
    VisitSpan visit = visit(day(5, "14:00:00"), day(5, "14:10:00"));
    Identification bobEarlierThatDay = submission("bob", day(5, "11:00:00"));
    Identification ann = submission("ann", day(1, "10:00:00"));

    assertThat(owner(visit, ann, bobEarlierThatDay)).contains("bob");
  }

  @Test
  void aVisitorWithoutAnyIdentificationBelongsToNobody() {
    VisitSpan visit = visit(DAY_1, DAY_1.plusSeconds(60));

    assertThat(owner(visit)).isEmpty();
  }

  @Test
  void anAnonymousVisitWithoutUserIdBelongsToNobody() {
    VisitSpan anonymous = VisitSpan.builder().key(VisitKey.of(1, 1))
        .firstActionTime(DAY_1).lastActionTime(DAY_1).build();

    assertThat(owner(anonymous, submission("ann", DAY_1))).isEmpty();
  }

  @Test
  void identificationsOfOtherVisitorsAndOfUserIdsAreIgnored() {
    VisitSpan visit = visit(day(5, "14:00:00"), day(5, "14:10:00"));
    Identification otherVisitor = submission("ffffffffffffffff", "zoe", day(5, "14:05:00"));
    Identification userIdBinding = Identification.builder().key("user:1")
        .identity(IdentityKey.userId(VISITOR)).contactId("yan").at(day(5, "14:05:00"))
        .origin(IdentificationOrigin.HOST).build();

    assertThat(owner(visit, otherVisitor, userIdBinding)).isEmpty();
  }

  @Test
  void theVisitorIdMatchesWhateverItsCase() {
    VisitSpan upperCase = VisitSpan.builder().from(visit(DAY_1, DAY_1))
        .visitorId(VISITOR.toUpperCase()).build();

    assertThat(owner(upperCase, submission("ann", DAY_1.plusSeconds(5)))).contains("ann");
  }

  @Test
  void simultaneousSubmissionsAreDecidedByTheirKeys() {
    VisitSpan visit = visit(day(5, "14:00:00"), day(5, "14:10:00"));
    Instant sameTime = day(5, "14:05:00");
    Identification keyB = Identification.builder().key("form:b")
        .identity(IdentityKey.visitorId(VISITOR)).contactId("bob").at(sameTime)
        .origin(IdentificationOrigin.FORM_SUBMISSION).build();
    Identification keyA = Identification.builder().from(keyB).key("form:a").contactId("ann")
        .build();

    assertThat(owner(visit, keyB, keyA)).contains("ann");
    assertThat(owner(visit, keyA, keyB)).contains("ann");
  }

  @Test
  void theOwnerDoesNotDependOnTheOrderOfTheIdentifications() {
    List<Identification> identifications = new ArrayList<>(List.of(
        submission("ann", day(3, "10:00:00")),
        submission("bob", day(8, "10:00:00")),
        submission("carol", day(8, "10:00:30")),
        submission("dave", day(12, "10:00:00"))));
    List<VisitSpan> visits = List.of(
        visit(day(1, "09:00:00"), day(1, "09:10:00")),
        visit(day(8, "09:59:00"), day(8, "10:05:00")),
        visit(day(10, "09:00:00"), day(10, "09:10:00")),
        visitWithUserId(day(11, "09:00:00"), day(11, "09:10:00"), "erin"),
        visit(day(20, "09:00:00"), day(20, "09:10:00")));
    List<Optional<String>> expected = List.of(Optional.of("ann"), Optional.of("bob"),
        Optional.of("carol"), Optional.of("erin"), Optional.of("dave"));

    Random random = new Random(7);
    for (int round = 0; round < 10; round++) {
      Collections.shuffle(identifications, random);
      List<Optional<String>> owners = new ArrayList<>();
      for (VisitSpan visit : visits) {
        owners.add(identifier.owner(visit, identifications));
      }
      assertThat(owners).as("owners with identifications in order %s", identifications)
          .isEqualTo(expected);
    }
  }

  @Test
  void aNegativeGracePeriodIsRefused() {
    assertThatThrownBy(() -> new DefaultContactIdentifier(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grace period must not be negative");
  }

  @Test
  void aSpanTakesTheTimesOfTheVisitAndAMissingLastActionCountsAsTheFirst() {
    io.github.matomotracking.model.Visit raw = io.github.matomotracking.model.Visit.builder()
        .siteId(3).visitId(44).visitorId(VISITOR).userId("ann").firstActionTime(DAY_1)
        .campaign(io.github.matomotracking.model.Campaign.none()).build();

    VisitSpan span = VisitSpan.of(raw);

    assertThat(span.key()).isEqualTo(VisitKey.of(3, 44));
    assertThat(span.userId()).contains("ann");
    assertThat(span.firstActionTime()).isEqualTo(DAY_1);
    assertThat(span.lastActionTime()).isEqualTo(DAY_1);
  }
}
