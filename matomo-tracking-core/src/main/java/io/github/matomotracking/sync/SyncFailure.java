package io.github.matomotracking.sync;

import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.MatomoStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A part of a run that failed: one identity batch (or the recording of an identification), with
 * the identities and contacts it concerns. The rest of the run went on; the failed part left the
 * stored state consistent, and the next run redoes it.
 */
@Value.Immutable
@MatomoStyle
public abstract class SyncFailure {

  /** Subclassed by the generated implementation only. */
  SyncFailure() {}

  /**
   * Where it failed.
   *
   * @return the stage
   */
  public abstract SyncStage stage();

  /**
   * The identities whose visits were being synchronised (the batch), sorted.
   *
   * @return the identities; empty when the failure concerns no identity
   */
  public abstract List<IdentityKey> identities();

  /**
   * The contacts concerned, when known: the contact of an identification, or the contacts of an
   * email-click batch (their userIds).
   *
   * @return contact ids, sorted
   */
  public abstract List<String> contactIds();

  /**
   * What went wrong, from the exception's message (never containing the Matomo token).
   *
   * @return the message
   */
  public abstract String message();

  /**
   * The class of the exception, such as {@code MatomoServerException}.
   *
   * @return the simple class name
   */
  public abstract String errorType();

  /**
   * Whether trying again later can help (a Matomo failure that says so, or any failure of the
   * host's stores).
   *
   * @return true when a later run may succeed
   */
  public abstract boolean retryable();

  /**
   * The exception, for the host's own handling; not part of equality.
   *
   * @return the cause, if any
   */
  @Value.Auxiliary
  public abstract Optional<Throwable> cause();

  /**
   * Whether Matomo (or the way to it) failed, rather than the host's stores.
   *
   * @return true for a {@link MatomoException}
   */
  public boolean isMatomoFailure() {
    return cause().filter(MatomoException.class::isInstance).isPresent();
  }

  /**
   * A one-line description.
   *
   * @return stage, identities, contacts and message
   */
  public String describe() {
    StringBuilder text = new StringBuilder(stage().name().toLowerCase(java.util.Locale.ROOT));
    if (!identities().isEmpty()) {
      text.append(' ').append(identities().size() == 1
          ? identities().get(0).toString() : identities().size() + " identities");
    }
    if (!contactIds().isEmpty()) {
      text.append(" (contacts ").append(String.join(", ", contactIds())).append(')');
    }
    return text.append(": ").append(errorType()).append(": ").append(message()).toString();
  }

  /**
   * A failure from an exception.
   *
   * @param stage where it failed
   * @param identities the identities concerned
   * @param contactIds the contacts concerned
   * @param cause the exception
   * @return the failure
   */
  static SyncFailure of(SyncStage stage, List<IdentityKey> identities, List<String> contactIds,
      Throwable cause) {
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getMessage();
    boolean retryable = !(cause instanceof MatomoException) || ((MatomoException) cause).isRetryable();
    return builder()
        .stage(stage)
        .identities(identities.stream().sorted().toList())
        .contactIds(contactIds.stream().sorted().distinct().toList())
        .message(message)
        .errorType(cause.getClass().getSimpleName())
        .retryable(retryable)
        .cause(cause)
        .build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static ImmutableSyncFailure.Builder builder() {
    return ImmutableSyncFailure.builder();
  }
}
