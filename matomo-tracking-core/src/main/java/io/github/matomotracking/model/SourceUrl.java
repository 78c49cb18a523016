package io.github.matomotracking.model;

import org.immutables.value.Value;

/**
 * Lead source URL entry: a referrer domain (such as {@code facebook.com}) that names a lead
 * source. It matches the domain itself and its sub-domains, case-insensitively.
 */
@Value.Immutable
@MatomoStyle
public interface SourceUrl {

  /** The domain. */
  @Value.Parameter
  String domain();

  /** Id of the lead source. */
  @Value.Parameter
  String sourceId();

  /** An entry. */
  static SourceUrl of(String domain, String sourceId) {
    return ImmutableSourceUrl.of(domain, sourceId);
  }
}
