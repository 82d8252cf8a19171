package dev.customersync.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * An in-memory token bucket per key: {@code permitsPerSecond} refill continuously up to {@code
 * burst} stored permits.
 *
 * <p>Waiting callers reserve their slot under a short lock and sleep outside it, so permits are
 * handed out in arrival order and the lock is never held while waiting. A caller whose slot lies
 * beyond its timeout reserves nothing and gets {@code false}.
 *
 * <p>The nano clock and sleeper are injectable for tests; a {@code keyMapper} lets one limiter count
 * several keys against one bucket (e.g. strip the endpoint to get a per-credential limit).
 */
public final class TokenBucketRateLimiter implements RateLimiter {

  private final double permitsPerNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private final UnaryOperator<String> keyMapper;
  private final boolean startEmpty;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private TokenBucketRateLimiter(Builder b) {
    this.permitsPerNano = b.permitsPerSecond / 1e9;
    this.burst = b.burst;
    this.nanoClock = b.nanoClock;
    this.sleeper = b.sleeper;
    this.keyMapper = b.keyMapper;
    this.startEmpty = b.startEmpty;
  }

  /** {@return a new builder; {@link Builder#permitsPerSecond} is required} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean tryAcquire(String key, Duration timeout) throws InterruptedException {
    Bucket bucket = buckets.computeIfAbsent(keyMapper.apply(key), k -> new Bucket(nanoClock.getAsLong()));
    long wait = bucket.reserve(timeout.toNanos());
    if (wait < 0) {
      return false;
    }
    if (wait > 0) {
      sleeper.sleep(Duration.ofNanos(wait));
    }
    return true;
  }

  @Override
  public String toString() {
    return "TokenBucketRateLimiter{permitsPerSecond=" + permitsPerNano * 1e9 + ", burst=" + burst + "}";
  }

  private final class Bucket {
    private double tokens;
    private long updatedAt;

    Bucket(long now) {
      this.tokens = startEmpty ? 0 : burst;
      this.updatedAt = now;
    }

    /** Nanos to wait for the reserved permit, or -1 when that would exceed {@code maxWait}. */
    synchronized long reserve(long maxWait) {
      long now = nanoClock.getAsLong();
      if (now > updatedAt) {
        tokens = Math.min(burst, tokens + (now - updatedAt) * permitsPerNano);
        updatedAt = now;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      // Tokens may be negative: earlier callers have reserved future permits.
      long wait = (long) Math.ceil((1 - tokens) / permitsPerNano);
      if (wait > maxWait) {
        return -1;
      }
      tokens -= 1;
      return wait;
    }
  }

  /** Builds {@link TokenBucketRateLimiter}s. */
  public static final class Builder {
    private double permitsPerSecond = Double.NaN;
    private double burst = Double.NaN;
    private LongSupplier nanoClock = System::nanoTime;
    private Sleeper sleeper = Sleeper.system();
    private UnaryOperator<String> keyMapper = UnaryOperator.identity();
    private boolean startEmpty;

    private Builder() {}

    /**
     * Sustained rate, e.g. 2 for Billbee's per-endpoint limit.
     *
     * @param permitsPerSecond positive and finite; fractions allowed
     * @return this builder
     * @throws IllegalArgumentException when not positive or infinite
     */
    public Builder permitsPerSecond(double permitsPerSecond) {
      if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
        throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
      }
      this.permitsPerSecond = permitsPerSecond;
      return this;
    }

    /**
     * Permits that may be taken at once after a quiet spell; default: one second's worth, at least
     * 1.
     *
     * @param burst at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder burst(double burst) {
      if (!(burst >= 1)) {
        throw new IllegalArgumentException("burst must be at least 1, was " + burst);
      }
      this.burst = burst;
      return this;
    }

    /**
     * A monotonic clock in nanoseconds, like {@link System#nanoTime()}.
     *
     * @param nanoClock the clock
     * @return this builder
     */
    public Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = Objects.requireNonNull(nanoClock);
      return this;
    }

    /**
     * How waits for a permit happen; default {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /**
     * Maps a request's key to the bucket it counts against.
     *
     * @param keyMapper from the key a caller passes to the key of its bucket
     * @return this builder
     */
    public Builder keyMapper(UnaryOperator<String> keyMapper) {
      this.keyMapper = Objects.requireNonNull(keyMapper);
      return this;
    }

    /**
     * Whether a new bucket starts with no stored permit instead of a full burst; default false. A
     * limiter taking over from another mid-stream (a local fallback while a shared limiter is
     * away) starts empty, so that its first permits do not add a burst to what the other one just
     * let through.
     *
     * @param startEmpty true to start without stored permits
     * @return this builder
     */
    public Builder startEmpty(boolean startEmpty) {
      this.startEmpty = startEmpty;
      return this;
    }

    /**
     * {@return the limiter} The burst defaults to one second's worth of permits, at least 1.
     *
     * @throws IllegalStateException when no rate was set
     */
    public TokenBucketRateLimiter build() {
      if (Double.isNaN(permitsPerSecond)) {
        throw new IllegalStateException("permitsPerSecond is required");
      }
      if (Double.isNaN(burst)) {
        burst = Math.max(1, Math.floor(permitsPerSecond));
      }
      return new TokenBucketRateLimiter(this);
    }
  }
}
