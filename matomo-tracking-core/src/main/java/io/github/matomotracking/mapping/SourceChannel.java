package io.github.matomotracking.mapping;

import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.Nullable;
import java.util.Optional;
import org.immutables.value.Value;

/** What a {@link SourceChannelPolicy} found: a lead source and a lead channel, each optional. */
@Value.Immutable
@MatomoStyle
public interface SourceChannel {

  /**
   * The lead source.
   *
   * @return the source, if one was found
   */
  Optional<LookupRef> source();

  /**
   * The lead channel.
   *
   * @return the channel, if one was found
   */
  Optional<LookupRef> channel();

  /**
   * A result.
   *
   * @param source the source, or null for none
   * @param channel the channel, or null for none
   * @return the result
   */
  static SourceChannel of(@Nullable LookupRef source, @Nullable LookupRef channel) {
    return ImmutableSourceChannel.builder().source(source).channel(channel).build();
  }

  /**
   * Neither source nor channel.
   *
   * @return the empty result
   */
  static SourceChannel none() {
    return of(null, null);
  }
}
