package io.github.matomotracking.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Matomo code (referrer type, action type) with the lookup entry it resolved to. When the code
 * was missing from the lookup, the entry is one the mapper asked to add (a {@link LookupAddition}).
 */
@Value.Immutable
@MatomoStyle
public interface CodedValue {

  /** Matomo's code as received. */
  @Value.Parameter
  String code();

  /** The lookup entry (existing or to be added). */
  @Value.Parameter
  Optional<LookupRef> lookup();

  /** A value. */
  static CodedValue of(String code, @Nullable LookupRef lookup) {
    return ImmutableCodedValue.of(code, Optional.ofNullable(lookup));
  }
}
