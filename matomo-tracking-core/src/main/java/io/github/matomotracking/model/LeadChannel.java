package io.github.matomotracking.model;

import org.immutables.value.Value;

/** An entry of the CRM's Lead channels lookup, such as "Web: social". */
@Value.Immutable
@MatomoStyle
public interface LeadChannel {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** Display name. */
  @Value.Parameter
  String name();

  /** A channel. */
  static LeadChannel of(String id, String name) {
    return ImmutableLeadChannel.of(id, name);
  }
}
