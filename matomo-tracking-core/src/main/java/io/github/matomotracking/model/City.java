package io.github.matomotracking.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An entry of the Cities lookup (the host loads these), within a country and maybe a region. */
@Value.Immutable
@MatomoStyle
public interface City {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** English name (matched case-insensitively). */
  @Value.Parameter
  String name();

  /** Id of the {@link Country}. */
  @Value.Parameter
  String countryId();

  /** Id of the {@link Region}, when the city is filed under one. */
  @Value.Parameter
  Optional<String> regionId();

  /** An entry; {@code regionId} may be {@code null}. */
  static City of(String id, String name, String countryId, @Nullable String regionId) {
    return ImmutableCity.of(id, name, countryId, Optional.ofNullable(regionId));
  }
}
