package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import java.util.Optional;

/**
 * The platform and device texts of a session, built from Matomo's device detection fields.
 *
 * <p>Parts that are blank, or that hold Matomo's "unknown" markers ({@code Unknown} for names,
 * {@code UNK} for versions, compared case-insensitively), are skipped; when every part is
 * skipped the text is absent. Formats:
 *
 * <ul>
 *   <li>platform: {@code "<OS name> <OS version>"}, such as {@code Windows 8.1} or
 *       {@code Android 4.4}, the same text as Matomo's own {@code operatingSystem}; a version
 *       without a name is not shown;
 *   <li>device: {@code "<type>, <brand> <model>"}, such as {@code Smartphone, Google Nexus 4};
 *       without type {@code "<brand> <model>"}, without brand and model {@code "<type>"}
 *       ({@code Desktop, Generic Desktop} when only the brand is unknown).
 * </ul>
 */
public final class DeviceText {

  private static final String UNKNOWN = "Unknown";
  private static final String UNKNOWN_VERSION = "UNK";

  private DeviceText() {}

  /**
   * The platform text.
   *
   * @param operatingSystemName {@code operatingSystemName}, may be null
   * @param operatingSystemVersion {@code operatingSystemVersion}, may be null
   * @return the text, or empty when the name is unknown
   */
  public static Optional<String> platform(
      @Nullable String operatingSystemName, @Nullable String operatingSystemVersion) {
    String name = known(operatingSystemName);
    if (name == null) {
      return Optional.empty();
    }
    String version = known(operatingSystemVersion);
    return Optional.of(version == null ? name : name + ' ' + version);
  }

  /**
   * The device text.
   *
   * @param deviceType {@code deviceType}, may be null
   * @param deviceBrand {@code deviceBrand}, may be null
   * @param deviceModel {@code deviceModel}, may be null
   * @return the text, or empty when every part is unknown
   */
  public static Optional<String> device(
      @Nullable String deviceType, @Nullable String deviceBrand, @Nullable String deviceModel) {
    String type = known(deviceType);
    String brand = known(deviceBrand);
    String model = known(deviceModel);
    String product = brand == null ? model : model == null ? brand : brand + ' ' + model;
    if (type == null) {
      return Optional.ofNullable(product);
    }
    return Optional.of(product == null ? type : type + ", " + product);
  }

  private static @Nullable String known(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.equalsIgnoreCase(UNKNOWN) || stripped.equalsIgnoreCase(UNKNOWN_VERSION)) {
      return null;
    }
    return stripped;
  }
}
