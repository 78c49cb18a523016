package io.github.matomotracking.model;

import org.immutables.value.Value;

/** Web tracking action types lookup entry, keyed by Matomo's action type code (action, download ...). */
@Value.Immutable
@MatomoStyle
public interface ActionType {

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
  static ActionType of(String id, String code, String name) {
    return ImmutableActionType.of(id, code, name);
  }
}
