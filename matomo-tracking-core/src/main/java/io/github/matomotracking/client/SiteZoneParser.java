package io.github.matomotracking.client;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code timezone} field of a Matomo site: an IANA name ({@code Europe/Paris}) or a
 * manual offset in hours, possibly fractional ({@code UTC}, {@code UTC+5.5}, {@code UTC-3}).
 */
// TODO merge with mapping.SiteTimeZone
final class SiteZoneParser {

  private static final Pattern MANUAL = Pattern.compile("(?i)UTC(?:([+-])(\\d{1,2}(?:\\.\\d+)?))?");
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private SiteZoneParser() {}

  static Optional<ZoneId> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.trim();
    Matcher manual = MANUAL.matcher(value);
    if (manual.matches()) {
      if (manual.group(1) == null) {
        return Optional.of(ZoneOffset.UTC);
      }
      long seconds = Math.round(Double.parseDouble(manual.group(2)) * 3600);
      if (seconds > MAX_OFFSET_SECONDS) {
        return Optional.empty();
      }
      return Optional.of(ZoneOffset.ofTotalSeconds((int) (manual.group(1).equals("-") ? -seconds : seconds)));
    }
    try {
      return Optional.of(ZoneId.of(value));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
