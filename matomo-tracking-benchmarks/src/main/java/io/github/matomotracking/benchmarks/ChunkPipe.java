package io.github.matomotracking.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An experiment for the end-to-end breakdown, not part of the library: reads a stream on a second
 * thread (where the gunzip of the transfer then happens) and hands its bytes over in 64 KiB
 * chunks through a small bounded queue, so that on two cores inflating and parsing overlap.
 * Memory stays bounded (at most 8 chunks in flight).
 */
final class ChunkPipe extends InputStream {

  private static final int CHUNK = 1 << 16;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
  private final Thread producer;
  private volatile IOException failure;
  private byte[] current = new byte[0];
  private int position;
  private int limit;
  private boolean ended;

  ChunkPipe(InputStream source) {
    producer = new Thread(() -> {
      try (source) {
        while (true) {
          byte[] chunk = new byte[CHUNK];
          int n = source.readNBytes(chunk, 0, CHUNK);
          if (n <= 0) {
            break;
          }
          chunks.put(n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
        }
      } catch (IOException e) {
        failure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        chunks.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gunzip-pipe");
    producer.setDaemon(true);
    producer.start();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    while (position == limit) {
      if (ended) {
        return -1;
      }
      byte[] next;
      try {
        next = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the next chunk");
      }
      if (next == END) {
        ended = true;
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
      current = next;
      position = 0;
      limit = next.length;
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(current, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    producer.interrupt();
  }
}
