package io.github.matomotracking.lookups;

import static io.github.matomotracking.lookups.Additions.actionType;
import static io.github.matomotracking.lookups.Additions.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.WebPage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryLookupRepositoryTest {

  @Test
  void withDefaultsHoldsTheDefaults() {
    InMemoryLookupRepository repo = InMemoryLookupRepository.withDefaults();
    assertThat(repo.snapshot().tables()).isEqualTo(DefaultLookups.tables());
    assertThat(repo.snapshot().leadSourceByName("Other source")).isPresent();
  }

  @Test
  void emptyHoldsNothing() {
    assertThat(InMemoryLookupRepository.empty().snapshot().tables())
        .isEqualTo(LookupTables.empty());
  }

  @Test
  void applyPublishesANewSnapshotAndLeavesTheOldOneAlone() {
    InMemoryLookupRepository repo = InMemoryLookupRepository.withDefaults();
    IndexedLookupSnapshot before = repo.snapshot();

    repo.apply(List.of(actionType("at-goal", "goal"), page("wp-1", "One", "https://x/1")));

    assertThat(repo.snapshot()).isNotSameAs(before);
    assertThat(repo.snapshot().actionTypeByCode("goal")).map(ActionType::id).contains("at-goal");
    assertThat(repo.snapshot().webPage("One", "https://x/1")).isPresent();
    assertThat(before.actionTypeByCode("goal")).isEmpty();
    assertThat(before.webPage("One", "https://x/1")).isEmpty();
  }

  @Test
  void applyIsIdempotent() {
    InMemoryLookupRepository repo = InMemoryLookupRepository.withDefaults();
    List<LookupAddition> batch = List.of(actionType("at-goal", "goal"));
    repo.apply(batch);
    IndexedLookupSnapshot afterFirst = repo.snapshot();

    repo.apply(batch);
    repo.apply(List.of(actionType("some-other-id", "GOAL"), actionType("at-goal", "other")));

    assertThat(repo.snapshot()).isSameAs(afterFirst);
    assertThat(repo.snapshot().actionTypeByCode("goal")).map(ActionType::id).contains("at-goal");
    assertThat(repo.snapshot().actionTypeByCode("other")).isEmpty();
  }

  @Test
  void anExistingDefaultCodeIsNotReplacedByAnAddition() {
    InMemoryLookupRepository repo = InMemoryLookupRepository.withDefaults();
    String id = repo.snapshot().actionTypeByCode("action").orElseThrow().id();
    repo.apply(List.of(actionType("derived-id", "action")));
    assertThat(repo.snapshot().actionTypeByCode("action")).map(ActionType::id).contains(id);
  }

  @Test
  void anInvalidBatchAddsNothing() {
    InMemoryLookupRepository repo = InMemoryLookupRepository.empty();
    LookupAddition noUrl = LookupAddition.builder()
        .kind(io.github.matomotracking.model.LookupKind.WEB_PAGE).id("wp-x").name("X").build();
    assertThatThrownBy(() -> repo.apply(List.of(page("wp-1", "One", "https://x/1"), noUrl)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(repo.snapshot().webPage("One", "https://x/1")).isEmpty();
  }

  @Test
  void concurrentAppliesLoseNothingAndSnapshotsNeverChange() throws Exception {
    int writers = 4;
    int batchesPerWriter = 300;
    InMemoryLookupRepository repo = InMemoryLookupRepository.withDefaults();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(pool.submit(() -> {
          start.await();
          for (int b = 0; b < batchesPerWriter; b++) {
            // Every writer also adds the same shared page: it must end up there once.
            repo.apply(List.of(page(id(writer, b), name(writer, b), url(writer, b)),
                page("wp-shared", "Shared", "https://x/shared")));
          }
          return null;
        }));
      }
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reads.add(pool.submit(() -> {
          start.await();
          int checked = 0;
          do {
            IndexedLookupSnapshot s = repo.snapshot();
            int[] seen = visiblePerWriter(s, writers, batchesPerWriter);
            // Each writer applies its batches in order, so a snapshot shows a prefix of them:
            // nothing after the first batch it misses.
            for (int w = 0; w < writers; w++) {
              for (int b = seen[w]; b < batchesPerWriter; b++) {
                assertThat(s.webPage(name(w, b), url(w, b))).isEmpty();
              }
            }
            Thread.yield();
            assertThat(visiblePerWriter(s, writers, batchesPerWriter))
                .as("a snapshot already handed out never changes").containsExactly(seen);
            checked++;
          } while (writing.get());
          return checked;
        }));
      }
      start.countDown();
      for (Future<?> f : writes) {
        f.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<Integer> f : reads) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }

    IndexedLookupSnapshot last = repo.snapshot();
    for (int w = 0; w < writers; w++) {
      for (int b = 0; b < batchesPerWriter; b++) {
        assertThat(last.webPage(name(w, b), url(w, b))).map(WebPage::id).contains(id(w, b));
      }
    }
    assertThat(last.tables().webPages()).hasSize(writers * batchesPerWriter + 1)
        .filteredOn(p -> p.id().equals("wp-shared")).hasSize(1);
  }

  /** How many of each writer's pages the snapshot shows, counted from the first. */
  private static int[] visiblePerWriter(IndexedLookupSnapshot s, int writers, int batches) {
    int[] seen = new int[writers];
    for (int w = 0; w < writers; w++) {
      int b = 0;
      while (b < batches && s.webPage(name(w, b), url(w, b)).isPresent()) {
        b++;
      }
      seen[w] = b;
    }
    return seen;
  }

  private static String id(int writer, int batch) {
    return "wp-" + writer + "-" + batch;
  }

  private static String name(int writer, int batch) {
    return "Page " + writer + "/" + batch;
  }

  private static String url(int writer, int batch) {
    return "https://x/" + writer + "/" + batch;
  }

  @Test
  void theBuilderLaysHostFilesAndTablesOverTheDefaults(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("lead-channels.csv"), "id,name\nch-tv,Television\n");
    InMemoryLookupRepository repo = InMemoryLookupRepository.builder()
        .load(dir)
        .load("channel-codes.csv", new ByteArrayInputStream(
            "code,channel\ntv,Television\n".getBytes(StandardCharsets.UTF_8)))
        .overlay(LookupTables.builder().addLeadChannels(LeadChannel.of("ch-radio", "Radio"))
            .build())
        .build();

    IndexedLookupSnapshot s = repo.snapshot();
    assertThat(s.channelByCode("tv")).map(LeadChannel::id).contains("ch-tv");
    assertThat(s.leadChannelByName("radio")).isPresent();
    assertThat(s.leadChannelByName("Email")).as("defaults are kept").isPresent();
  }

  @Test
  void aBuilderMayStartFromNothing() {
    InMemoryLookupRepository repo = InMemoryLookupRepository.builder(LookupTables.empty())
        .overlay(LookupTables.builder().addLeadChannels(LeadChannel.of("ch-radio", "Radio"))
            .build())
        .build();
    assertThat(repo.snapshot().tables().leadChannels()).extracting(LeadChannel::id)
        .containsExactly("ch-radio");
    assertThat(repo.snapshot().countryByCode("US")).isEmpty();
  }
}
