package io.github.matomotracking.sync;

/** Stops a batch between two steps because its run was cancelled or its thread interrupted. */
final class RunCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RunCancelledException() {
    super("the run was cancelled", null, false, false);
  }
}
