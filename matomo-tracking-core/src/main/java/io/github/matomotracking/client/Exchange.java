package io.github.matomotracking.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * One successful (2xx) response being read. Holds a concurrency slot until closed; closing it
 * aborts an unread body, frees the slot and reports the exchange.
 */
final class Exchange implements Closeable {

  private final RequestContext context;
  private final int status;
  private final HttpHeaders headers;
  private final BodyStream raw;
  private final long startNanos;
  private final TokenScrubber scrubber;
  private final Consumer<Exchange> onClose;
  private final boolean inflateAhead;
  private InputStream decoded;
  private DecodedBytes counted;
  private MatomoException failure;
  private boolean closed;

  Exchange(RequestContext context, int status, HttpHeaders headers, BodyStream raw, long startNanos,
      TokenScrubber scrubber, boolean inflateAhead, Consumer<Exchange> onClose) {
    this.inflateAhead = inflateAhead;
    this.context = context;
    this.status = status;
    this.headers = headers;
    this.raw = raw;
    this.startNanos = startNanos;
    this.scrubber = scrubber;
    this.onClose = onClose;
  }

  RequestContext context() {
    return context;
  }

  int status() {
    return status;
  }

  long startNanos() {
    return startNanos;
  }

  long bytesReceived() {
    return raw.bytesReceived();
  }

  MatomoException failure() {
    return failure;
  }

  /** The body, gunzipped when the server compressed it. */
  InputStream body() {
    if (counted != null) {
      return counted;
    }
    String encoding = headers.firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
    if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
      try {
        GZIPInputStream gunzip = new GZIPInputStream(raw, 8192);
        decoded = inflateAhead ? new GunzipAhead(gunzip, raw) : gunzip;
      } catch (IOException e) {
        throw translate(new MatomoUnreadableResponseException(
            "the gzip response to " + context.describe() + " could not be opened", status, null, e));
      }
    } else if (encoding.equals("identity") || encoding.isEmpty()) {
      decoded = raw;
    } else {
      throw new MatomoUnreadableResponseException(
          "the response to " + context.describe() + " uses the unsupported encoding " + encoding, status, null, null);
    }
    counted = new DecodedBytes(decoded);
    return counted;
  }

  /**
   * The exception to report for a failure while reading this body: the body's own I/O failure
   * (stall, broken connection) wins over what the reader made of it. Its texts are scrubbed of
   * the token, which a server may have echoed into the body.
   */
  MatomoException translate(RuntimeException readerFailure) {
    MatomoException mapped = scrubber.scrub(map(readerFailure));
    failure = mapped;
    return mapped;
  }

  private MatomoException map(RuntimeException readerFailure) {
    IOException io = raw.failure();
    if (io == null && decoded instanceof GunzipAhead ahead) {
      io = ahead.failure();
    }
    if (io instanceof BodyStream.BodyStalledException) {
      return new MatomoRequestTimeoutException(
          "the response to " + context.describe() + " stalled: " + io.getMessage(), status, null, io);
    }
    if (io instanceof InterruptedIOException) {
      return new MatomoTransportException(
          "interrupted while reading the response to " + context.describe(), status, null, io);
    }
    if (io != null) {
      return new MatomoTransportException(
          "the connection failed while reading the response to " + context.describe() + ": " + io,
          status, null, io);
    }
    if (readerFailure.getClass() == MatomoUnreadableResponseException.class && counted != null
        && counted.count() == 0) {
      // A successful status with a body that decodes to not one byte: a response cut before it
      // began (a PHP fatal error after the headers, a proxy dropping the upstream). Worth asking
      // again, like any cut response, rather than an answer that will never read.
      return new MatomoTruncatedResponseException(readerFailure.getMessage()
          + ": the response was cut before its first byte", status, 0, readerFailure);
    }
    if (readerFailure instanceof MatomoException) {
      return (MatomoException) readerFailure;
    }
    return new MatomoUnreadableResponseException(
        "the response to " + context.describe() + " could not be read: " + readerFailure, status, null, readerFailure);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (decoded instanceof GunzipAhead ahead) {
        ahead.close();
      }
      raw.close();
    } finally {
      onClose.accept(this);
    }
  }
}
