package io.github.matomotracking.port;

import java.util.List;
import java.util.function.Predicate;

/** The session sink contract, in memory. */
class InMemorySessionSinkTest extends SessionSinkContract<InMemorySessionSink> {

  @Override
  protected InMemorySessionSink newSink(Predicate<SessionWrite> refuse) {
    return new InMemorySessionSink() {
      @Override
      protected void beforeCommit(List<SessionWrite> batch) {
        batch.stream().filter(refuse).findFirst().ifPresent(write -> {
          throw new IllegalStateException("refused the write of visit " + write.key());
        });
      }
    };
  }
}
