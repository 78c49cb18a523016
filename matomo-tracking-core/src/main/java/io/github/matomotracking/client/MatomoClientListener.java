package io.github.matomotracking.client;

import io.github.matomotracking.model.VisitWarning;
import java.time.Duration;

/**
 * Receives progress from a {@link MatomoClient}, for metrics or logs of the host's own. Called on
 * the thread that runs the query; keep it quick and do not throw. Every method does nothing by
 * default. Nothing passed here contains the token.
 */
public interface MatomoClientListener {

  /** A listener that ignores everything. */
  MatomoClientListener NONE = new MatomoClientListener() {};

  /**
   * An HTTP exchange is over.
   *
   * @param event what happened
   */
  default void onRequest(MatomoRequestEvent event) {}

  /**
   * A failed request will be tried again after {@code delay}.
   *
   * @param apiMethod the Matomo API method
   * @param attempt the attempt that failed (1 for the first)
   * @param delay the wait before the next attempt
   * @param cause why the attempt failed
   */
  default void onRetry(String apiMethod, int attempt, Duration delay, MatomoException cause) {}

  /**
   * A visit object in a response was skipped or is doubtful.
   *
   * @param warning what was wrong, naming the visit
   */
  default void onWarning(VisitWarning warning) {}
}
