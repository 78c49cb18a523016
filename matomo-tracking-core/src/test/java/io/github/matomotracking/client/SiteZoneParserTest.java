package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiteZoneParserTest {

  @ParameterizedTest(name = "Matomo time zone {0} is {1}")
  @CsvSource({
      "Europe/Paris,    Europe/Paris",
      "America/St_Johns, America/St_Johns",
      "UTC,             Z",
      "UTC+0,           Z",
      "UTC+5.5,         +05:30",
      "UTC+5.75,        +05:45",
      "UTC-3,           -03:00",
      "UTC-9.5,         -09:30",
      "UTC+13.75,       +13:45",
      "UTC+14,          +14:00",
      "' Asia/Kolkata ', Asia/Kolkata"})
  void a_manual_offset_or_an_iana_name_becomes_a_zone(String matomo, String zone) {
    assertThat(SiteZoneParser.parse(matomo)).contains(ZoneId.of(zone));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "Mars/Olympus_Mons", "UTC+99", "UTC+", "GMT+5.5x"})
  void anything_else_is_no_zone(String matomo) {
    assertThat(SiteZoneParser.parse(matomo)).isEmpty();
  }
}
