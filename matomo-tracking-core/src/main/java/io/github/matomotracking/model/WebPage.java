package io.github.matomotracking.model;

import org.immutables.value.Value;

/** An entry of the Web pages lookup, keyed by (name, URL without its query string). */
@Value.Immutable
@MatomoStyle
public interface WebPage {

  /** Stable id of the entry. */
  @Value.Parameter
  String id();

  /** Name: the page title, or host without {@code www.} plus path when the title is empty. */
  @Value.Parameter
  String name();

  /** The page URL without its query string (and fragment). */
  @Value.Parameter
  String url();

  /** An entry. */
  static WebPage of(String id, String name, String url) {
    return ImmutableWebPage.of(id, name, url);
  }
}
