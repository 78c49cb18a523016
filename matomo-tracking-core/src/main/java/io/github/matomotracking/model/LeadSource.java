package io.github.matomotracking.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An entry of the CRM's Lead sources lookup, such as "Facebook", with its default channel. */
@Value.Immutable
@MatomoStyle
public interface LeadSource {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** Display name. */
  @Value.Parameter
  String name();

  /** Id of the {@link LeadChannel} used when no channel was found otherwise. */
  @Value.Parameter
  Optional<String> defaultChannelId();

  /** A source with its default channel id (or {@code null} for none). */
  static LeadSource of(String id, String name, @Nullable String defaultChannelId) {
    return ImmutableLeadSource.of(id, name, Optional.ofNullable(defaultChannelId));
  }
}
