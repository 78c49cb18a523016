package io.github.matomotracking.port;

import io.github.matomotracking.model.VisitKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A {@link SessionSink} and {@link SessionStore} held in memory, for tests and quick starts. Safe
 * to use from several threads: a batch is planned and applied under one write lock, so readers
 * see it whole or not at all.
 */
public class InMemorySessionSink implements SessionSink, SessionStore {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<VisitKey, StoredSession> sessions = new TreeMap<>();
  private final Map<String, Integer> sessionsPerContact = new HashMap<>();

  /** An empty sink. */
  public InMemorySessionSink() {}

  @Override
  public SinkResult upsert(List<SessionWrite> batch) {
    List<SessionWrite> writes = copy(batch);
    lock.writeLock().lock();
    try {
      SessionUpsertPlan plan = SessionUpsertPlan.of(sessions, writes);
      beforeCommit(writes);
      for (StoredSession after : plan.finalStates().values()) {
        StoredSession before = sessions.put(after.key(), after);
        if (before != null) {
          sessionsPerContact.computeIfPresent(before.contactId(), (id, n) -> n == 1 ? null : n - 1);
        }
        sessionsPerContact.merge(after.contactId(), 1, Integer::sum);
      }
      return plan.result();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Called with the batch after it was planned and before any of it is stored, under the write
   * lock. Does nothing; a subclass may throw to refuse the batch, and then nothing of it is
   * stored (the contract tests use this to prove that a batch is all or nothing).
   *
   * @param batch the batch about to be stored
   */
  protected void beforeCommit(List<SessionWrite> batch) {}

  @Override
  public Optional<StoredSession> session(VisitKey key) {
    Objects.requireNonNull(key, "key");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(sessions.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean hasSessionForContact(String contactId) {
    lock.readLock().lock();
    try {
      return sessionsPerContact.containsKey(contactId);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** {@inheritDoc} This implementation iterates over a copy, so the consumer may write. */
  @Override
  public void forEach(Consumer<? super StoredSession> consumer) {
    List<StoredSession> copy;
    lock.readLock().lock();
    try {
      copy = new ArrayList<>(sessions.values());
    } finally {
      lock.readLock().unlock();
    }
    copy.forEach(consumer);
  }

  static List<SessionWrite> copy(List<SessionWrite> batch) {
    Objects.requireNonNull(batch, "batch");
    List<SessionWrite> writes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      int index = i;
      writes.add(Objects.requireNonNull(batch.get(i),
          () -> "write #" + index + " of the batch is null"));
    }
    return writes;
  }

  @Override
  public String toString() {
    lock.readLock().lock();
    try {
      return "InMemorySessionSink[" + sessions.size() + " sessions]";
    } finally {
      lock.readLock().unlock();
    }
  }
}
