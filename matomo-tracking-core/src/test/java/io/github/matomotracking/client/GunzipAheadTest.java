package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The gzip body inflated on a second thread: same bytes, same failures, no thread left over. */
class GunzipAheadTest {

  /** A guard against a hang, not a speed check. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @Test
  void givesTheSameBytesAsInflatingOnTheReadersThread() throws IOException {
    byte[] plain = text(3_000_000);
    byte[] gzip = gzip(plain);

    byte[] read;
    try (InputStream ahead = ahead(new ByteArrayInputStream(gzip))) {
      read = readInPiecesOf(ahead, 777);
    }

    assertThat(read).isEqualTo(plain);
  }

  @Test
  void aCutBodyGivesTheBytesBeforeTheCutThenTheSameFailure() throws IOException {
    byte[] plain = text(500_000);
    byte[] gzip = gzip(plain);
    byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    Throwable directFailure = catchThrowable(() -> copy(
        new GZIPInputStream(new ByteArrayInputStream(cut), 8192), direct));
    ByteArrayOutputStream viaAhead = new ByteArrayOutputStream();

    Throwable aheadFailure = catchThrowable(() -> copy(
        ahead(new ByteArrayInputStream(cut)), viaAhead));

    assertThat(directFailure).isNotNull();
    assertThat(aheadFailure).isInstanceOf(directFailure.getClass())
        .hasMessage(directFailure.getMessage());
    assertThat(viaAhead.toByteArray()).isEqualTo(direct.toByteArray());
  }

  @Test
  void aSlowBodyIsHandedOverAsItComesNotWhenAChunkIsFull() throws Exception {
    PipedInputStream body = new PipedInputStream(1 << 16);
    PipedOutputStream wire = new PipedOutputStream(body);
    GZIPOutputStream server = new GZIPOutputStream(wire, 512, true);
    server.write("[{\"idVisit\":1}".getBytes(StandardCharsets.UTF_8));
    server.flush(); // a sync flush: the first bytes are on the wire, the body goes on

    GunzipAhead ahead = ahead(body);
    byte[] first = assertTimeoutPreemptively(HANG_GUARD, () -> {
      byte[] buffer = new byte[100];
      int n = ahead.read(buffer, 0, buffer.length);
      return Arrays.copyOf(buffer, n);
    });

    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("[{\"idVisit\":1}");
    ahead.close();
    closeQuietly(server);
  }

  @Test
  void closingStopsTheInflatingThreadOfABodyNotReadToItsEnd() throws Exception {
    PipedInputStream body = new PipedInputStream(1 << 16);
    PipedOutputStream wire = new PipedOutputStream(body);
    GZIPOutputStream server = new GZIPOutputStream(wire, 512, true);
    server.write(text(10_000));
    server.flush();
    GunzipAhead ahead = ahead(body);
    assertThat(ahead.read()).isNotNegative();

    assertTimeoutPreemptively(HANG_GUARD, ahead::close);

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().equals("matomo-gunzip") && thread.isAlive());
    assertThat(catchThrowable(ahead::read)).isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
    closeQuietly(server);
  }

  @Test
  void anInterruptedReaderStopsWithAnInterruptedIoExceptionAndKeepsItsFlag() throws Exception {
    PipedInputStream body = new PipedInputStream(1 << 16);
    PipedOutputStream wire = new PipedOutputStream(body);
    GZIPOutputStream server = new GZIPOutputStream(wire, 512, true);
    server.write('[');
    server.flush();
    GunzipAhead ahead = ahead(body);
    assertThat(ahead.read()).isEqualTo('[');

    Thread.currentThread().interrupt();
    Throwable thrown = catchThrowable(ahead::read);
    boolean stillInterrupted = Thread.interrupted();

    assertThat(thrown).isInstanceOf(InterruptedIOException.class);
    assertThat(ahead.failure()).isSameAs(thrown);
    assertThat(stillInterrupted).isTrue();
    ahead.close();
    closeQuietly(server);
  }

  /** The pipe refuses writes once its reading thread, the inflating thread, has ended. */
  private static void closeQuietly(GZIPOutputStream server) {
    try {
      server.close();
    } catch (IOException readEndGone) {
      // expected: nobody reads any more
    }
  }

  private static GunzipAhead ahead(InputStream compressed) throws IOException {
    return new GunzipAhead(new GZIPInputStream(compressed, 8192), compressed);
  }

  private static byte[] text(int length) {
    Random random = new Random(7);
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = (byte) ("{}[],:\"abcdefghij0123456789 ".charAt(random.nextInt(28)));
    }
    return text;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] readInPiecesOf(InputStream in, int piece) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[piece];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
  }
}
