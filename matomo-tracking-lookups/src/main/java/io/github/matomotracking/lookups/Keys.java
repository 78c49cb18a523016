package io.github.matomotracking.lookups;

import io.github.matomotracking.model.Nullable;
import java.util.Locale;

/** How text keys are normalised for case-insensitive look-ups, and the composite keys. */
final class Keys {

  private Keys() {}

  /** The case-insensitive form of a key: lower case, locale-independent. */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** A region within its country: (country id, lower-cased code). */
  record RegionKey(String countryId, String code) {}

  /** A city within its country and region (null: none): (ids, lower-cased name). */
  record CityKey(String countryId, @Nullable String regionId, String name) {}

  /** A web page: exact name and URL. */
  record PageKey(String name, String url) {}
}
