package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.Nullable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a visit's {@code actionDetails}: its type, its true UTC time, and the fields
 * Matomo stores for it, in Matomo's order.
 *
 * <p>The server adds what Matomo computes when it answers: {@code timestamp} (shifted by the
 * site's UTC offset, as Matomo does), {@code serverTimePretty}, {@code pageviewPosition} and, for
 * page views, {@code timeSpent}. Field values are texts, {@code Long}s for database integers
 * (written as JSON strings when the server imitates PHP before 8.1), {@code Double}s for decimal
 * numbers, or {@code null}.
 *
 * @param type Matomo's {@code type}: {@code action}, {@code download}, {@code outlink},
 *     {@code search}, {@code event}, {@code goal}, {@code 13} (content interaction),
 *     {@code form} ...
 * @param time when the action happened (true UTC)
 * @param fields the stored fields, in order; copied, unmodifiable, null values allowed
 */
public record DemoAction(String type, Instant time, Map<String, Object> fields) {

  private static final String ICONS = "plugins/Morpheus/images/";

  /** Copies and checks the values. */
  public DemoAction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      if (value != null && !(value instanceof String) && !(value instanceof Long) && !(value instanceof Double)) {
        throw new IllegalArgumentException("field " + field.getKey() + " of a " + type
            + " action must be a String, Long, Double or null, not " + value.getClass().getSimpleName());
      }
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * A page view ({@code type=action}).
   *
   * @param time when the page was viewed
   * @param url the page URL, query string included
   * @param pageTitle the page title
   * @param pageViewId the six-character {@code idpageview}
   * @param pageIdAction Matomo's id of the URL ({@code pageIdAction})
   * @param pageId Matomo's id of this action ({@code pageId}, {@code idlink_va})
   * @return the action
   */
  public static DemoAction pageView(Instant time, String url, String pageTitle, String pageViewId,
      long pageIdAction, long pageId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("url", url);
    f.put("pageTitle", pageTitle);
    f.put("pageIdAction", pageIdAction);
    f.put("idpageview", pageViewId);
    f.put("pageId", pageId);
    f.put("title", pageTitle);
    f.put("subtitle", url);
    f.put("icon", null);
    f.put("iconSVG", ICONS + "action.svg");
    return new DemoAction("action", time, f);
  }

  /**
   * A file download.
   *
   * @param time when the link was clicked
   * @param url the file URL
   * @param pageViewId the {@code idpageview} of the page the link was on
   * @param pageIdAction Matomo's id of the URL
   * @param pageId Matomo's id of this action
   * @return the action
   */
  public static DemoAction download(Instant time, String url, String pageViewId, long pageIdAction, long pageId) {
    return link("download", "Download", "download", time, url, pageViewId, pageIdAction, pageId);
  }

  /**
   * A click on a link to another site.
   *
   * @param time when the link was clicked
   * @param url the link's target
   * @param pageViewId the {@code idpageview} of the page the link was on
   * @param pageIdAction Matomo's id of the URL
   * @param pageId Matomo's id of this action
   * @return the action
   */
  public static DemoAction outlink(Instant time, String url, String pageViewId, long pageIdAction, long pageId) {
    return link("outlink", "Outlink", "link", time, url, pageViewId, pageIdAction, pageId);
  }

  private static DemoAction link(String type, String title, String icon, Instant time, String url,
      String pageViewId, long pageIdAction, long pageId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("url", url);
    f.put("pageTitle", null);
    f.put("pageIdAction", pageIdAction);
    f.put("idpageview", pageViewId);
    f.put("pageId", pageId);
    f.put("title", title);
    f.put("subtitle", url);
    f.put("icon", ICONS + icon + ".png");
    f.put("iconSVG", ICONS + icon + ".svg");
    return new DemoAction(type, time, f);
  }

  /**
   * A search on the site's own search page.
   *
   * @param time when the search ran
   * @param keyword what was searched for
   * @param category the search category, or {@code null}
   * @param resultCount how many results the site found
   * @param pageViewId the {@code idpageview} of the search
   * @param pageIdAction Matomo's id of the keyword
   * @param pageId Matomo's id of this action
   * @return the action
   */
  public static DemoAction siteSearch(Instant time, String keyword, @Nullable String category, long resultCount,
      String pageViewId, long pageIdAction, long pageId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("url", null);
    f.put("pageIdAction", pageIdAction);
    f.put("idpageview", pageViewId);
    f.put("pageId", pageId);
    f.put("siteSearchKeyword", keyword);
    f.put("siteSearchCategory", category);
    f.put("siteSearchCount", resultCount);
    f.put("title", "Site Search");
    f.put("subtitle", keyword + (category == null ? "" : " - Search Category: " + category)
        + " - Search Results Count: " + resultCount);
    f.put("icon", ICONS + "search.png");
    f.put("iconSVG", ICONS + "search.svg");
    return new DemoAction("search", time, f);
  }

  /**
   * A custom event.
   *
   * @param time when the event was tracked
   * @param pageUrl the page it happened on
   * @param pageViewId the {@code idpageview} of that page
   * @param pageIdAction Matomo's id of the page URL
   * @param pageId Matomo's id of this action
   * @param category the event category
   * @param action the event action
   * @param name the event name, or {@code null}
   * @param value the event value, or {@code null}
   * @return the action
   */
  public static DemoAction event(Instant time, String pageUrl, String pageViewId, long pageIdAction, long pageId,
      String category, String action, @Nullable String name, @Nullable Double value) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("url", pageUrl);
    f.put("pageIdAction", pageIdAction);
    f.put("idpageview", pageViewId);
    f.put("pageId", pageId);
    f.put("eventCategory", category);
    f.put("eventAction", action);
    f.put("eventName", name);
    f.put("eventValue", value);
    f.put("title", "Event");
    f.put("subtitle", "Category: \"" + category + "\", Action: \"" + action + "\"");
    f.put("icon", ICONS + "event.png");
    f.put("iconSVG", ICONS + "event.svg");
    return new DemoAction("event", time, f);
  }

  /**
   * A goal conversion (no {@code idpageview}, as in Matomo).
   *
   * @param time when the goal was converted
   * @param goalId the goal's id
   * @param goalName the goal's name
   * @param revenue the revenue as Matomo writes it ({@code "0"}, {@code "49.9"})
   * @param url the page URL the conversion happened on
   * @param goalPageId the {@code pageId} of the action that converted
   * @return the action
   */
  public static DemoAction goal(Instant time, long goalId, String goalName, String revenue, String url,
      long goalPageId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("goalName", goalName);
    f.put("goalId", goalId);
    f.put("revenue", revenue);
    f.put("goalPageId", goalPageId);
    f.put("url", url);
    f.put("icon", ICONS + "goal.png");
    f.put("iconSVG", ICONS + "goal.svg");
    f.put("title", "Goal conversion");
    f.put("subtitle", goalName);
    return new DemoAction("goal", time, f);
  }

  /**
   * A content interaction, which Matomo returns with the raw type {@code "13"}.
   *
   * @param time when the visitor interacted
   * @param pageUrl the page the content was on
   * @param pageViewId the {@code idpageview} of that page
   * @param pageIdAction Matomo's id of the content
   * @param pageId Matomo's id of this action
   * @param contentName the content's name
   * @param contentPiece the content piece (an image path, a text)
   * @param contentTarget where the content leads, or {@code null}
   * @param interaction the interaction, such as {@code click}
   * @return the action
   */
  public static DemoAction contentInteraction(Instant time, String pageUrl, String pageViewId, long pageIdAction,
      long pageId, String contentName, String contentPiece, @Nullable String contentTarget, String interaction) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("url", pageUrl);
    f.put("pageTitle", null);
    f.put("pageIdAction", pageIdAction);
    f.put("idpageview", pageViewId);
    f.put("pageId", pageId);
    f.put("contentName", contentName);
    f.put("contentPiece", contentPiece);
    f.put("contentTarget", contentTarget);
    f.put("contentInteraction", interaction);
    f.put("title", "Content Interaction");
    f.put("subtitle", contentName + " - " + contentPiece);
    f.put("icon", ICONS + "contentinteraction.png");
    f.put("iconSVG", ICONS + "contentinteraction.svg");
    return new DemoAction("13", time, f);
  }

  /**
   * A form submission as a form-analytics plugin reports it ({@code type=form}).
   *
   * @param time when the form was submitted
   * @param pageUrl the page the form was on
   * @param pageViewId the {@code idpageview} of that page
   * @param pageId Matomo's id of this action
   * @param formName the form's name
   * @param formId the form's HTML id
   * @return the action
   */
  public static DemoAction formSubmit(Instant time, String pageUrl, String pageViewId, long pageId,
      String formName, String formId) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("url", pageUrl);
    f.put("idpageview", pageViewId);
    f.put("pageId", pageId);
    f.put("formName", formName);
    f.put("formId", formId);
    f.put("formStatus", "submitted");
    f.put("title", "Form submitted");
    f.put("subtitle", formName);
    f.put("icon", null);
    f.put("iconSVG", null);
    return new DemoAction("form", time, f);
  }

  /**
   * Whether this is a page view.
   *
   * @return true for {@code type=action}
   */
  public boolean isPageView() {
    return type.equals("action");
  }

  /**
   * The {@code url} field.
   *
   * @return the URL, or empty
   */
  public Optional<String> url() {
    return text("url");
  }

  /**
   * The {@code idpageview} field.
   *
   * @return the page view id, or empty (goals have none)
   */
  public Optional<String> pageViewId() {
    return text("idpageview");
  }

  /**
   * A text field.
   *
   * @param name the field name
   * @return its value when it is a non-null text
   */
  public Optional<String> text(String name) {
    Object value = fields.get(name);
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }
}
