package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The body as the parser reads it, with the bytes of the visit being read kept aside: a visit's
 * raw JSON is then its bytes, parsed only when someone asks for it, instead of a tree built for
 * every visit whether used or not.
 *
 * <p>Outside a visit only the last {@value #TAIL} bytes are kept (more than the parser's own
 * buffer, so the start of the next visit is always still here when the parser reports it);
 * inside one, everything from its first byte. A visit may take at most {@code maxBytes}, which
 * bounds memory when a body pads one visit with endless white space.
 */
final class VisitBytes extends FilterInputStream {

  /** Bytes kept outside a visit: well above the 8,000-byte buffer of Jackson's parser. */
  static final int TAIL = 64 * 1024;

  private final long maxBytes;
  private byte[] buffer = new byte[2 * TAIL];
  /** Bytes held in {@link #buffer}. */
  private int length;
  /** The body offset of {@code buffer[0]}. */
  private long base;
  /** The body offset of the current visit's first byte, or -1 outside a visit. */
  private long mark = -1;

  /**
   * Keeps the bytes read from {@code body}.
   *
   * @param body the body, as the parser should read it
   * @param maxBytes the most bytes one visit may take
   */
  VisitBytes(InputStream body, long maxBytes) {
    super(body);
    this.maxBytes = maxBytes;
  }

  /**
   * The most bytes one visit may take under the given limits: four per character of text allowed
   * (a character takes up to four bytes in UTF-8), and at least 16 MiB.
   *
   * @param options the reader's limits
   * @return the byte limit
   */
  static long maxBytes(ReaderOptions options) {
    return Math.min(Integer.MAX_VALUE - 2L * TAIL,
        Math.max(16L * 1024 * 1024, 4L * options.maxCharsPerVisit()));
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    int n = in.read(target, offset, count);
    if (n > 0) {
      keep(target, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // the parser never skips; reading keeps the window complete if anything ever does
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    return Math.max(read(scratch, 0, scratch.length), 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /**
   * Starts keeping a visit's bytes.
   *
   * @param offset the body offset of the visit's opening brace
   */
  void startVisit(long offset) {
    if (offset < base || offset > base + length) {
      throw new IllegalStateException("visit start " + offset + " is not in the kept bytes ["
          + base + ", " + (base + length) + ")");
    }
    mark = offset;
  }

  /**
   * Stops keeping a visit's bytes and gives them.
   *
   * @param end the body offset just after the visit's closing brace
   * @return a copy of the visit's bytes
   */
  byte[] endVisit(long end) {
    byte[] bytes = Arrays.copyOfRange(buffer, (int) (mark - base), (int) (end - base));
    mark = -1;
    return bytes;
  }

  /** Stops keeping a visit's bytes without taking them (a skipped visit). */
  void dropVisit() {
    mark = -1;
  }

  /**
   * Bytes kept since the current visit's first byte, the parser's read-ahead included.
   *
   * @return the count
   */
  long keptSinceVisitStart() {
    return base + length - mark;
  }

  /**
   * A parser over kept bytes of the current visit.
   *
   * @param factory the reader's factory
   * @param from the body offset to start at
   * @param to the body offset to stop at (exclusive)
   * @return the parser
   * @throws IOException never (memory)
   */
  JsonParser parser(JsonFactory factory, long from, long to) throws IOException {
    return factory.createParser(buffer, (int) (from - base), (int) (to - from));
  }

  private void keep(byte[] source, int offset, int n) throws StreamConstraintsException {
    long end = base + length;
    if (mark >= 0 && end + n - mark > maxBytes) {
      throw new StreamConstraintsException("one element of the response takes more than "
          + maxBytes + " bytes (4 per character of ReaderOptions.maxCharsPerVisit, at least"
          + " 16 MiB)");
    }
    if (length + n > buffer.length) {
      long keepFrom = mark >= 0 ? mark : Math.max(base, end - TAIL);
      int drop = (int) (keepFrom - base);
      int kept = length - drop;
      int needed = kept + n;
      if (needed > buffer.length || (buffer.length > 8 * TAIL && needed <= 2 * TAIL)) {
        int capacity = (int) Math.max(2 * TAIL,
            needed <= buffer.length ? needed : Math.min(Integer.MAX_VALUE - 8, needed * 3L / 2));
        byte[] grown = new byte[capacity];
        System.arraycopy(buffer, drop, grown, 0, kept);
        buffer = grown;
      } else {
        System.arraycopy(buffer, drop, buffer, 0, kept);
      }
      base = keepFrom;
      length = kept;
    }
    System.arraycopy(source, offset, buffer, length, n);
    length += n;
  }
}
