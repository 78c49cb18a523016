package io.github.matomotracking.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of a visit mapped to a CRM web action (domain rules, section 6). */
@Value.Immutable
@MatomoStyle
public interface WebAction {

  /** {@code idSite} of the session. */
  long siteId();

  /** {@code idVisit} of the session. */
  long visitId();

  /** Position in the visit's {@code actionDetails}, from 0. */
  int position();

  /** {@code idpageview}, when present (page views). */
  Optional<String> actionId();

  /** The natural key: stable across re-imports of the same visit. */
  String naturalKey();

  /** Action time, a true UTC instant (Matomo's shifted timestamp corrected). */
  Optional<Instant> date();

  /** Action type, resolved or to be added. */
  CodedValue type();

  /** Web page, resolved or to be added (absent when the entry has no URL). */
  Optional<WebPageRef> webPage();

  /** URL as received. */
  Optional<String> url();

  /** Title ({@code pageTitle}, else {@code title}) as received. */
  Optional<String> title();

  /** A new builder. */
  static ImmutableWebAction.Builder builder() {
    return ImmutableWebAction.builder();
  }
}
