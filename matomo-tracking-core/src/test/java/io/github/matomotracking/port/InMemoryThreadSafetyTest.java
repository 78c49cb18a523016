package io.github.matomotracking.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentificationOrigin;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The in-memory ports used by several threads at once keep their promises. */
class InMemoryThreadSafetyTest {

  private static final int THREADS = 8;

  private static <T> List<T> together(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSameIdentificationRecordedByManyThreadsIsNewForExactlyOne() throws Exception {
    InMemorySyncStateStore store = new InMemorySyncStateStore();
    Identification identification = Identification.builder().key("form:1")
        .identity(IdentityKey.visitorId("0123456789abcdef")).contactId("ann")
        .at(Instant.EPOCH).origin(IdentificationOrigin.FORM_SUBMISSION).build();

    List<Boolean> results = together(() -> store.recordIdentification(identification));

    assertThat(results).containsOnlyOnce(true);
    assertThat(store.identificationsOfVisitor("0123456789abcdef")).hasSize(1);
  }

  @Test
  void theSameNewVisitUpsertedByManyThreadsIsInsertedExactlyOnce() throws Exception {
    InMemorySessionSink sink = new InMemorySessionSink();
    SessionWrite write = SessionWrite.of("ann", SessionSamples.minimalSession(1, 1),
        List.of(SessionSamples.goal(1, 1, 0)));

    List<SinkResult> results = together(() -> sink.upsert(List.of(write)));

    assertThat(results.stream().mapToLong(SinkResult::sessionsInserted).sum()).isEqualTo(1);
    assertThat(results.stream().mapToLong(SinkResult::sessionsUnchanged).sum())
        .isEqualTo(THREADS - 1);
    assertThat(sink.session(VisitKey.of(1, 1)).orElseThrow().actions()).hasSize(1);
  }
}
