package io.github.matomotracking.hostile;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A body handed out in random pieces of 1 to 700 bytes, as a network connection would: values,
 * escapes and UTF-8 sequences end up split across the parser's reads at random places.
 */
final class Trickle extends InputStream {

  private final byte[] bytes;
  private final SplittableRandom random;
  private int next;

  Trickle(byte[] bytes, SplittableRandom random) {
    this.bytes = bytes;
    this.random = random;
  }

  @Override
  public int read() {
    return next < bytes.length ? bytes[next++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (next == bytes.length) {
      return -1;
    }
    int n = Math.min(Math.min(length, bytes.length - next), 1 + random.nextInt(700));
    System.arraycopy(bytes, next, buffer, offset, n);
    next += n;
    return n;
  }
}
