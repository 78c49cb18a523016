package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 4: location. */
class LocationTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                   | latitude  | longitude | location
      latitude and longitude joined exactly as Matomo sent them | 48.924000 | 2.352200  | "48.924000, 2.352200"
      negative and short values are kept as sent                | -33.9     | 18        | "-33.9, 18"
      absent when the latitude is missing                       | -         | 2.352200  | -
      absent when the longitude is missing                      | 48.924000 | -         | -
      absent when either is blank                               | " "       | 2.352200  | -
      """)
  void joinsLatitudeAndLongitude(String rule, String latitude, String longitude, String expected) {
    assertThat(LocationText.of(latitude, longitude)).isEqualTo(Optional.ofNullable(expected));
  }
}
