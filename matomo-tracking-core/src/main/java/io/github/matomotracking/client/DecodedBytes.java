package io.github.matomotracking.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from an {@link Exchange}'s decoded body, so that an answer that decoded
 * to nothing at all can be told from one the reader could not use.
 */
final class DecodedBytes extends FilterInputStream {

  private long count;

  DecodedBytes(InputStream decoded) {
    super(decoded);
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    int n = super.read(target, offset, length);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += Math.max(0, skipped);
    return skipped;
  }
}
