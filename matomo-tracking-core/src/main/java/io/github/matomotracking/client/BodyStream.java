package io.github.matomotracking.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body as an InputStream that is read while it arrives, one chunk requested at a
 * time (so memory does not grow with the body), with an idle timeout java.net.http lacks: a read
 * that waits longer than the timeout for the next bytes aborts the body and fails with
 * {@link BodyStalledException}. Closing the stream before the end cancels the body subscription,
 * which makes java.net.http drop the connection.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

  /** The body went silent for longer than the read timeout. */
  static final class BodyStalledException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyStalledException(Duration idle) {
      super("no response bytes for " + idle.toMillis() + " ms (read timeout)");
    }
  }

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idleTimeout;
  private final CompletableFuture<InputStream> body = CompletableFuture.completedFuture(this);
  private final AtomicLong bytesReceived = new AtomicLong();
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private volatile IOException failure;
  private Iterator<ByteBuffer> buffers = Collections.emptyIterator();
  private ByteBuffer current;
  private boolean ended;

  BodyStream(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    long n = 0;
    for (ByteBuffer item : items) {
      n += item.remaining();
    }
    bytesReceived.addAndGet(n);
    queue.offer(items);
  }

  @Override
  public void onError(Throwable error) {
    queue.offer(error);
  }

  @Override
  public void onComplete() {
    queue.offer(END);
  }

  /** Body bytes received so far, as they came over the wire. */
  long bytesReceived() {
    return bytesReceived.get();
  }

  /** The I/O failure (stall or broken connection) this stream ran into, if any. */
  IOException failure() {
    return failure;
  }

  /** Whether the body was read to its end. */
  boolean ended() {
    return ended;
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
    while (current == null || !current.hasRemaining()) {
      if (buffers.hasNext()) {
        current = buffers.next();
        continue;
      }
      if (ended) {
        return -1;
      }
      if (failure != null) {
        throw failure;
      }
      Object item = take();
      if (item == END) {
        ended = true;
        return -1;
      }
      if (item instanceof Throwable) {
        Throwable error = (Throwable) item;
        failure = error instanceof IOException ? (IOException) error : new IOException(error.getMessage(), error);
        throw failure;
      }
      @SuppressWarnings("unchecked")
      List<ByteBuffer> next = (List<ByteBuffer>) item;
      buffers = next.iterator();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
    }
    int n = Math.min(length, current.remaining());
    current.get(target, offset, n);
    return n;
  }

  private Object take() throws IOException {
    Object item;
    try {
      item = queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while reading the response");
      failure = interrupted;
      throw interrupted;
    }
    if (item == null) {
      failure = new BodyStalledException(idleTimeout);
      cancel();
      throw failure;
    }
    return item;
  }

  @Override
  public int available() {
    return current == null ? 0 : current.remaining();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!ended) {
      cancel();
    }
  }

  private void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
