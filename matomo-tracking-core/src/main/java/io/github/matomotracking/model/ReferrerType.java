package io.github.matomotracking.model;

import org.immutables.value.Value;

/** Web referrer types lookup entry, keyed by Matomo's referrerType code (direct, search ...). */
@Value.Immutable
@MatomoStyle
public interface ReferrerType {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** Matomo's code (matched case-insensitively). */
  @Value.Parameter
  String code();

  /** Display name. */
  @Value.Parameter
  String name();

  /** An entry. */
  static ReferrerType of(String id, String code, String name) {
    return ImmutableReferrerType.of(id, code, name);
  }
}
