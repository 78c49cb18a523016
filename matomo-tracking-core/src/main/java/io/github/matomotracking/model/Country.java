package io.github.matomotracking.model;

import org.immutables.value.Value;

/** An entry of the Countries lookup: ISO 3166-1 alpha-2 code and English name. */
@Value.Immutable
@MatomoStyle
public interface Country {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** ISO 3166-1 alpha-2 code (matched case-insensitively). */
  @Value.Parameter
  String code();

  /** English name. */
  @Value.Parameter
  String name();

  /** An entry. */
  static Country of(String id, String code, String name) {
    return ImmutableCountry.of(id, code, name);
  }
}
