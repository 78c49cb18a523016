package io.github.matomotracking.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Runs a request again after retryable failures, waiting through the configured sleeper. */
final class Retrier {

  private final Backoff backoff;
  private final Sleeper sleeper;
  private final MatomoClientListener listener;

  Retrier(Backoff backoff, Sleeper sleeper, MatomoClientListener listener) {
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /** Calls {@code attempt} until it succeeds or fails for good. */
  <T> T call(RequestContext first, Function<RequestContext, T> attempt) {
    for (int n = 1; ; n++) {
      RequestContext context = first.withAttempt(n);
      try {
        return attempt.apply(context);
      } catch (MatomoException e) {
        Optional<Duration> delay = backoff.delayAfter(n, e);
        if (delay.isEmpty()) {
          throw e;
        }
        pause(context, delay.get(), e);
      }
    }
  }

  /** The wait for retry {@code failedAttempt}, or empty when the failure must be thrown. */
  Optional<Duration> delayAfter(int failedAttempt, MatomoException cause) {
    return backoff.delayAfter(failedAttempt, cause);
  }

  /** Reports and waits before the next attempt. */
  void pause(RequestContext failed, Duration delay, MatomoException cause) {
    Transport.LOG.log(Level.INFO, () -> "retrying " + failed.describe() + " in " + delay.toMillis()
        + " ms after attempt " + failed.attempt() + " failed: " + cause.getClass().getSimpleName()
        + ": " + cause.getMessage());
    listener.onRetry(failed.apiMethod(), failed.attempt(), delay, cause);
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      MatomoTransportException interrupted = new MatomoTransportException(
          "interrupted while waiting to retry " + failed.describe(), cause.httpStatus().orElse(-1), null, e);
      interrupted.addSuppressed(cause);
      throw interrupted;
    }
  }
}
