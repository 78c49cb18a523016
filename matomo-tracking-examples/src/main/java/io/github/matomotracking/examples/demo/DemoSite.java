package io.github.matomotracking.examples.demo;

import io.github.matomotracking.mapping.SiteTimeZone;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A website as Matomo's {@code SitesManager} knows it.
 *
 * @param id the site id ({@code idsite}), at least 1
 * @param name the site's name
 * @param mainUrl the site's main URL
 * @param timezone the time zone setting as Matomo stores it: an IANA name such as
 *     {@code Europe/Paris} or a manual offset such as {@code UTC+5.5}
 * @param currency the ISO 4217 currency code of the site's revenue
 * @param createdAt when the site was added to Matomo
 */
public record DemoSite(long id, String name, String mainUrl, String timezone, String currency, Instant createdAt) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the id is below 1 or the time zone cannot be read
   */
  public DemoSite {
    if (id < 1) {
      throw new IllegalArgumentException("a Matomo site id is at least 1, got " + id);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mainUrl, "mainUrl");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(createdAt, "createdAt");
    if (SiteTimeZone.parse(timezone).isEmpty()) {
      throw new IllegalArgumentException("site " + id + ": unreadable time zone " + timezone);
    }
  }

  /**
   * The site's time zone, read from {@link #timezone()}.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return SiteTimeZone.parse(timezone).orElseThrow();
  }

  /**
   * The symbol Matomo shows for the site's currency ({@code siteCurrencySymbol}).
   *
   * @return the symbol, or the code when there is no common symbol
   */
  public String currencySymbol() {
    switch (currency) {
      case "EUR":
        return "\u20ac";
      case "USD":
        return "$";
      case "GBP":
        return "\u00a3";
      default:
        return currency;
    }
  }
}
