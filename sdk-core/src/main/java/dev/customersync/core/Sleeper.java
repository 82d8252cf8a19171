package dev.customersync.core;

import java.time.Duration;

/**
 * Waits. Retry back-off and rate limiting wait through a {@code Sleeper} instead of calling {@link
 * Thread#sleep} so that tests can substitute one that advances a fake clock and records the waits.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks the calling thread for {@code duration}.
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** {@return the real one: {@link Thread#sleep(long, int)}} */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
      }
    };
  }
}
