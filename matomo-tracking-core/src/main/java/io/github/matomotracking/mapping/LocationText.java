package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import java.util.Optional;

/** The location text of a session: {@code "<latitude>, <longitude>"} exactly as Matomo sent them. */
public final class LocationText {

  private LocationText() {}

  /**
   * The location text.
   *
   * @param latitude Matomo's {@code latitude} text (such as {@code 48.924000}), may be null
   * @param longitude Matomo's {@code longitude} text, may be null
   * @return {@code latitude + ", " + longitude}; empty when either is missing or blank
   */
  public static Optional<String> of(@Nullable String latitude, @Nullable String longitude) {
    if (latitude == null || latitude.isBlank() || longitude == null || longitude.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(latitude + ", " + longitude);
  }
}
