package io.github.matomotracking.model;

import org.immutables.value.Value;

/** A resolved reference to a lookup entry: its id and its display name. */
@Value.Immutable
@MatomoStyle
public interface LookupRef {

  /** Id of the entry. */
  @Value.Parameter
  String id();

  /** Display name of the entry. */
  @Value.Parameter
  String name();

  /** A reference. */
  static LookupRef of(String id, String name) {
    return ImmutableLookupRef.of(id, name);
  }
}
