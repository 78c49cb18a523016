package io.github.matomotracking.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The engine's configuration: its defaults and the settings it refuses. */
class SyncConfigTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    SyncConfig config = SyncConfig.forSites(1, 3);

    assertThat(config.sites()).containsExactly(1L, 3L);
    assertThat(config.historyWindow()).isEqualTo(Duration.ofDays(365));
    assertThat(config.emailClickWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.identitiesPerRequest()).isEqualTo(100);
    assertThat(config.visitsPerWriteBatch()).isEqualTo(500);
    assertThat(config.maxConcurrency()).isEqualTo(2);
    assertThat(config.cursorOverlap()).isEqualTo(Duration.ofSeconds(1));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("no site", (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.sites(List.of()),
            "at least one Matomo site"),
        Arguments.of("site 0", (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.sites(List.of(0L)),
            "at least 1, got 0"),
        Arguments.of("a site twice",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.sites(List.of(2L, 2L)),
            "site 2 is listed twice"),
        Arguments.of("an empty history window",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.historyWindow(Duration.ZERO),
            "historyWindow must be positive"),
        Arguments.of("a negative email-click window",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.emailClickWindow(Duration.ofDays(-1)),
            "emailClickWindow must be positive"),
        Arguments.of("no identity per request",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.identitiesPerRequest(0),
            "identitiesPerRequest must be from 1 to 1000, got 0"),
        Arguments.of("a huge write batch",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.visitsPerWriteBatch(10_001),
            "visitsPerWriteBatch must be from 1 to 10000"),
        Arguments.of("no concurrency",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.maxConcurrency(0),
            "maxConcurrency must be from 1 to 64"),
        Arguments.of("an overlap under one second",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.cursorOverlap(Duration.ZERO),
            "cursorOverlap must be whole seconds, at least one"),
        Arguments.of("an overlap in milliseconds",
            (UnaryOperator<ImmutableSyncConfig.Builder>) b -> b.cursorOverlap(Duration.ofMillis(1500)),
            "cursorOverlap must be whole seconds"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("refused")
  void settingsTheEngineCannotUseAreRefusedByName(
      String setting, UnaryOperator<ImmutableSyncConfig.Builder> change, String message) {
    ImmutableSyncConfig.Builder builder = SyncConfig.builder().addSites(1);

    assertThatThrownBy(() -> change.apply(builder).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
