package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.sync.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @Test
  void evenly_spaced_requests_wait_one_interval_each() throws InterruptedException {
    TokenBucket bucket = new TokenBucket(RateLimit.perMinute(120), clock, sleeper);

    for (int i = 0; i < 5; i++) {
      bucket.acquire();
    }

    assertThat(sleeper.sleeps()).containsExactly(
        Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void a_burst_goes_out_at_once_then_the_rate_applies() throws InterruptedException {
    TokenBucket bucket = new TokenBucket(new RateLimit(60, 3), clock, sleeper);

    for (int i = 0; i < 4; i++) {
      bucket.acquire();
    }

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a_quiet_spell_refills_the_bucket_up_to_the_burst_only() {
    TokenBucket bucket = new TokenBucket(new RateLimit(60, 2), clock, sleeper);
    bucket.reserve();
    bucket.reserve();

    clock.advance(Duration.ofMinutes(10));

    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void waiting_callers_queue_up_behind_each_other() {
    TokenBucket bucket = new TokenBucket(RateLimit.perMinute(60), clock, sleeper);

    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(1));
    assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(2));
  }
}
