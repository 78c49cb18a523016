package io.github.matomotracking.testing;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Matomo-shaped tokens for tests, drawn at run time: the repository never holds a token-like
 * value, yet every test still knows the exact token it must find or must not find.
 */
public final class TestTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestTokens() {}

  /**
   * A fresh token shaped like Matomo's own: 32 lower-case hexadecimal characters.
   *
   * @return a new token, different on every call
   */
  public static String hex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
