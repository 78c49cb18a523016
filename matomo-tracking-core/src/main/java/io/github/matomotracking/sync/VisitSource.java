package io.github.matomotracking.sync;

import io.github.matomotracking.model.Visit;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the {@link SyncEngine} gets visits from: Matomo, through the library's client, or a fake
 * in tests. The engine asks for one site per query.
 */
public interface VisitSource {

  /**
   * Fetches the visits a query selects and hands each one to {@code visits}, in Matomo's
   * ascending order of last action time (then visit id), each once per query.
   *
   * @param query one site, the identities and the {@code minTimestamp}
   * @param visits receives each visit; an exception it throws stops the fetch and is rethrown
   *     unchanged
   * @return how many requests the fetch took
   * @throws RuntimeException when Matomo fails (the client's {@code MatomoException})
   */
  SourceSummary fetch(SourceQuery query, Consumer<? super Visit> visits);

  /**
   * The time zone of a site, which the mapper needs to correct action times.
   *
   * @param siteId the site
   * @return the zone, or empty when Matomo has none that can be read
   * @throws RuntimeException when it cannot be read now
   */
  Optional<ZoneId> siteTimeZone(long siteId);
}
