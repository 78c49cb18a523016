package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaderOptionsTest {

  @Test
  void defaultsAreTheDocumentedLimits() {
    ReaderOptions defaults = ReaderOptions.defaults();

    assertThat(defaults.maxNestingDepth()).isEqualTo(64);
    assertThat(defaults.maxStringLength()).isEqualTo(1024 * 1024);
    assertThat(defaults.maxValuesPerVisit()).isEqualTo(100_000);
    assertThat(defaults.maxCharsPerVisit()).isEqualTo(4 * 1024 * 1024);
    assertThat(defaults.maxNameLength()).isEqualTo(ReaderOptions.DEFAULT_MAX_NAME_LENGTH);
    assertThat(defaults.maxValuesPerVisit()).isEqualTo(ReaderOptions.DEFAULT_MAX_VALUES_PER_VISIT);
    assertThat(new LiveResponseReader().options()).isEqualTo(defaults);
  }

  @Test
  void withMethodsChangeOneLimitOnACopy() {
    ReaderOptions changed = ReaderOptions.defaults().withMaxNestingDepth(10)
        .withMaxStringLength(100).withMaxNameLength(50).withMaxValuesPerVisit(1000);

    assertThat(changed).isEqualTo(new ReaderOptions(10, 100, 50, 1000));
    assertThat(changed.withMaxCharsPerVisit(7))
        .isEqualTo(new ReaderOptions(10, 100, 50, 1000, 7));
    assertThat(new ReaderOptions(10, 100, 50, 1000).maxCharsPerVisit())
        .as("the four-limit form keeps the default text budget")
        .isEqualTo(ReaderOptions.DEFAULT_MAX_CHARS_PER_VISIT);
    assertThat(ReaderOptions.defaults().maxNestingDepth()).isEqualTo(64);
  }

  @Test
  void unusableLimitsAreRejectedByName() {
    assertThatThrownBy(() -> ReaderOptions.defaults().withMaxNestingDepth(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxNestingDepth must be at least 2, but was 1");
    assertThatThrownBy(() -> ReaderOptions.defaults().withMaxValuesPerVisit(0))
        .hasMessage("maxValuesPerVisit must be at least 1, but was 0");
    assertThatThrownBy(() -> ReaderOptions.defaults().withMaxCharsPerVisit(0))
        .hasMessage("maxCharsPerVisit must be at least 1, but was 0");
  }

  @Test
  void nestingDeeperThanTheRecursiveReadingCanBearIsRefused() {
    assertThat(ReaderOptions.defaults().withMaxNestingDepth(1000).maxNestingDepth()).isEqualTo(1000);
    assertThatThrownBy(() -> ReaderOptions.defaults().withMaxNestingDepth(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxNestingDepth must be at most 1000, but was 1001");
  }

  @Test
  void theHighestNestingLimitIsReadWithoutStackOverflowOnASmallStack() throws Exception {
    LiveResponseReader reader =
        new LiveResponseReader(ReaderOptions.defaults().withMaxNestingDepth(1000));
    String deep = "[" + "[".repeat(998) + "]".repeat(998) + "]";
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread small = new Thread(null, () -> {
      try {
        outcome.set(reader.read(new java.io.ByteArrayInputStream(
            deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 200, v -> { }, w -> { }));
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "small-stack", 256 * 1024);
    small.start();
    small.join();

    assertThat(outcome.get()).isEqualTo(new ReadSummary(0, 1));
  }

  @Test
  void aVisitHoldingMoreTextThanTheBudgetFailsClearly() {
    LiveResponseReader reader =
        new LiveResponseReader(ReaderOptions.defaults().withMaxCharsPerVisit(1000));
    String body = "[{\"idSite\": 1, \"idVisit\": 1, \"firstActionTimestamp\": 1700000000,"
        + " \"city\": \"" + "x".repeat(900) + "\"}, " + ReadResult.oneVisit(
        "\"city\": \"" + "x".repeat(600) + "\", \"" + "n".repeat(400) + "\": 1").substring(1);
    java.util.List<Long> handedOver = new java.util.ArrayList<>();

    assertThatThrownBy(() -> reader.read(new java.io.ByteArrayInputStream(
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 200,
        visit -> handedOver.add(visit.visitId()), warning -> { }))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("more than 1000 characters of text (ReaderOptions.maxCharsPerVisit)")
        .hasMessageContaining("after 1 complete visit");
    assertThat(handedOver).as("the budget is per visit").containsExactly(1L);
  }

  @Test
  void aLowerNestingLimitIsApplied() {
    LiveResponseReader reader = new LiveResponseReader(ReaderOptions.defaults().withMaxNestingDepth(3));
    String fourDeep = ReadResult.oneVisit("\"nested\": {\"a\": [1]}");

    assertThatThrownBy(() -> reader.read(
        new java.io.ByteArrayInputStream(fourDeep.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        200, visit -> { }, warning -> { }))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("nesting depth");
    assertThat(ReadResult.read(fourDeep).visits()).as("the default reader accepts it").hasSize(1);
  }
}
