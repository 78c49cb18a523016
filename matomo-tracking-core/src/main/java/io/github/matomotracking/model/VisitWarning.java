package io.github.matomotracking.model;

import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Something wrong with one visit that did not stop the rest: a visit the reader had to skip, or a
 * field the mapper could not use. It names the visit (by its ids when known, else by its position
 * in the response).
 */
@Value.Immutable
@MatomoStyle
public interface VisitWarning {

  /** {@code idSite} of the visit, when known. */
  OptionalLong siteId();

  /** {@code idVisit} of the visit, when known. */
  OptionalLong visitId();

  /** Position of the visit in its response, from 0, when the reader raised it. */
  OptionalLong position();

  /** What was wrong. */
  String message();

  /** A one-line description naming the visit. */
  default String describe() {
    StringBuilder text = new StringBuilder("visit");
    if (visitId().isPresent()) {
      text.append(' ').append(siteId().isPresent() ? siteId().getAsLong() + "/" : "")
          .append(visitId().getAsLong());
    }
    if (position().isPresent()) {
      text.append(" (#").append(position().getAsLong()).append(" in the response)");
    }
    return text.append(": ").append(message()).toString();
  }

  /** A new builder. */
  static ImmutableVisitWarning.Builder builder() {
    return ImmutableVisitWarning.builder();
  }
}
