package dev.customersync.redis;

import dev.customersync.core.RateLimitRule;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import dev.customersync.core.TokenBucketRateLimiter;
import dev.customersync.core.TransportException;
import dev.customersync.core.internal.Durations;
import dev.customersync.redis.internal.KeyNames;
import dev.customersync.redis.internal.RedisCalls;
import dev.customersync.redis.internal.WallClock;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RateLimiter} whose buckets live in Redis, so that every process using one vendor
 * account draws on one budget: two instances of an application at Billbee's 2 calls/s per endpoint
 * together send 2 calls/s, not 4. Built from the vendor's own limit table, so the keys and numbers
 * are exactly those of the vendor's in-memory limiter:
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://redis.internal:6379");   // the application's
 * RedisRateLimiter limiter = RedisRateLimiter.builder(redis)
 *     .limits(BillbeeRateLimits.rules())
 *     .build();
 * BillbeeClient billbee = BillbeeClient.builder()...rateLimiter(limiter).build();
 * }</pre>
 *
 * <p><b>How it counts.</b> One Bucket4j token bucket per rule and bucket key ({@link
 * RateLimitRule#bucketKey}), asked in the table's order, each with the rule's rate and burst. A
 * permit is reserved in Redis with one atomic compare-and-swap and waited for in this process, so
 * callers of every process are served in the order they reserved, and a caller whose slot lies
 * beyond its timeout reserves nothing and gets {@code false}. Time is the wall clock of each
 * process: instances on several machines need synchronized clocks.
 *
 * <p><b>Keys.</b> {@code <prefix>:rate:<vendor>:<rule>:<hash of the bucket key>} (prefix {@code
 * customer-sync} by default). The bucket key is built from credential fingerprints and the endpoint
 * group, and only its hash is used, so no key name holds a secret. Every key expires once its
 * bucket would be full again (plus 5 s): an idle account leaves nothing behind.
 *
 * <p><b>When Redis is unavailable</b> (refused, timed out after {@link Builder#redisTimeout}, not
 * connected) the limiter by default fails the request with a {@link TransportException} saying so,
 * before anything is sent to the vendor: never unthrottled. With {@link Builder#fallbackToLocal(int)
 * fallbackToLocal(n)} it instead counts in this process at {@code 1/n} of each rate, n being the
 * number of instances sharing the account, so that together they stay under the limit (the local
 * buckets start empty, so the switch adds no burst to what Redis just let through); it asks
 * Redis again after {@link Builder#retryRedisAfter} and logs each switch ({@code System.Logger}
 * {@code dev.customersync.redis}, WARNING and INFO).
 *
 * <p>Thread-safe. {@link #close()} closes the connection the limiter opened from a {@link
 * RedisClient}; a connection the application passed in is never closed, nor is its client.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

  private static final System.Logger LOG = System.getLogger("dev.customersync.redis");
  /** Keeps a bucket's key this long after it would be full again; a full bucket is no state at all. */
  private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(5);

  private final RateLimits limits;
  private final String prefix;
  private final ProxyManager<String> buckets;
  private final List<BucketConfiguration> configurations;
  private final ConcurrentMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();
  private final @Nullable StatefulRedisConnection<String, byte[]> ownedConnection;
  private final @Nullable RateLimits localLimits;
  private volatile @Nullable RateLimiter local;
  private final int instances;
  private final long retryRedisAfterNanos;
  private volatile long localUntilNanos;
  private volatile boolean usingLocal;

  private RedisRateLimiter(Builder b, StatefulRedisConnection<String, byte[]> connection,
      @Nullable StatefulRedisConnection<String, byte[]> owned) {
    this.limits = b.limits;
    this.prefix = b.prefix;
    this.ownedConnection = owned;
    this.instances = b.instances;
    this.retryRedisAfterNanos = b.retryRedisAfter.toNanos();
    this.localLimits = b.instances > 0 ? b.limits.scaled(1.0 / b.instances) : null;
    this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
        .clientClock(WallClock.INSTANCE)
        .requestTimeout(b.redisTimeout)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
        .build();
    List<BucketConfiguration> configs = new ArrayList<>();
    for (RateLimitRule r : limits.rules()) {
      // One permit per period, rounded up so the shared bucket is never faster than the rule.
      long periodNanos = (long) Math.ceil(1e9 / r.permitsPerSecond());
      configs.add(BucketConfiguration.builder()
          .addLimit(limit -> limit.capacity(r.burst()).refillGreedy(1, Duration.ofNanos(periodNanos)))
          .build());
    }
    this.configurations = List.copyOf(configs);
  }

  /**
   * Starts a limiter on a connection it opens from the application's {@code client} (String keys,
   * byte-array values, as Bucket4j stores its state) and closes in {@link #close()}.
   *
   * @param client the application's Redis client (a connection of its own is opened and closed here)
   * @return a builder to configure
   */
  public static Builder builder(RedisClient client) {
    return new Builder(Objects.requireNonNull(client, "client"), null);
  }

  /**
   * Starts a limiter on the application's {@code connection} (String keys, byte-array values, e.g.
   * {@code client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))}), which it
   * shares and never closes.
   *
   * @param connection an open connection of the application's, shared and never closed here
   * @return a builder to configure
   */
  public static Builder builder(StatefulRedisConnection<String, byte[]> connection) {
    return new Builder(null, Objects.requireNonNull(connection, "connection"));
  }

  /**
   * Reserves a permit of every rule for {@code key}, in the table's order, and waits for the
   * reserved time. The timeout applies to each rule in turn, as {@link RateLimiter#allOf} does.
   *
   * @return false when a rule's next permit lies beyond {@code timeout} (nothing of that rule is
   *     reserved)
   * @throws TransportException Redis is unavailable and no fallback is configured; nothing was sent
   * @throws InterruptedException this thread was interrupted while waiting
   */
  @Override
  public boolean tryAcquire(String key, Duration timeout) throws InterruptedException {
    if (configurations.isEmpty()) {
      return true;
    }
    RateLimiter l = local;
    if (usingLocal && l != null && System.nanoTime() - localUntilNanos < 0) {
      return l.tryAcquire(key, timeout);
    }
    try {
      for (int i = 0; i < configurations.size(); i++) {
        if (!bucket(i, key).asBlocking().tryConsume(1, timeout)) {
          return false;
        }
      }
      if (usingLocal) {
        usingLocal = false;
        LOG.log(Level.INFO, () -> limits.vendor() + ": Redis answers again; back to the shared rate limit");
      }
      return true;
    } catch (InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while waiting for Redis");
      }
      return unavailable(e, key, timeout);
    }
  }

  private boolean unavailable(RuntimeException e, String key, Duration timeout) throws InterruptedException {
    String cause = RedisCalls.describe(e.getCause() != null && e.getMessage() == null ? e.getCause() : e);
    if (localLimits == null) {
      throw new TransportException(limits.vendor() + ": the shared rate limit in Redis is unavailable (" + cause
          + "); no request was sent. Build the RedisRateLimiter with fallbackToLocal(n) to go on at 1/n of the "
          + "limit while Redis is away", e, 0, false);
    }
    localUntilNanos = System.nanoTime() + retryRedisAfterNanos;
    if (!usingLocal) {
      // Fresh and empty at each switch: the shared buckets may just have let a full second's worth
      // through, and a local burst on top of it from every instance would exceed the vendor's limit.
      local = newLocal(localLimits);
      usingLocal = true;
      LOG.log(Level.WARNING, () -> limits.vendor() + ": the shared rate limit in Redis is unavailable (" + cause
          + "); counting in this process at 1/" + instances + " of the limit, asking Redis again in "
          + Duration.ofNanos(retryRedisAfterNanos).toMillis() + " ms");
    }
    return Objects.requireNonNull(local).tryAcquire(key, timeout);
  }

  private static RateLimiter newLocal(RateLimits limits) {
    RateLimiter[] all = new RateLimiter[limits.rules().size()];
    for (int i = 0; i < all.length; i++) {
      RateLimitRule r = limits.rules().get(i);
      all[i] = TokenBucketRateLimiter.builder().permitsPerSecond(r.permitsPerSecond()).burst(r.burst())
          .keyMapper(r.bucketKeyMapper()).startEmpty(true).build();
    }
    return RateLimiter.allOf(all);
  }

  private BucketProxy bucket(int rule, String key) {
    RateLimitRule r = limits.rules().get(rule);
    String redisKey = KeyNames.rateKey(prefix, limits.vendor(), r.name(), r.bucketKey(key));
    BucketConfiguration config = configurations.get(rule);
    // Batching: the threads of this process that ask at the same moment share one compare-and-swap,
    // instead of racing each other's (and re-reading the bucket after every lost race).
    return proxies.computeIfAbsent(redisKey, k -> buckets.builder().withOptimization(Optimizations.batching())
        .build(k, () -> config));
  }

  /**
   * The table this limiter enforces.
   *
   * @return the limits
   */
  public RateLimits limits() {
    return limits;
  }

  /** Closes the connection this limiter opened; an application's connection stays open. */
  @Override
  public void close() {
    if (ownedConnection != null) {
      ownedConnection.close();
    }
  }

  @Override
  public String toString() {
    return "RedisRateLimiter{" + limits + ", prefix=" + prefix
        + (localLimits == null ? ", fails without Redis" : ", falls back to 1/" + instances + " locally") + "}";
  }

  /** Builds {@link RedisRateLimiter}s; {@link #limits} is required. Not thread-safe. */
  public static final class Builder {
    private final @Nullable RedisClient client;
    private final @Nullable StatefulRedisConnection<String, byte[]> connection;
    private @Nullable RateLimits limits;
    private String prefix = "customer-sync";
    private Duration redisTimeout = Duration.ofSeconds(2);
    private Duration retryRedisAfter = Duration.ofSeconds(5);
    private int instances;

    private Builder(@Nullable RedisClient client, @Nullable StatefulRedisConnection<String, byte[]> connection) {
      this.client = client;
      this.connection = connection;
    }

    /**
     * The vendor's limit table, e.g. {@code BillbeeRateLimits.rules()}; required.
     *
     * @param limits the vendor's table, e.g. {@code BillbeeRateLimits.rules()}
     * @return this builder
     */
    public Builder limits(RateLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The first part of every key; default {@code customer-sync}. Give each application (or
     * environment) sharing one Redis its own when they must not share budgets, and match it in the
     * Redis ACL ({@code ~customer-sync:*}).
     *
     * @param prefix the first part of every key
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.prefix = KeyNames.checkPrefix(Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /**
     * How long one Redis command may take before Redis counts as unavailable; default 2 s.
     *
     * @param redisTimeout how long one Redis call may take before Redis counts as unavailable
     * @return this builder
     */
    public Builder redisTimeout(Duration redisTimeout) {
      this.redisTimeout = Durations.requirePositive(redisTimeout, "redisTimeout");
      return this;
    }

    /**
     * Goes on without Redis instead of failing: while Redis is unavailable, this process counts
     * alone at {@code 1/instances} of each rate, so that {@code instances} processes together stay
     * under the vendor's limit. Give the largest number of instances you run. Default: no
     * fallback, a {@link TransportException} instead.
     *
     * @param instances how many instances share the limit; each counts at 1/instances of it
     * @return this builder
     */
    public Builder fallbackToLocal(int instances) {
      if (instances < 1) {
        throw new IllegalArgumentException("instances must be at least 1, was " + instances);
      }
      this.instances = instances;
      return this;
    }

    /**
     * With {@link #fallbackToLocal}, how long to count locally before asking Redis again; default 5 s.
     *
     * @param retryRedisAfter how long to count locally before asking Redis again
     * @return this builder
     */
    public Builder retryRedisAfter(Duration retryRedisAfter) {
      this.retryRedisAfter = Durations.requirePositive(retryRedisAfter, "retryRedisAfter");
      return this;
    }

    /**
     * The limiter; opens its connection now when built from a {@link RedisClient}.
     *
     * @return the configured instance, to be closed when no longer needed
     */
    public RedisRateLimiter build() {
      if (limits == null) {
        throw new IllegalStateException("limits are required, e.g. BillbeeRateLimits.rules()");
      }
      if (connection != null) {
        return new RedisRateLimiter(this, connection, null);
      }
      StatefulRedisConnection<String, byte[]> opened =
          Objects.requireNonNull(client).connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      return new RedisRateLimiter(this, opened, opened);
    }
  }
}
