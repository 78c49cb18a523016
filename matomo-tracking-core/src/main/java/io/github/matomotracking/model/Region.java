package io.github.matomotracking.model;

import org.immutables.value.Value;

/**
 * An entry of the Regions lookup: an ISO 3166-2 subdivision of a country, its code written
 * without the country prefix ({@code CA} for US-CA), as Matomo sends it.
 */
@Value.Immutable
@MatomoStyle
public interface Region {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** Id of the {@link Country} this region belongs to. */
  @Value.Parameter
  String countryId();

  /** Subdivision code without the country prefix (matched case-insensitively). */
  @Value.Parameter
  String code();

  /** Name. */
  @Value.Parameter
  String name();

  /** An entry. */
  static Region of(String id, String countryId, String code, String name) {
    return ImmutableRegion.of(id, countryId, code, name);
  }
}
