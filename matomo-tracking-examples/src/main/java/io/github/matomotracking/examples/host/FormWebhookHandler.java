package io.github.matomotracking.examples.host;

import io.github.matomotracking.identify.ContactMatcher;
import io.github.matomotracking.identify.FormContactData;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.SyncStage;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Receives a landing-page form (flow A) in whatever web framework the host uses: give it the
 * posted fields, it checks them, finds the contact, records the identification and imports the
 * visitor's history through {@link SyncEngine#onFormSubmission}. Framework-free: an adapter turns
 * the framework's request into a map and the {@link Response} into its answer
 * ({@link FormWebhookHttpHandler} does it for the JDK's HTTP server).
 *
 * <p>Fields (names as the page's form posts them): {@value #TRACKING_USER_ID} (required, the 16
 * hexadecimal characters of Matomo's visitorId), {@value #PAGE_URL} (optional, absolute http(s)
 * URL), and at least one of {@value #FULL_NAME}, {@value #EMAIL}, {@value #PHONE}. Other fields
 * are ignored. Anything malformed is refused with 400 and a message naming the field; the message
 * never repeats what was sent, so it cannot carry markup or a forged line into a page or log.
 *
 * <p>Answers: 200 when recorded and imported; 202 when recorded but the import failed in part
 * (the next refresh catches up); 400 for bad input; 422 when no contact matches and none was
 * created; 503 when the identification could not be recorded (deliver the form again).
 *
 * <p>The import runs on the calling thread and asks Matomo for the visitor's history, which may
 * take seconds: a host that must answer at once hands {@link #handle} to an executor.
 */
public final class FormWebhookHandler {

  /** The hidden field with Matomo's visitorId. */
  public static final String TRACKING_USER_ID = "TrackingUserId";
  /** The hidden field with the page the form was on. */
  public static final String PAGE_URL = "PageUrl";
  /** The visitor's full name. */
  public static final String FULL_NAME = "FullName";
  /** The visitor's email address. */
  public static final String EMAIL = "Email";
  /** The visitor's phone number. */
  public static final String PHONE = "Phone";

  private static final Pattern VISITOR_ID = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
  private static final Pattern EMAIL_SHAPE =
      Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[^\\s@<>()\\[\\],;:\"\\\\]+\\.[^\\s@<>()\\[\\],;:\"\\\\]+");
  private static final Pattern PHONE_SHAPE = Pattern.compile("[0-9 +().\\-/]+");
  private static final Pattern NAME_FORBIDDEN = Pattern.compile("[<>{}\\[\\]\\\\=;@]");

  /**
   * The answer to a form post.
   *
   * @param status the HTTP status
   * @param message a short text for the sender, never containing what was posted
   */
  public record Response(int status, String message) {}

  private final SyncEngine engine;
  private final ContactMatcher matcher;
  private final Function<FormContactData, Optional<String>> unknownContact;
  private final Clock clock;

  /**
   * A handler.
   *
   * @param engine the sync engine
   * @param matcher finds the contact the typed data belongs to
   * @param unknownContact called when no contact matches: creates one (as a CRM creates a lead
   *     from a form) and returns its id, or returns empty to refuse the form
   * @param clock the time of submission
   */
  public FormWebhookHandler(SyncEngine engine, ContactMatcher matcher,
      Function<FormContactData, Optional<String>> unknownContact, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.unknownContact = Objects.requireNonNull(unknownContact, "unknownContact");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Handles one posted form.
   *
   * @param fields the posted fields by name
   * @return the answer
   */
  public Response handle(Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields");
    String visitorId = text(fields, TRACKING_USER_ID).orElse("");
    if (!VISITOR_ID.matcher(visitorId).matches()) {
      return bad(TRACKING_USER_ID + " must be the 16 hexadecimal characters of Matomo's visitorId");
    }
    Optional<String> pageUrl = text(fields, PAGE_URL);
    if (pageUrl.isPresent() && !isWebUrl(pageUrl.get())) {
      return bad(PAGE_URL + " must be an absolute http or https URL of at most 2048 characters");
    }
    Optional<String> name = text(fields, FULL_NAME);
    Optional<String> email = text(fields, EMAIL);
    Optional<String> phone = text(fields, PHONE);
    for (Map.Entry<String, Optional<String>> field : Map.of(FULL_NAME, name, EMAIL, email, PHONE,
        phone, PAGE_URL, pageUrl).entrySet()) {
      if (field.getValue().filter(value -> CONTROL.matcher(value).find()).isPresent()) {
        return bad(field.getKey() + " contains control characters (such as line breaks)");
      }
    }
    if (name.filter(n -> n.length() > 200 || NAME_FORBIDDEN.matcher(n).find()).isPresent()) {
      return bad(FULL_NAME + " must be at most 200 characters, without <>{}[]\\=;@");
    }
    if (email.filter(e -> e.length() > 254 || !EMAIL_SHAPE.matcher(e).matches()).isPresent()) {
      return bad(EMAIL + " must be an email address such as ann@example.com");
    }
    if (phone.filter(p -> p.length() > 40 || !PHONE_SHAPE.matcher(p).matches()
        || p.chars().noneMatch(Character::isDigit)).isPresent()) {
      return bad(PHONE + " must be at most 40 digits, spaces and + ( ) . - /");
    }
    if (name.isEmpty() && email.isEmpty() && phone.isEmpty()) {
      return bad("the form needs at least one of " + FULL_NAME + ", " + EMAIL + ", " + PHONE);
    }
    FormContactData typed = FormContactData.of(name.orElse(null), email.orElse(null),
        phone.orElse(null));

    Optional<String> contactId = matcher.match(typed).or(() -> unknownContact.apply(typed));
    if (contactId.isEmpty()) {
      return new Response(422, "no contact matches the form's data, and none was created");
    }
    SyncReport report = engine.onFormSubmission(FormSubmission.builder()
        .trackingUserId(visitorId.toLowerCase(Locale.ROOT))
        .pageUrl(pageUrl)
        .submittedAt(clock.instant())
        .contactId(contactId.get())
        .contactData(typed)
        .build());
    if (report.failures().stream().anyMatch(f -> f.stage() == SyncStage.STATE)) {
      return new Response(503, "the form could not be recorded; send it again later");
    }
    if (!report.succeeded()) {
      return new Response(202, "recorded; the import of the visitor's visits failed and is"
          + " caught up by the next refresh");
    }
    return new Response(200, "recorded; " + report.visits() + " visits of the visitor imported");
  }

  private static Response bad(String message) {
    return new Response(400, message);
  }

  /** The trimmed value of a field, empty when absent or blank. */
  private static Optional<String> text(Map<String, String> fields, String name) {
    return Optional.ofNullable(fields.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static boolean isWebUrl(String text) {
    if (text.length() > 2048) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
