package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads a Matomo site's time zone setting (the {@code timezone} of
 * {@code SitesManager.getSiteFromId}).
 *
 * <p>Matomo stores either an IANA zone name ({@code Europe/Paris}, {@code America/Barbados}),
 * {@code UTC}, or a manual offset in hours that may be fractional: {@code UTC+5.5} is +05:30,
 * {@code UTC+5.75} is +05:45, {@code UTC-3} is -03:00, {@code UTC+14} is +14:00.
 */
public final class SiteTimeZone {

  private static final String UTC = "UTC";
  private static final int SECONDS_PER_HOUR = 3600;

  private SiteTimeZone() {}

  /**
   * The zone a Matomo time zone setting names.
   *
   * @param matomoTimezone the setting, may be null
   * @return the zone; empty when the text is blank or not understood
   */
  public static Optional<ZoneId> parse(@Nullable String matomoTimezone) {
    if (matomoTimezone == null || matomoTimezone.isBlank()) {
      return Optional.empty();
    }
    String text = matomoTimezone.strip();
    if (text.equalsIgnoreCase(UTC)) {
      return Optional.of(ZoneOffset.UTC);
    }
    if (text.length() > UTC.length()
        && text.regionMatches(true, 0, UTC, 0, UTC.length())
        && (text.charAt(UTC.length()) == '+' || text.charAt(UTC.length()) == '-')) {
      return manualOffset(text.substring(UTC.length()));
    }
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code +5.5}, {@code -3}, {@code +05:30}: hours, maybe fractional, or an ISO offset. */
  private static Optional<ZoneId> manualOffset(String signedHours) {
    try {
      if (signedHours.indexOf(':') >= 0) {
        return Optional.of(ZoneOffset.of(signedHours));
      }
      if (!isDecimalHours(signedHours)) {
        return Optional.empty();
      }
      double hours = Double.parseDouble(signedHours);
      long seconds = Math.round(hours * SECONDS_PER_HOUR);
      if (Math.abs(seconds) > 18L * SECONDS_PER_HOUR) {
        return Optional.empty();
      }
      return Optional.of(ZoneOffset.ofTotalSeconds((int) seconds));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** A sign, then digits with at most one decimal point among them. */
  private static boolean isDecimalHours(String text) {
    boolean digit = false;
    boolean point = false;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digit;
  }
}
