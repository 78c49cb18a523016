package io.github.matomotracking.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * The result of mapping one visit: the session, its actions, the lookup entries to add before
 * storing them, and warnings about fields that could not be used.
 */
@Value.Immutable
@MatomoStyle
public interface MappedVisit {

  /** The web session. */
  WebSession session();

  /** The web actions, in the visit's order. */
  List<WebAction> actions();

  /** Lookup entries to add first (deduplicated within the visit and the mapping batch). */
  List<LookupAddition> additions();

  /** Problems with single fields; the rest of the visit was mapped. */
  List<VisitWarning> warnings();

  /** A new builder. */
  static ImmutableMappedVisit.Builder builder() {
    return ImmutableMappedVisit.builder();
  }
}
