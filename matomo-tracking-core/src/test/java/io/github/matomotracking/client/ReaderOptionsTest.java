package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaderOptionsTest {

  @Test
  void defaultsAreTheDocumentedLimits() {
    ReaderOptions defaults = ReaderOptions.defaults();

    assertThat(defaults.maxNestingDepth()).isEqualTo(64);
    assertThat(defaults.maxStringLength()).isEqualTo(16 * 1024 * 1024);
    assertThat(defaults.maxNameLength()).isEqualTo(ReaderOptions.DEFAULT_MAX_NAME_LENGTH);
    assertThat(defaults.maxValuesPerVisit()).isEqualTo(ReaderOptions.DEFAULT_MAX_VALUES_PER_VISIT);
    assertThat(new LiveResponseReader().options()).isEqualTo(defaults);
  }

  @Test
  void withMethodsChangeOneLimitOnACopy() {
    ReaderOptions changed = ReaderOptions.defaults().withMaxNestingDepth(10)
        .withMaxStringLength(100).withMaxNameLength(50).withMaxValuesPerVisit(1000);

    assertThat(changed).isEqualTo(new ReaderOptions(10, 100, 50, 1000));
    assertThat(ReaderOptions.defaults().maxNestingDepth()).isEqualTo(64);
  }

  @Test
  void unusableLimitsAreRejectedByName() {
    assertThatThrownBy(() -> ReaderOptions.defaults().withMaxNestingDepth(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxNestingDepth must be at least 2, but was 1");
    assertThatThrownBy(() -> ReaderOptions.defaults().withMaxValuesPerVisit(0))
        .hasMessage("maxValuesPerVisit must be at least 1, but was 0");
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
