package dev.customersync.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.customersync.core.RateLimitRule;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link RateLimiter} built from a {@link RateLimits} table must do, in-memory or
 * shared: the rule's rate and burst, the key mapping, the table's order, the timeout, arrival
 * order under concurrency, interruption. Extend it and build your limiter in {@link #limiter}.
 *
 * <p>The checks measure real time with generous bounds (a shared 2-core machine is slow at times);
 * each uses fresh keys, so a shared store needs no cleaning between tests.
 */
@Timeout(30)
public abstract class RateLimiterContract {

  /** A unique prefix per test, so that a limiter shared through a store starts every test afresh. */
  protected String run;

  /**
   * The implementation under test.
   *
   * @param limits the table the limiter must enforce
   * @return a limiter enforcing {@code limits}, fresh for this test
   * @throws Exception when the implementation cannot be set up (its store is unreachable, say)
   */
  protected abstract RateLimiter limiter(RateLimits limits) throws Exception;

  @BeforeEach
  void freshKeys() {
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  private static RateLimits one(double perSecond, long burst) {
    return RateLimits.of("tck", RateLimitRule.of("all", perSecond, burst, k -> k));
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /**
   * A full bucket grants its burst at once, then one permit per interval of the rate.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void grantsTheBurstAtOnceThenSpacesPermitsAtTheRate() throws Exception {
    RateLimiter limiter = limiter(one(20, 2));
    String key = run + "|x";
    long start = System.nanoTime();
    assertTrue(limiter.tryAcquire(key, Duration.ofSeconds(5)));
    assertTrue(limiter.tryAcquire(key, Duration.ofSeconds(5)));
    long burstMillis = millisSince(start);
    for (int i = 0; i < 4; i++) {
      assertTrue(limiter.tryAcquire(key, Duration.ofSeconds(5)));
    }
    long allMillis = millisSince(start);
    // Two permits stored, four more at 20/s: 200 ms at least, and not much more.
    assertTrue(burstMillis < 150, "the burst of 2 took " + burstMillis + " ms");
    assertTrue(allMillis >= 190 && allMillis < 1500, "6 permits at 20/s after a burst of 2 took " + allMillis + " ms");
  }

  /**
   * A permit further away than the timeout is refused at once, and the refusal reserves nothing.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void givesFalseAtOnceAndReservesNothingWhenThePermitLiesBeyondTheTimeout() throws Exception {
    RateLimiter limiter = limiter(one(2, 1));
    String key = run + "|x";
    assertTrue(limiter.tryAcquire(key, Duration.ofSeconds(5)));
    long start = System.nanoTime();
    assertFalse(limiter.tryAcquire(key, Duration.ofMillis(100)), "the next permit is 500 ms away");
    long refusedMillis = millisSince(start);
    assertTrue(refusedMillis < 400, "refusing took " + refusedMillis + " ms; it should not wait");
    assertTrue(limiter.tryAcquire(key, Duration.ofSeconds(5)));
    long grantedMillis = millisSince(start);
    // The refused caller reserved nothing: the next permit is the one 500 ms after the first.
    assertTrue(grantedMillis >= 300 && grantedMillis < 1000, "the next permit came after " + grantedMillis + " ms");
  }

  /**
   * Permit keys a rule maps to one bucket share it; other keys have buckets of their own.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void keysMappedToOneBucketShareItAndOtherKeysDoNot() throws Exception {
    RateLimiter limiter = limiter(RateLimits.of("tck",
        RateLimitRule.of("per-account", 1, 1, k -> k.substring(0, k.indexOf('|')))));
    assertTrue(limiter.tryAcquire(run + "a|customers", Duration.ofSeconds(1)));
    assertFalse(limiter.tryAcquire(run + "a|articles", Duration.ofMillis(20)), "same account, one bucket");
    assertTrue(limiter.tryAcquire(run + "b|customers", Duration.ofMillis(20)), "another account, its own bucket");
  }

  /**
   * A permit needs every rule of the table, asked in order.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void everyRuleOfTheTableIsAskedInOrder() throws Exception {
    RateLimiter limiter = limiter(RateLimits.of("tck",
        RateLimitRule.of("per-endpoint", 100, 5, k -> k),
        RateLimitRule.of("per-account", 1, 1, k -> k.substring(0, k.indexOf('|')))));
    assertTrue(limiter.tryAcquire(run + "a|customers", Duration.ofSeconds(1)));
    assertFalse(limiter.tryAcquire(run + "a|articles", Duration.ofMillis(20)),
        "the endpoint rule has room, the account rule has not");
  }

  /**
   * Many threads asking at once together stay at the rate.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void concurrentCallersTogetherStayAtTheRate() throws Exception {
    RateLimiter limiter = limiter(one(40, 1));
    String key = run + "|x";
    ExecutorService threads = Executors.newFixedThreadPool(8);
    AtomicInteger granted = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        all.add(threads.submit(() -> {
          for (int i = 0; i < 5; i++) {
            if (limiter.tryAcquire(key, Duration.ofSeconds(10))) {
              granted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    long millis = millisSince(start);
    assertEquals(40, granted.get());
    // One stored permit, then 39 at 40/s: 975 ms at least, whatever the threads.
    assertTrue(millis >= 950 && millis < 5000, "40 permits at 40/s took " + millis + " ms");
  }

  /**
   * A caller interrupted while it waits gets an InterruptedException.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void anInterruptedWaitEndsWithInterruptedException() throws Exception {
    RateLimiter limiter = limiter(one(0.5, 1));
    String key = run + "|x";
    assertTrue(limiter.tryAcquire(key, Duration.ofSeconds(1)));
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedException.class, () -> limiter.tryAcquire(key, Duration.ofSeconds(10)));
    } finally {
      Thread.interrupted();
    }
  }

  /**
   * A table without rules throttles nothing.
   *
   * @throws Exception when the limiter fails
   */
  @Test
  public void anEmptyTableGrantsAtOnce() throws Exception {
    RateLimiter limiter = limiter(RateLimits.of("tck", List.of()));
    for (int i = 0; i < 100; i++) {
      assertTrue(limiter.tryAcquire(run + "|x", Duration.ZERO));
    }
  }
}
