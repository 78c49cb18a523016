package io.github.matomotracking.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The Matomo API token ({@code token_auth}), held so that it cannot leak by accident: its
 * {@link #toString()} is redacted, and only this package can read the value, which it sends in
 * the POST body and nowhere else.
 */
public final class MatomoToken {

  private final String value;

  private MatomoToken(String value) {
    this.value = value;
  }

  /**
   * Wraps a token.
   *
   * @param token the token as Matomo issued it
   * @return the holder
   * @throws IllegalArgumentException if the token is null, blank, or contains whitespace or
   *     control characters (the message never repeats the token)
   */
  public static MatomoToken of(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the Matomo token is missing or blank");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "the Matomo token contains whitespace or a control character at position " + i);
      }
    }
    return new MatomoToken(token);
  }

  /** The token itself; package-private so that only the transport can send it. */
  String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MatomoToken
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8),
            ((MatomoToken) other).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return MatomoToken.class.hashCode();
  }

  /** Always {@code MatomoToken[redacted]}. */
  @Override
  public String toString() {
    return "MatomoToken[redacted]";
  }
}
