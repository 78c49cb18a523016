package io.github.matomotracking.model;

import org.immutables.value.Value;

/** The web page an action points to: lookup id, name and URL without its query string. */
@Value.Immutable
@MatomoStyle
public interface WebPageRef {

  /** Id of the web page entry (existing or to be added). */
  @Value.Parameter
  String lookupId();

  /** Name of the web page entry. */
  @Value.Parameter
  String name();

  /** URL without query string. */
  @Value.Parameter
  String url();

  /** A reference. */
  static WebPageRef of(String lookupId, String name, String url) {
    return ImmutableWebPageRef.of(lookupId, name, url);
  }
}
