package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaultsAreThreeAttemptsAndSixtySecondCap() {
    RetryPolicy p = RetryPolicy.defaults();

    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.retryAfterCap()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void backoffDoublesFromHalfASecondUpToEightSecondsAtMaximumJitter() {
    RetryPolicy p = RetryPolicy.builder().jitter(() -> 1.0).build();

    assertThat(IntStream.rangeClosed(1, 7).mapToObj(p::backoff))
        .containsExactly(ms(500), ms(1000), ms(2000), ms(4000), ms(8000), ms(8000), ms(8000));
  }

  @Test
  void backoffWithZeroJitterIsHalfTheExponentialDelay() {
    RetryPolicy p = RetryPolicy.builder().jitter(() -> 0.0).build();

    assertThat(IntStream.rangeClosed(1, 5).mapToObj(p::backoff))
        .containsExactly(ms(250), ms(500), ms(1000), ms(2000), ms(4000));
  }

  @Test
  void backoffNeverOverflowsForLargeAttemptNumbers() {
    RetryPolicy p = RetryPolicy.builder().jitter(() -> 1.0).build();

    assertThat(p.backoff(500)).isEqualTo(ms(8000));
  }

  @Test
  void idempotentRequestsRetryEveryRetryableStatus() {
    RetryPolicy p = RetryPolicy.defaults();

    for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(p.retriesStatus(s, true, false)).as("status %d", s).isTrue();
    }
    for (int s : new int[] {400, 401, 403, 404, 409, 422, 501}) {
      assertThat(p.retriesStatus(s, true, true)).as("status %d", s).isFalse();
    }
  }

  @Test
  void nonIdempotentRequestsRetryOnlyWhenTheVendorTurnedThemAwayUnprocessed() {
    RetryPolicy p = RetryPolicy.defaults();

    assertThat(p.retriesStatus(429, false, false)).isTrue();
    assertThat(p.retriesStatus(503, false, true)).isTrue();
    assertThat(p.retriesStatus(503, false, false)).isFalse();
    assertThat(p.retriesStatus(500, false, true)).isFalse();
    assertThat(p.retriesStatus(502, false, false)).isFalse();
    assertThat(p.retriesStatus(504, false, false)).isFalse();
    assertThat(p.retriesStatus(408, false, false)).isFalse();
  }

  @Test
  void nonIdempotentRequestIsNeverRetriedAfterItReachedTheServer() {
    RetryPolicy p = RetryPolicy.defaults();

    assertThat(p.retriesIoFailure(false, false)).isFalse();
    assertThat(p.retriesIoFailure(false, true)).isTrue();
    assertThat(p.retriesIoFailure(true, false)).isTrue();
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build())
        .hasMessageContaining("below baseDelay");
  }

  @Test
  void noneMakesExactlyOneAttempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }
}
