package io.github.matomotracking.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a reader as UTF-8 bytes, streamed: a body Jackson found to be UTF-16 or UTF-32 is
 * read through this, so the reader can keep every visit's bytes the same way.
 */
final class Utf8Input extends InputStream {

  private final Reader reader;
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final CharBuffer chars = CharBuffer.allocate(4096);
  private final ByteBuffer bytes = ByteBuffer.allocate(3 * 4096 + 16);
  private boolean endOfChars;
  private boolean flushed;

  /**
   * Encodes what {@code reader} gives.
   *
   * @param reader the decoded body
   */
  Utf8Input(Reader reader) {
    this.reader = reader;
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int count) throws IOException {
    if (count == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(count, bytes.remaining());
    bytes.get(target, offset, n);
    return n;
  }

  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    bytes.clear();
    if (!endOfChars) {
      int n = reader.read(chars.array(), chars.position(), chars.remaining());
      if (n < 0) {
        endOfChars = true;
      } else {
        chars.position(chars.position() + n);
      }
    }
    chars.flip();
    encoder.encode(chars, bytes, endOfChars);
    chars.compact();
    if (endOfChars && chars.position() == 0) {
      encoder.flush(bytes);
      flushed = true;
    }
    bytes.flip();
    return true;
  }
}
