package io.github.matomotracking.identify;

import java.util.Collection;
import java.util.Optional;

/**
 * Decides which contact owns a Matomo visit, given the identifications known for the visit's
 * identities. Implementations must be deterministic (same visit and same identifications in any
 * order give the same owner), free of I/O, and safe to call from several threads.
 *
 * <p>The built-in policy is {@link DefaultContactIdentifier}; a host with other rules plugs in
 * its own.
 */
@FunctionalInterface
public interface ContactIdentifier {

  /**
   * The owner of a visit.
   *
   * @param visit the visit
   * @param identifications identifications known for the visit's visitorId (and possibly others:
   *     an implementation ignores those that do not concern the visit), in any order
   * @return the owning contact id, or empty when nobody owns the visit
   */
  Optional<String> owner(VisitSpan visit, Collection<Identification> identifications);
}
