package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

  @Test
  void burstIsGrantedAtOnceThenPermitsAreSpacedByTheRate() throws Exception {
    FakeClock clock = new FakeClock();
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
        .permitsPerSecond(2).burst(2).nanoClock(clock::nanoTime).sleeper(clock.sleeper()).build();

    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("k", Duration.ofMinutes(1))).isTrue();
    }

    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void rateIsHeldUnderEightConcurrentThreads() throws Exception {
    AtomicLong now = new AtomicLong();
    List<Long> grantedAt = new CopyOnWriteArrayList<>();
    // The clock stands still; each caller is granted at now + the wait it was told to sleep.
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
        .permitsPerSecond(10).burst(1).nanoClock(now::get)
        .sleeper(d -> grantedAt.add(now.get() + d.toNanos())).build();
    int threads = 8;
    int perThread = 50;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        start.await();
        int granted = 0;
        for (int i = 0; i < perThread; i++) {
          if (limiter.tryAcquire("k", Duration.ofMinutes(5))) {
            granted++;
          }
        }
        return granted;
      }));
    }
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get();
    }
    pool.shutdown();

    assertThat(total).isEqualTo(threads * perThread);
    // One permit was free at once; every other caller got a distinct slot 100 ms after the previous.
    List<Long> sorted = new ArrayList<>(grantedAt);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(threads * perThread - 1);
    for (int i = 0; i < sorted.size(); i++) {
      assertThat(sorted.get(i)).isEqualTo((i + 1) * 100_000_000L);
    }
  }

  @Test
  void callerWhoseSlotIsBeyondTheTimeoutGetsFalseAndReservesNothing() throws Exception {
    FakeClock clock = new FakeClock();
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder()
        .permitsPerSecond(1).burst(1).nanoClock(clock::nanoTime).sleeper(d -> {}).build();

    assertThat(limiter.tryAcquire("k", Duration.ZERO)).isTrue();
    assertThat(limiter.tryAcquire("k", Duration.ofMillis(999))).isFalse();
    assertThat(limiter.tryAcquire("k", Duration.ofMillis(999))).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("k", Duration.ZERO)).isTrue();
  }

  @Test
  void keysHaveSeparateBucketsUnlessMappedTogether() throws Exception {
    FakeClock clock = new FakeClock();
    TokenBucketRateLimiter separate = TokenBucketRateLimiter.builder()
        .permitsPerSecond(1).nanoClock(clock::nanoTime).sleeper(d -> {}).build();
    TokenBucketRateLimiter perCredential = TokenBucketRateLimiter.builder()
        .permitsPerSecond(1).nanoClock(clock::nanoTime).sleeper(d -> {})
        .keyMapper(k -> k.substring(0, k.indexOf('|'))).build();

    assertThat(separate.tryAcquire("a|customers", Duration.ZERO)).isTrue();
    assertThat(separate.tryAcquire("a|orders", Duration.ZERO)).isTrue();
    assertThat(perCredential.tryAcquire("a|customers", Duration.ZERO)).isTrue();
    assertThat(perCredential.tryAcquire("a|orders", Duration.ZERO)).isFalse();
  }

  @Test
  void allOfNeedsEveryLimiter() throws Exception {
    RateLimiter never = (k, t) -> false;

    assertThat(RateLimiter.allOf(RateLimiter.unlimited(), never).tryAcquire("k", Duration.ZERO)).isFalse();
    assertThat(RateLimiter.allOf(RateLimiter.unlimited(), RateLimiter.unlimited()).tryAcquire("k", Duration.ZERO)).isTrue();
  }
}
