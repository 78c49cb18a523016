package io.github.matomotracking.sync;

import java.util.function.Supplier;

/** Carries the stage where a port or the source failed, up to the batch that reports it. */
final class StageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final SyncStage stage;

  private StageException(SyncStage stage, RuntimeException cause) {
    super(cause.getMessage(), cause, false, false);
    this.stage = stage;
  }

  SyncStage stage() {
    return stage;
  }

  /** The original exception. */
  RuntimeException failure() {
    return (RuntimeException) getCause();
  }

  /**
   * Runs a step, tagging its runtime exceptions with the stage (errors pass through untouched).
   */
  static <T> T at(SyncStage stage, Supplier<T> step) {
    try {
      return step.get();
    } catch (StageException | RunCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StageException(stage, e);
    }
  }

  /** Runs a step without a result, tagging its runtime exceptions with the stage. */
  static void run(SyncStage stage, Runnable step) {
    at(stage, () -> {
      step.run();
      return null;
    });
  }
}
