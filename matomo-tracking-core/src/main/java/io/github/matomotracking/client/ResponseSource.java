package io.github.matomotracking.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's body as the parser sees it: keeps a copy of the first bytes (to show them when the
 * body is not JSON) and notices the end of the stream (to tell a cut-off response from garbage).
 * Costs one bounds check per read. Closing it does <em>not</em> close the caller's stream.
 */
final class ResponseSource extends FilterInputStream {

  /** Bytes kept from the start: enough for the ~200 characters shown, whatever the encoding. */
  static final int KEPT_BYTES = 1024;

  private final byte[] start = new byte[KEPT_BYTES];
  private int kept;
  private boolean endReached;

  ResponseSource(InputStream body) {
    super(body);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      endReached = true;
    } else if (kept < KEPT_BYTES) {
      start[kept++] = (byte) b;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      endReached = true;
    } else if (kept < KEPT_BYTES && n > 0) {
      int copy = Math.min(n, KEPT_BYTES - kept);
      System.arraycopy(buffer, offset, start, kept, copy);
      kept += copy;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // The parser never skips; reading keeps the start copy complete if anything ever does.
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    int read = read(scratch, 0, scratch.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** The caller owns its stream: this never closes it. */
  @Override
  public void close() {
    // intentionally empty
  }

  /** Whether the underlying stream has reported its end. */
  boolean endReached() {
    return endReached;
  }

  /**
   * Reads on (best effort) until the start copy is full or the stream ends, so that a short first
   * read does not leave the preview empty. Only used once the body is known to be unusable.
   */
  void fillStart() {
    byte[] scratch = new byte[KEPT_BYTES];
    try {
      while (kept < KEPT_BYTES && !endReached) {
        read(scratch, 0, KEPT_BYTES - kept);
      }
    } catch (IOException | RuntimeException ignored) {
      // the preview is a courtesy; the error being reported matters more
    }
  }

  /** Number of bytes kept from the start of the body. */
  int keptLength() {
    return kept;
  }

  /**
   * What the kept start of a body that is not JSON looks like (see {@link NonJsonBody}).
   *
   * @param subject what the body is, as a message starts
   * @return the description
   */
  String describeAsNonJson(String subject) {
    return NonJsonBody.describe(subject, start, kept);
  }
}
