package io.github.matomotracking.model;

import org.immutables.value.Value;

/** Source code entry: a utm value (utm_source, or utm_campaign) that names a lead source. Codes match case-insensitively. */
@Value.Immutable
@MatomoStyle
public interface SourceCode {

  /** The code as the host stored it. */
  @Value.Parameter
  String code();

  /** Id of the entry the code names. */
  @Value.Parameter
  String sourceId();

  /** An entry. */
  static SourceCode of(String code, String sourceId) {
    return ImmutableSourceCode.of(code, sourceId);
  }
}
