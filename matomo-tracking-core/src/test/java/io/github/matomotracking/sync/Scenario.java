package io.github.matomotracking.sync;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The story the engine tests play: visitors of site 1 (Europe/Paris) who submit forms, a
 * marketing email that is clicked and forwarded, an ongoing visit, a late identification, and
 * the daily runs in between. Each step runs at its own time on the test clock.
 *
 * <p>Visits (site 1) and the owners the rules give them at the end:
 *
 * <ul>
 *   <li>101 to 105 of visitor A: the history before A's first form (101), the visit with the
 *       form (102), later visits (103; 104 and 105 just before the last daily run): all c1.
 *   <li>201 to 204 of visitor B, forms by c2 (in 201) and c3 (in 203): 201, 202 c2; 203, 204 c3.
 *       204 is still going on at the first daily run.
 *   <li>401, 402 of visitor D, two forms in 401 (c5 at 10:02, c6 at 10:10): 401 c5, 402 c6.
 *   <li>501 of visitor E (form by c9): c9; 502 of E carrying userId c4 (the email c4 received,
 *       forwarded to E): c4; 503 of c4's own browser with userId c4: c4.
 *   <li>601, 602 of visitor F: first form c7 (in 602), then a late identification c8 dated before
 *       601: 601 c8, 602 c7.
 * </ul>
 */
public final class Scenario {

  /** The site. */
  public static final long SITE = 1;
  /** Its time zone. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  public static final String A = "a0000000000000a1";
  public static final String B = "b0000000000000b2";
  public static final String D = "d0000000000000d4";
  public static final String E = "e0000000000000e5";
  public static final String F = "f0000000000000f6";
  /** The browser of the email's recipient, c4: never identified by a form. */
  public static final String C4_BROWSER = "9999999999999994";

  private Scenario() {}

  /** One step of the story. */
  public record Step(String name, Instant at, Function<SyncEngine, Object> action) {

    /**
     * Runs the step at its time.
     *
     * @param clock the clock to set
     * @param engine the engine
     * @return what the entry point returned
     */
    public Object run(TestClock clock, SyncEngine engine) {
      clock.set(at);
      return action.apply(engine);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static String day(String time) {
    return "2024-" + time + "Z";
  }

  /**
   * The visits of the story.
   *
   * @return new timeline visits
   */
  public static List<TimelineVisit> visits() {
    String site = "https://www.example.com";
    return List.of(
        TimelineVisit.of(SITE, 101, A)
            .referrer("search", "Search Engines", "Google", "https://www.google.com/search?q=crm")
            .page(day("03-01T09:00:00"), site + "/", "Home")
            .page(day("03-01T09:10:00"), site + "/pricing", "Pricing"),
        TimelineVisit.of(SITE, 102, A)
            .page(day("04-20T10:00:00"), site + "/", "Home")
            .page(day("04-20T10:05:00"), site + "/demo?ref=nav", "Request a demo")
            .goal(day("04-20T10:06:00")),
        TimelineVisit.of(SITE, 103, A)
            .campaign("facebook", "cpc")
            .page(day("04-25T14:00:00"), site + "/blog", "Blog")
            .page(day("04-25T14:03:00"), site + "/blog/tracking", "Tracking"),
        TimelineVisit.of(SITE, 104, A)
            .page(day("05-01T08:00:00"), site + "/", "Home")
            .page(day("05-01T08:05:00"), site + "/pricing", "Pricing"),
        TimelineVisit.of(SITE, 105, A)
            .page(day("05-01T18:00:00"), site + "/features", "Features")
            .page(day("05-01T18:02:00"), site + "/demo", "Request a demo"),
        TimelineVisit.of(SITE, 201, B)
            .page(day("04-10T08:55:00"), site + "/", "Home")
            .page(day("04-10T09:00:00"), site + "/contact", "Contact"),
        TimelineVisit.of(SITE, 202, B)
            .page(day("04-15T12:00:00"), site + "/pricing", "Pricing")
            .page(day("04-15T12:05:00"), site + "/", "Home"),
        TimelineVisit.of(SITE, 203, B)
            .page(day("04-22T14:58:00"), site + "/", "Home")
            .page(day("04-22T15:00:00"), site + "/contact", "Contact")
            .page(day("04-22T15:03:00"), site + "/thanks", "Thanks"),
        TimelineVisit.of(SITE, 204, B)
            .referrer("website", "Websites", "m.facebook.com", "https://m.facebook.com/story")
            .page(day("04-28T16:00:00"), site + "/", "Home")
            .page(day("04-28T16:05:00"), site + "/pricing", "Pricing")
            .page(day("04-28T16:10:00"), site + "/features", "Features")
            .page(day("04-28T16:15:00"), site + "/pricing", "Pricing")
            .goal(day("04-28T16:20:00")),
        TimelineVisit.of(SITE, 401, D)
            .page(day("04-21T10:00:00"), site + "/", "Home")
            .page(day("04-21T10:02:00"), site + "/newsletter", "Newsletter")
            .page(day("04-21T10:10:00"), site + "/demo", "Request a demo")
            .page(day("04-21T10:20:00"), site + "/thanks", "Thanks"),
        TimelineVisit.of(SITE, 402, D)
            .page(day("04-23T11:00:00"), site + "/", "Home")
            .page(day("04-23T11:05:00"), site + "/blog", "Blog"),
        TimelineVisit.of(SITE, 501, E)
            .page(day("04-18T09:00:00"), site + "/", "Home")
            .page(day("04-18T09:02:00"), site + "/contact", "Contact")
            .page(day("04-18T09:04:00"), site + "/thanks", "Thanks"),
        TimelineVisit.of(SITE, 502, E).userId("c4")
            .referrer("ai", "AI Assistants", "ChatGPT", "https://chatgpt.com/")
            .campaign("bpmonline", "email")
            .page(day("04-30T08:00:00"), site + "/offer?contactId=c4", "Spring offer")
            .page(day("04-30T08:06:00"), site + "/pricing", "Pricing"),
        TimelineVisit.of(SITE, 503, C4_BROWSER).userId("c4")
            .campaign("bpmonline", "email")
            .page(day("04-24T07:30:00"), site + "/offer?contactId=c4", "Spring offer")
            .page(day("04-24T07:35:00"), site + "/", "Home"),
        TimelineVisit.of(SITE, 601, F)
            .page(day("04-05T10:00:00"), site + "/", "Home")
            .page(day("04-05T10:05:00"), site + "/blog", "Blog"),
        TimelineVisit.of(SITE, 602, F)
            .page(day("04-20T09:58:00"), site + "/", "Home")
            .page(day("04-20T10:00:00"), site + "/contact", "Contact")
            .page(day("04-20T10:03:00"), site + "/thanks", "Thanks"));
  }

  /**
   * A form submission with a known contact.
   *
   * @param visitorId the visitor
   * @param contactId the contact
   * @param at when it was submitted, ISO instant
   * @return the submission
   */
  public static FormSubmission form(String visitorId, String contactId, String at) {
    return FormSubmission.builder()
        .trackingUserId(visitorId)
        .contactId(contactId)
        .submittedAt(Instant.parse(at))
        .pageUrl("https://www.example.com/contact")
        .build();
  }

  private static Step form(String at, String visitorId, String contactId, String submittedAt) {
    return new Step("form " + contactId + " by " + visitorId, Instant.parse(day(at)),
        engine -> engine.onFormSubmission(form(visitorId, contactId, day(submittedAt))));
  }

  private static Step scheduled(String at) {
    return new Step("scheduled run " + at, Instant.parse(day(at)), SyncEngine::runScheduled);
  }

  /** The indexes of the two daily runs around the ongoing visit 204. */
  public static final int FIRST_DAILY_RUN = 8;

  /**
   * The steps of the story, in time order.
   *
   * @return the steps
   */
  public static List<Step> steps() {
    return List.of(
        form("04-10T09:01:00", B, "c2", "04-10T09:00:00"),
        form("04-18T09:03:00", E, "c9", "04-18T09:02:00"),
        form("04-20T10:01:00", F, "c7", "04-20T10:00:00"),
        form("04-20T10:06:00", A, "c1", "04-20T10:05:00"),
        form("04-21T10:11:00", D, "c5", "04-21T10:02:00"),
        form("04-21T10:12:00", D, "c6", "04-21T10:10:00"),
        form("04-22T15:01:00", B, "c3", "04-22T15:00:00"),
        new Step("email click of c4", Instant.parse(day("04-24T07:29:30")),
            engine -> engine.onEmailClick(EmailClick.builder().contactId("c4")
                .bulkEmailRecipientId("r-42").clickedAt(Instant.parse(day("04-24T07:29:00")))
                .build())),
        scheduled("04-28T16:10:00"),
        scheduled("04-29T02:00:00"),
        form("05-01T10:00:00", F, "c8", "04-01T12:00:00"),
        scheduled("05-02T02:00:00"));
  }

  /**
   * The owner of every visit once the story is over.
   *
   * @return contact id by visit
   */
  public static Map<VisitKey, String> expectedOwners() {
    Map<VisitKey, String> owners = new LinkedHashMap<>();
    owners.put(VisitKey.of(SITE, 101), "c1");
    owners.put(VisitKey.of(SITE, 102), "c1");
    owners.put(VisitKey.of(SITE, 103), "c1");
    owners.put(VisitKey.of(SITE, 104), "c1");
    owners.put(VisitKey.of(SITE, 105), "c1");
    owners.put(VisitKey.of(SITE, 201), "c2");
    owners.put(VisitKey.of(SITE, 202), "c2");
    owners.put(VisitKey.of(SITE, 203), "c3");
    owners.put(VisitKey.of(SITE, 204), "c3");
    owners.put(VisitKey.of(SITE, 401), "c5");
    owners.put(VisitKey.of(SITE, 402), "c6");
    owners.put(VisitKey.of(SITE, 501), "c9");
    owners.put(VisitKey.of(SITE, 502), "c4");
    owners.put(VisitKey.of(SITE, 503), "c4");
    owners.put(VisitKey.of(SITE, 601), "c8");
    owners.put(VisitKey.of(SITE, 602), "c7");
    return owners;
  }

  /**
   * Every identity whose cursor the story may set.
   *
   * @return the identities
   */
  public static List<IdentityKey> identities() {
    return List.of(IdentityKey.visitorId(A), IdentityKey.visitorId(B), IdentityKey.visitorId(D),
        IdentityKey.visitorId(E), IdentityKey.visitorId(F), IdentityKey.visitorId(C4_BROWSER),
        IdentityKey.userId("c4"));
  }
}
