package dev.customersync.core;

import java.time.Duration;
import java.util.List;

/**
 * Client-side throttle: every HTTP attempt asks for a permit first, so the SDK stays under a
 * vendor's published limits instead of provoking 429s.
 *
 * <p>A key names the bucket a request counts against; vendor modules build it from a fingerprint
 * of the credential (never the secret itself) and the endpoint group, e.g. {@code
 * "3f2a…|customers"}. Implementations must be thread-safe. This is an interface so that a
 * distributed limiter (shared by several processes using one API key) can replace the in-memory
 * {@link TokenBucketRateLimiter}.
 */
public interface RateLimiter {

  /**
   * Blocks until a permit for {@code key} is granted or {@code timeout} passes.
   *
   * @param key the bucket the request counts against
   * @param timeout the longest wait for a permit
   * @return true when granted; false when none could be had within {@code timeout}
   * @throws InterruptedException when the waiting thread is interrupted
   */
  boolean tryAcquire(String key, Duration timeout) throws InterruptedException;

  /** {@return a limiter that always grants at once} */
  static RateLimiter unlimited() {
    return (key, timeout) -> true;
  }

  /**
   * {@return a limiter that needs a permit from each of {@code limiters} in order} For example a
   * per-key bucket and a per-endpoint bucket. The timeout applies to each in turn.
   *
   * @param limiters asked in this order
   */
  static RateLimiter allOf(RateLimiter... limiters) {
    List<RateLimiter> all = List.of(limiters);
    return (key, timeout) -> {
      for (RateLimiter l : all) {
        if (!l.tryAcquire(key, timeout)) {
          return false;
        }
      }
      return true;
    };
  }
}
