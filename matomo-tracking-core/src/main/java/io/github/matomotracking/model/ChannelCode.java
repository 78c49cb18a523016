package io.github.matomotracking.model;

import org.immutables.value.Value;

/** Channel code entry: a utm_medium value that names a lead channel. Codes match case-insensitively. */
@Value.Immutable
@MatomoStyle
public interface ChannelCode {

  /** The code as the host stored it. */
  @Value.Parameter
  String code();

  /** Id of the entry the code names. */
  @Value.Parameter
  String channelId();

  /** An entry. */
  static ChannelCode of(String code, String channelId) {
    return ImmutableChannelCode.of(code, channelId);
  }
}
