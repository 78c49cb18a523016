package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 4: platform and device texts. */
class DeviceTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                              | OS name | OS version | platform
      operating system name and version                   | Windows | 8.1        | Windows 8.1
      the name alone when the version is missing          | Android | -          | Android
      Matomo's UNK version is skipped                     | Android | UNK        | Android
      a blank version is skipped                          | Mac     | " "        | Mac
      an unknown name gives no platform                   | Unknown | UNK        | -
      a version without a name gives no platform          | -       | 10         | -
      nothing gives no platform                           | -       | -          | -
      """)
  void platform(String rule, String name, String version, String expected) {
    assertThat(DeviceText.platform(name, version)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                              | type       | brand   | model           | device
      type, then brand and model                          | Smartphone | Google  | Nexus 4         | "Smartphone, Google Nexus 4"
      an unknown brand is skipped                         | Desktop    | Unknown | Generic Desktop | "Desktop, Generic Desktop"
      brand without model                                 | Tablet     | Sony    | -               | "Tablet, Sony"
      no brand and no model: the type alone               | Desktop    | -       | " "             | Desktop
      no type: brand and model alone                      | -          | Apple   | iPhone          | Apple iPhone
      everything unknown gives no device                  | Unknown    | Unknown | Unknown         | -
      nothing gives no device                             | -          | -       | -               | -
      """)
  void device(String rule, String type, String brand, String model, String expected) {
    assertThat(DeviceText.device(type, brand, model)).isEqualTo(Optional.ofNullable(expected));
  }
}
