package io.github.matomotracking.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation and keys of the identification values. */
class IdentificationValuesTest {

  private static final Instant AT = Instant.parse("2024-03-10T09:15:02.250Z");

  @ParameterizedTest(name = "\"{0}\" is not a visitorId")
  @ValueSource(strings = {"", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg",
      "0123456789abcde,", "0123456789abcdef;userId==x", " 0123456789abcdef"})
  void aTrackingUserIdMustBeSixteenHexCharacters(String trackingUserId) {
    assertThatThrownBy(() -> FormSubmission.builder().trackingUserId(trackingUserId)
        .submittedAt(AT).contactId("ann").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FormSubmission.trackingUserId must be exactly 16 hexadecimal");
  }

  @Test
  void aVisitorIdIsKeptInLowerCase() {
    FormSubmission form = FormSubmission.builder().trackingUserId("0123456789ABCDEF")
        .submittedAt(AT).contactId("ann").build();

    assertThat(form.trackingUserId()).isEqualTo("0123456789ABCDEF");
    assertThat(form.visitor()).isEqualTo(IdentityKey.visitorId("0123456789abcdef"));
    assertThat(form.key()).isEqualTo("form:0123456789abcdef@2024-03-10T09:15:02.250Z");
  }

  @Test
  void aSubmissionNeedsAContactOrItsData() {
    assertThatThrownBy(() -> FormSubmission.builder().trackingUserId("0123456789abcdef")
        .submittedAt(AT).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a contactId or the contact data");
  }

  @Test
  void formDataNeedsSomethingToMatchOn() {
    assertThatThrownBy(() -> FormContactData.of(" ", null, "(-)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all were blank");
  }

  @Test
  void theHostsSubmissionIdMakesTheKey() {
    FormSubmission form = FormSubmission.builder().trackingUserId("0123456789abcdef")
        .submittedAt(AT).contactId("ann").submissionId("sub-42").build();

    assertThat(form.key()).isEqualTo("form:sub-42");
    assertThat(FormSubmission.builder().from(form).submittedAt(AT.plusSeconds(3)).build().key())
        .isEqualTo("form:sub-42");
  }

  @Test
  void aSubmissionIdentifiesByItsContactIdBeforeAskingTheMatcher() {
    ContactMatcher matcher = data -> Optional.of("matched");
    FormContactData data = FormContactData.of("Ann Lee", null, null);
    FormSubmission known = FormSubmission.builder().trackingUserId("0123456789abcdef")
        .submittedAt(AT).contactId("known").contactData(data).build();
    FormSubmission typed = FormSubmission.builder().from(known).contactId(Optional.empty()).build();

    assertThat(Identification.fromSubmission(known, matcher).map(Identification::contactId))
        .contains("known");
    Identification byMatcher = Identification.fromSubmission(typed, matcher).orElseThrow();
    assertThat(byMatcher.contactId()).isEqualTo("matched");
    assertThat(byMatcher.identity()).isEqualTo(IdentityKey.visitorId("0123456789abcdef"));
    assertThat(byMatcher.at()).isEqualTo(AT);
    assertThat(byMatcher.origin()).isEqualTo(IdentificationOrigin.FORM_SUBMISSION);
    assertThat(byMatcher.key()).isEqualTo(typed.key());
    assertThat(Identification.fromSubmission(typed, d -> Optional.empty())).isEmpty();
  }

  @Test
  void anEmailClickBindsTheUserIdThatIsTheContactId() {
    EmailClick click = EmailClick.builder().contactId("c-1").bulkEmailRecipientId("r-9")
        .clickedAt(AT).build();

    Identification identification = Identification.ofEmailClick(click);

    assertThat(identification.identity()).isEqualTo(IdentityKey.userId("c-1"));
    assertThat(identification.contactId()).isEqualTo("c-1");
    assertThat(identification.key()).isEqualTo("click:c-1/r-9@2024-03-10T09:15:02.250Z");
    assertThat(identification.origin()).isEqualTo(IdentificationOrigin.EMAIL_CLICK);
  }

  @Test
  void aVeryLongClickKeyIsHashedToAStableShortKey() {
    EmailClick click = EmailClick.builder().contactId("c".repeat(200))
        .bulkEmailRecipientId("r".repeat(300)).clickedAt(AT).build();

    assertThat(click.key()).startsWith("click:sha256:").hasSize(13 + 64)
        .isEqualTo(EmailClick.builder().from(click).build().key());
    assertThat(Identification.ofEmailClick(click).key()).isEqualTo(click.key());
  }

  @ParameterizedTest(name = "userId of {0} characters is refused")
  @ValueSource(ints = {0, 201})
  void aUserIdHasOneToTwoHundredCharacters(int length) {
    assertThatThrownBy(() -> IdentityKey.userId("u".repeat(length)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must have 1 to 200 characters");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a plain link                                  | https://www.example.com/offer?contactId=c-1&bulkEmailRecipientId=r-1        | c-1       | r-1
      percent-encoding is decoded                   | https://www.example.com/?contactId=c%2F1%26x&bulkEmailRecipientId=r%201     | c/1&x     | r 1
      a plus sign is a space                        | https://www.example.com/?contactId=c+1                                      | c 1       |
      other parameters are ignored                  | https://www.example.com/?utm_source=mail&contactId=c-1&x=y                  | c-1       |
      the fragment is ignored                       | https://www.example.com/?contactId=c-1#bulkEmailRecipientId=r-1             | c-1       |
      a bare query string works                     | ?bulkEmailRecipientId=r-1&contactId=c-1                                     | c-1       | r-1
      the same value twice is fine                  | /page?contactId=c-1&contactId=c-1                                           | c-1       |
      names are case-sensitive                      | /page?contactid=c-1&ContactId=c-2                                           |           |
      a blank value counts as absent                | /page?contactId=%20&bulkEmailRecipientId=                                   |           |
      no query string                               | https://www.example.com/page                                                |           |
      """)
  void theLinkParametersAreReadFromTheClickedUrl(
      String rule, String url, String contactId, String recipientId) {
    EmailLinkParameters parameters = EmailLinkParameters.parse(url);

    assertThat(parameters.contactId()).isEqualTo(Optional.ofNullable(contactId));
    assertThat(parameters.bulkEmailRecipientId()).isEqualTo(Optional.ofNullable(recipientId));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      two different contacts in one link | /page?contactId=c-1&contactId=c-2 | contactId twice with different values
      a broken percent-encoding          | /page?contactId=c%2             | badly percent-encoded value in contactId
      """)
  void anAmbiguousOrBrokenLinkIsRefused(String rule, String url, String message) {
    assertThatThrownBy(() -> EmailLinkParameters.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aClickNeedsAContactIdInTheLink() {
    assertThat(EmailClick.fromClickedUrl("https://x.example/?contactId=c-1", AT).contactId())
        .isEqualTo("c-1");
    assertThatThrownBy(() -> EmailClick.fromClickedUrl("https://x.example/?a=b", AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no contactId parameter");
  }
}
