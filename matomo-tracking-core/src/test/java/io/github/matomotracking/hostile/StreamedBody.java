package io.github.matomotracking.hostile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body made of parts, some repeated many times, produced as it is read: a 200 MB body
 * costs a few bytes of memory. Counts the bytes handed out.
 */
final class StreamedBody extends InputStream {

  private record Part(byte[] unit, long times) {}

  private final List<Part> parts;
  private int part;
  private long repetition;
  private int inUnit;
  private long bytesRead;

  private StreamedBody(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Bytes handed out so far. */
  long bytesRead() {
    return bytesRead;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int written = 0;
    while (written < length && part < parts.size()) {
      Part current = parts.get(part);
      if (repetition == current.times() || current.unit().length == 0) {
        part++;
        repetition = 0;
        inUnit = 0;
        continue;
      }
      int n = Math.min(length - written, current.unit().length - inUnit);
      System.arraycopy(current.unit(), inUnit, buffer, offset + written, n);
      written += n;
      inUnit += n;
      if (inUnit == current.unit().length) {
        inUnit = 0;
        repetition++;
      }
    }
    if (written == 0) {
      return -1;
    }
    bytesRead += written;
    return written;
  }

  /** Builds a {@link StreamedBody}. */
  static final class Builder {

    private final List<Part> parts = new ArrayList<>();

    private Builder() {}

    /** Text, once, as UTF-8. */
    Builder text(String text) {
      return repeat(text, 1);
    }

    /** Text repeated {@code times} times, as UTF-8. */
    Builder repeat(String unit, long times) {
      return bytes(unit.getBytes(StandardCharsets.UTF_8), times);
    }

    /** Bytes repeated {@code times} times. */
    Builder bytes(byte[] unit, long times) {
      parts.add(new Part(unit.clone(), times));
      return this;
    }

    /** The body, positioned at its start. */
    StreamedBody build() {
      return new StreamedBody(parts);
    }
  }
}
