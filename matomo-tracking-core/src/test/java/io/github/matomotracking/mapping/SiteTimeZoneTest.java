package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Matomo's site time zone settings. */
class SiteTimeZoneTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                          | setting          | zone
      an IANA zone name                               | Europe/Paris     | Europe/Paris
      an IANA zone name without daylight saving       | America/Barbados | America/Barbados
      UTC                                             | UTC              | Z
      UTC in any case                                 | utc              | Z
      a manual offset in half hours                   | UTC+5.5          | +05:30
      a manual offset in quarter hours                | UTC+5.75         | +05:45
      a negative manual offset                        | UTC-3            | -03:00
      a negative fractional manual offset             | UTC-9.5          | -09:30
      the largest manual offset                       | UTC+14           | +14:00
      a zero manual offset                            | UTC+0            | Z
      an ISO offset after UTC                         | UTC+05:30        | +05:30
      surrounding white space is ignored              | " Europe/Paris " | Europe/Paris
      an unknown zone name                            | Mars/Olympus     | -
      a sign without hours                            | UTC+             | -
      hours that are not a decimal number             | UTC+1e1          | -
      an offset beyond 18 hours                       | UTC+19           | -
      blank                                           | " "              | -
      missing                                         | -                | -
      """)
  void parses(String rule, String setting, String expected) {
    assertThat(SiteTimeZone.parse(setting)).isEqualTo(Optional.ofNullable(expected).map(ZoneId::of));
  }

  @Test
  void siteZonesFromMatomoSettingsRememberWhatCouldNotBeRead() {
    SiteTimeZones zones = SiteTimeZones.fromMatomo(Map.of(1L, "Europe/Paris", 2L, "UTC+5.5", 3L, "Nowhere/Land"));

    assertThat(zones.zoneOf(1)).contains(ZoneId.of("Europe/Paris"));
    assertThat(zones.zoneOf(2)).contains(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(zones.zoneOf(3)).isEmpty();
    assertThat(zones.unreadableZoneOf(3)).contains("Nowhere/Land");
    assertThat(zones.unreadableZoneOf(1)).isEmpty();
    assertThat(zones.zoneOf(4)).isEmpty();
    assertThat(zones.unreadableZoneOf(4)).isEmpty();
  }

  @Test
  void fixedAndEmptySiteZones() {
    SiteTimeZones zones = SiteTimeZones.of(Map.of(7L, ZoneId.of("America/Barbados")));

    assertThat(zones.zoneOf(7)).contains(ZoneId.of("America/Barbados"));
    assertThat(zones.zoneOf(8)).isEmpty();
    assertThat(SiteTimeZones.none().zoneOf(7)).isEmpty();
    assertThat(SiteTimeZones.none().unreadableZoneOf(7)).isEmpty();
  }
}
