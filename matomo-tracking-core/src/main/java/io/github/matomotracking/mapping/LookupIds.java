package io.github.matomotracking.mapping;

import io.github.matomotracking.model.LookupKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The ids the mapper gives to lookup entries it asks to add. An id is a name-based (version 3)
 * UUID of {@code kind.wireName() + '\n' + key}, so the same missing entry gets the same id in
 * every run, on every machine; hosts and repositories can compute it too.
 *
 * <p>Keys: for referrer types and action types the Matomo code lower-cased with
 * {@link Locale#ROOT} (codes match case-insensitively); for web pages {@code name + '\n' + url},
 * both exactly as used in the lookup (the URL without its query string; a fragment stays).
 */
public final class LookupIds {

  private LookupIds() {}

  /**
   * The id of an entry of the given lookup with the given key.
   *
   * @param kind the lookup
   * @param key the entry's key, as described in the class documentation
   * @return a UUID in its usual text form
   */
  public static String of(LookupKind kind, String key) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    byte[] name = (kind.wireName() + '\n' + key).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  /**
   * The id of a referrer type added for this Matomo code.
   *
   * @param code Matomo's {@code referrerType} code, any case
   * @return the id
   */
  public static String referrerType(String code) {
    return of(LookupKind.REFERRER_TYPE, code.toLowerCase(Locale.ROOT));
  }

  /**
   * The id of an action type added for this Matomo code.
   *
   * @param code Matomo's action {@code type} code, any case
   * @return the id
   */
  public static String actionType(String code) {
    return of(LookupKind.ACTION_TYPE, code.toLowerCase(Locale.ROOT));
  }

  /**
   * The id of a web page added with this name and URL.
   *
   * @param name the page's name
   * @param url the page's URL without its query string (a fragment stays)
   * @return the id
   */
  public static String webPage(String name, String url) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    return of(LookupKind.WEB_PAGE, name + '\n' + url);
  }
}
