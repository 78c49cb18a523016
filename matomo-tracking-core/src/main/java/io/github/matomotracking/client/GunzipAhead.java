package io.github.matomotracking.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A gzip body inflated on a thread of its own, a few chunks ahead of the reader, so that
 * inflating and parsing run at the same time on two cores instead of one after the other.
 *
 * <p>At most {@value #AHEAD} chunks of {@value #CHUNK} bytes wait, so memory stays bounded
 * whatever the body's size. What the inflating thread meets (the end, an I/O failure, a
 * corrupt stream) reaches the reader in order, after the bytes before it, as the same
 * exception. The thread starts on the first read and ends with the body, or when the reader
 * closes this stream or is interrupted. One reader thread at a time.
 */
final class GunzipAhead extends InputStream {

  /** Bytes per chunk handed from the inflating thread to the reader. */
  static final int CHUNK = 64 * 1024;

  /** Chunks the inflating thread may be ahead of the reader. */
  static final int AHEAD = 4;

  private static final Object END = new Object();

  private final InputStream inflating;
  private final InputStream compressed;
  private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(AHEAD);
  private Thread worker;
  private byte[] current;
  private int position;
  private int limit;
  private boolean ended;
  private IOException failure;
  private volatile boolean closed;

  /**
   * Inflates {@code inflating} ahead of the reader.
   *
   * @param inflating the gzip stream, its header already read
   * @param compressed the body under it: when it has nothing on hand, what was inflated is
   *     handed over at once rather than when a chunk is full, so a slow body is read as it comes
   */
  GunzipAhead(InputStream inflating, InputStream compressed) {
    this.inflating = inflating;
    this.compressed = compressed;
  }

  /**
   * The failure the reader's side ran into (an interruption), if any.
   *
   * @return the failure, or null
   */
  IOException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("the response body was closed");
    }
    if (length == 0) {
      return 0;
    }
    while (current == null || position == limit) {
      if (ended) {
        return -1;
      }
      if (failure != null) {
        throw failure;
      }
      next();
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(current, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current == null ? 0 : limit - position;
  }

  /** Stops the inflating thread; the body stream under it stays its owner's to close. */
  @Override
  public void close() {
    closed = true;
    stopWorker();
  }

  private void next() throws IOException {
    if (worker == null) {
      worker = new Thread(this::inflate, "matomo-gunzip");
      worker.setDaemon(true);
      worker.start();
    }
    Object item;
    try {
      item = chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopWorker();
      failure = new InterruptedIOException("interrupted while reading the response");
      throw failure;
    }
    if (item == END) {
      ended = true;
    } else if (item instanceof byte[] bytes) {
      current = bytes;
      position = 0;
      limit = bytes.length;
    } else if (item instanceof IOException io) {
      failure = io;
      throw io;
    } else if (item instanceof RuntimeException runtime) {
      throw runtime;
    } else {
      throw (Error) item;
    }
  }

  /** The inflating thread: chunks until the end or a failure, then stops. */
  private void inflate() {
    try {
      byte[] buffer = new byte[CHUNK];
      int filled = 0;
      while (!closed) {
        int n = inflating.read(buffer, filled, CHUNK - filled);
        if (n < 0) {
          if (filled > 0) {
            chunks.put(Arrays.copyOf(buffer, filled));
          }
          chunks.put(END);
          return;
        }
        filled += n;
        if (filled == CHUNK) {
          chunks.put(buffer);
          buffer = new byte[CHUNK];
          filled = 0;
        } else if (filled > 0 && compressed.available() == 0) {
          chunks.put(Arrays.copyOf(buffer, filled));
          filled = 0;
        }
      }
    } catch (InterruptedException stopped) {
      // the reader closed the stream or was interrupted: nobody waits for more
    } catch (IOException | RuntimeException | Error e) {
      try {
        chunks.put(e);
      } catch (InterruptedException stopped) {
        // nobody waits for it
      }
    }
  }

  private void stopWorker() {
    Thread running = worker;
    if (running != null && running.isAlive()) {
      running.interrupt();
      try {
        running.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
