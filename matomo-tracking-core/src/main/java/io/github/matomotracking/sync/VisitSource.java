package io.github.matomotracking.sync;

import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the {@link SyncEngine} gets visits from: Matomo through {@link #of(MatomoClient)}, or a
 * fake in tests. The engine asks for one site per query, with the visitorIds or the userIds of
 * one identity batch and a {@code minTimestamp}; it uses no date window.
 */
public interface VisitSource {

  /**
   * Fetches the visits a query selects and hands each one to {@code visits}, per site in
   * Matomo's ascending order of last action time (then visit id), each once per query.
   *
   * @param query one site, the identities and the {@code minTimestamp}
   * @param visits receives each visit; an exception it throws stops the fetch and is rethrown
   *     unchanged
   * @return what the fetch took (the engine reports requests and retries)
   * @throws RuntimeException when Matomo fails (the client's {@code MatomoException})
   */
  FetchSummary fetch(VisitQuery query, Consumer<? super Visit> visits);

  /**
   * Fetches like {@link #fetch(VisitQuery, Consumer)}, and hands over warnings about visit
   * objects that had to be skipped. By default there are none.
   *
   * @param query the query
   * @param visits receives each visit
   * @param warnings receives each warning
   * @return what the fetch took
   */
  default FetchSummary fetch(VisitQuery query, Consumer<? super Visit> visits,
      Consumer<? super VisitWarning> warnings) {
    return fetch(query, visits);
  }

  /**
   * The time zone of a site, which the mapper needs to correct action times.
   *
   * @param siteId the site
   * @return the zone, or empty when Matomo has none that can be read
   * @throws RuntimeException when it cannot be read now
   */
  Optional<ZoneId> siteTimeZone(long siteId);

  /**
   * The visits of a Matomo server, through the library's client. The client stays the
   * caller's to close.
   *
   * @param client the client
   * @return the source
   */
  static VisitSource of(MatomoClient client) {
    Objects.requireNonNull(client, "client");
    return new VisitSource() {
      @Override
      public FetchSummary fetch(VisitQuery query, Consumer<? super Visit> visits) {
        return client.fetch(query, visits);
      }

      @Override
      public FetchSummary fetch(VisitQuery query, Consumer<? super Visit> visits,
          Consumer<? super VisitWarning> warnings) {
        return client.fetch(query, visits, warnings);
      }

      @Override
      public Optional<ZoneId> siteTimeZone(long siteId) {
        return client.siteTimeZone(siteId);
      }

      @Override
      public String toString() {
        return "VisitSource[" + client + "]";
      }
    };
  }
}
