package dev.customersync.redis.internal;

import dev.customersync.core.TransportException;
import io.lettuce.core.RedisFuture;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for one Redis command with a bound, and tells "Redis is unavailable" apart. */
public final class RedisCalls {

  private RedisCalls() {}

  /**
   * The command's result, waiting at most {@code timeout}.
   *
   * @throws RedisUnavailableException the command failed, timed out or the connection is gone
   * @throws TransportException this thread was interrupted (its interrupt status is kept)
   */
  public static <T> T await(RedisFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for Redis (" + what + ")", e, 0, false);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RedisUnavailableException("Redis did not answer " + what + " within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new RedisUnavailableException("Redis failed " + what + ": " + describe(cause), cause);
    } catch (RuntimeException e) {
      throw new RedisUnavailableException("Redis failed " + what + ": " + describe(e), e);
    }
  }

  /** A short description of a failure: its type and message, no stack. */
  public static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
