package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.WebPage;
import io.github.matomotracking.model.WebPageRef;
import java.util.Optional;

/**
 * The web page of a web action (domain rules, section 6). Its key is (name, URL without query
 * string and fragment); the name is the page title when not blank, otherwise the host without
 * {@code www.} followed by the path ({@code https://www.example.com/pricing?x=1} gives
 * {@code example.com/pricing}, see {@link Urls#pageName(String)}). A page missing from the
 * lookup is added; an entry without URL has no web page.
 *
 * <p>A URL without query, or a name, longer than {@link LookupAdditions#MAX_TEXT_LENGTH}
 * characters gives no web page.
 *
 * <p>The query string is cut at the first {@code ?} or {@code #} whatever the URL looks like
 * (unlike the session's referrer URL, which is only cut when absolute): the lookup key must not
 * depend on tracking parameters.
 */
public final class WebPageResolver {

  private WebPageResolver() {}

  /**
   * Resolves the web page of an action.
   *
   * @param url the action's {@code url}, may be null
   * @param pageTitle the action's {@code pageTitle}, may be null
   * @param lookups the lookups
   * @param additions where a missing page is requested
   * @return the page; empty when the URL is blank, or it or the name is too long
   */
  public static Optional<WebPageRef> resolve(
      @Nullable String url, @Nullable String pageTitle, LookupSnapshot lookups, LookupAdditions additions) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    if (pageTitle != null && pageTitle.length() > LookupAdditions.MAX_TEXT_LENGTH && !pageTitle.isBlank()) {
      return Optional.empty();
    }
    String key = Urls.withoutQuery(url);
    if (key.length() > LookupAdditions.MAX_TEXT_LENGTH) {
      return Optional.empty();
    }
    String name = name(url, pageTitle);
    Optional<WebPage> existing = lookups.webPage(name, key);
    if (existing.isPresent()) {
      WebPage page = existing.get();
      return Optional.of(WebPageRef.of(page.id(), page.name(), page.url()));
    }
    return Optional.of(additions.webPage(name, key));
  }

  /**
   * The name of a page: the title when not blank, else host without {@code www.} plus path
   * (or, should that be empty, the URL without query string).
   *
   * @param url the page URL
   * @param pageTitle the page title, may be null
   * @return the name
   */
  public static String name(String url, @Nullable String pageTitle) {
    if (pageTitle != null && !pageTitle.isBlank()) {
      return pageTitle;
    }
    String name = Urls.pageName(url);
    return name.isEmpty() ? Urls.withoutQuery(url) : name;
  }
}
