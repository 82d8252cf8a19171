package dev.customersync.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * When and how long to wait before trying an HTTP request again.
 *
 * <p>Defaults: 3 attempts in all; retries on 408, 429, 500, 502, 503 and 504 and on I/O failures;
 * exponential back-off from 500 ms doubling to at most 8 s, with "equal jitter" (half the delay
 * fixed, half random, so concurrent clients spread out but never retry instantly); a {@code
 * Retry-After} the vendor sends (seconds or HTTP-date) replaces the back-off, up to a cap of 60 s —
 * above the cap the call fails at once instead of blocking: with {@link RateLimitException} for a
 * 429, with the status's own exception (e.g. {@link VendorServerException} for a 503) otherwise.
 *
 * <p>A request marked non-idempotent (a POST that may create things or send mail) is retried only
 * when it provably never reached the vendor: the connection could not be made, the vendor answered
 * 429, or 503 with a {@code Retry-After}. It is never retried after a 5xx without that header, a
 * timeout, or a connection reset once sending had begun.
 *
 * <p>Every wait is also bounded by the call's {@link CallDeadline}: a back-off or {@code Retry-After}
 * that would pass it is not started, and the call fails with a {@link DeadlineExceededException}.
 *
 * <p>Immutable and thread-safe. The clock, nano clock, sleeper and jitter source are injectable so
 * that tests assert exact delays and deadlines without sleeping.
 */
public final class RetryPolicy {

  private static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration retryAfterCap;
  private final Set<Integer> retryableStatuses;
  private final DoubleSupplier jitter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final LongSupplier nanoClock;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.retryAfterCap = b.retryAfterCap;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
    this.jitter = b.jitter;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.nanoClock = b.nanoClock;
  }

  /** {@return the defaults described on the class} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return one attempt, never a retry} */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** {@return a new builder, starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this policy} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.retryAfterCap = retryAfterCap;
    b.retryableStatuses = retryableStatuses;
    b.jitter = jitter;
    b.clock = clock;
    b.sleeper = sleeper;
    b.nanoClock = nanoClock;
    return b;
  }

  /** {@return how many attempts in all, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the longest {@code Retry-After} honoured; a longer one fails fast} */
  public Duration retryAfterCap() {
    return retryAfterCap;
  }

  /** {@return the clock that turns a {@code Retry-After} date into a wait} */
  public Clock clock() {
    return clock;
  }

  /** {@return what waits out the back-off; tests substitute one that advances a fake clock} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * {@return the monotonic clock, in nanoseconds, that a call's {@link CallDeadline} is measured on}
   */
  public LongSupplier nanoClock() {
    return nanoClock;
  }

  /**
   * {@return the back-off before the next attempt after {@code failedAttempts} failures} It is
   * {@code d/2 + jitter × d/2} with {@code d = min(maxDelay, baseDelay × 2^(failedAttempts-1))}.
   *
   * @param failedAttempts how many attempts failed so far: 1 for the wait before the second
   * @throws IllegalArgumentException when {@code failedAttempts} is below 1
   */
  public Duration backoff(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    int shift = Math.min(failedAttempts - 1, 62);
    long exp = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    double r = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofNanos(exp / 2 + (long) (r * (exp - exp / 2)));
  }

  /**
   * {@return whether an answer with {@code status} may be retried}
   *
   * @param status the answer's HTTP status
   * @param idempotent whether repeating the request is harmless
   * @param hasRetryAfter whether the answer carried a {@code Retry-After}
   */
  public boolean retriesStatus(int status, boolean idempotent, boolean hasRetryAfter) {
    if (!retryableStatuses.contains(status)) {
      return false;
    }
    if (idempotent) {
      return true;
    }
    // 429 and 503-with-Retry-After are the vendor turning the request away unprocessed.
    return status == 429 || status == 503 && hasRetryAfter;
  }

  /**
   * {@return whether an I/O failure may be retried}
   *
   * @param idempotent whether repeating the request is harmless
   * @param neverSent true when no byte of the request left this process
   */
  public boolean retriesIoFailure(boolean idempotent, boolean neverSent) {
    return idempotent || neverSent;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", retryAfterCap=" + retryAfterCap + ", retryableStatuses=" + retryableStatuses + "}";
  }

  /** Builds {@link RetryPolicy} values. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(8);
    private Duration retryAfterCap = Duration.ofSeconds(60);
    private Set<Integer> retryableStatuses = DEFAULT_STATUSES;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private LongSupplier nanoClock = System::nanoTime;

    private Builder() {}

    /**
     * Attempts in all, at least 1.
     *
     * @param maxAttempts attempts in all; 1 means never retry
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The back-off before the second attempt, before jitter; default 500 ms.
     *
     * @param baseDelay not negative
     * @return this builder
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = nonNegative(baseDelay, "baseDelay");
      return this;
    }

    /**
     * The longest back-off, before jitter; default 8 s.
     *
     * @param maxDelay not negative, not below the base delay
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * The longest {@code Retry-After} waited out; a longer one fails at once. Default 60 s.
     *
     * @param retryAfterCap not negative; zero fails at once on any {@code Retry-After}
     * @return this builder
     */
    public Builder retryAfterCap(Duration retryAfterCap) {
      this.retryAfterCap = nonNegative(retryAfterCap, "retryAfterCap");
      return this;
    }

    /**
     * The statuses that may be retried; default 408, 429, 500, 502, 503, 504.
     *
     * @param statuses HTTP statuses
     * @return this builder
     */
    public Builder retryableStatuses(Set<Integer> statuses) {
      this.retryableStatuses = Set.copyOf(statuses);
      return this;
    }

    /**
     * Source of numbers in [0, 1] that spread the back-off; {@code () -> 1.0} makes it exact.
     *
     * @param jitter numbers outside [0, 1] are clamped
     * @return this builder
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter);
      return this;
    }

    /**
     * The clock used to turn a {@code Retry-After} date into a wait.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * How back-off waits happen; default {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /**
     * The monotonic clock a call's {@link CallDeadline} is measured on; default {@link
     * System#nanoTime()}. Tests pass a fake one that their {@link #sleeper} advances, so that a
     * deadline runs out without anyone sleeping.
     *
     * @param nanoClock a monotonic clock in nanoseconds
     * @return this builder
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalArgumentException when maxDelay is below baseDelay
     */
    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("maxDelay " + maxDelay + " is below baseDelay " + baseDelay);
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
