package io.github.matomotracking.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A country, region or city of a session: the name and code Matomo sent, and the lookup entry
 * they resolved to (geo lookups are never added to).
 */
@Value.Immutable(singleton = true)
@MatomoStyle
public interface GeoValue {

  /** The name Matomo sent. */
  Optional<String> name();

  /** The code Matomo sent (countries and regions; cities have none). */
  Optional<String> code();

  /** The lookup entry it resolved to. */
  Optional<LookupRef> lookup();

  /** Nothing known. */
  static GeoValue empty() {
    return ImmutableGeoValue.of();
  }

  /** A new builder. */
  static ImmutableGeoValue.Builder builder() {
    return ImmutableGeoValue.builder();
  }
}
