package io.github.matomotracking.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entry the mapper found missing and asks the host to add before the session that uses it is
 * stored. Its id is derived from its key, so the same missing entry always gets the same id and
 * adding it twice is harmless.
 */
@Value.Immutable
@MatomoStyle
public interface LookupAddition {

  /** Which lookup. */
  LookupKind kind();

  /** The id the new entry gets (deterministic from its key). */
  String id();

  /** Display name. */
  String name();

  /** Matomo's code, for referrer and action types. */
  Optional<String> code();

  /** The URL without query, for web pages. */
  Optional<String> url();

  /** The reference a session or action holds to this entry. */
  default LookupRef ref() {
    return LookupRef.of(id(), name());
  }

  /** A new builder. */
  static ImmutableLookupAddition.Builder builder() {
    return ImmutableLookupAddition.builder();
  }
}
