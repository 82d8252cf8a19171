package dev.customersync.redis;

import dev.customersync.core.AccessTokenCache;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.TransportException;
import dev.customersync.core.internal.Durations;
import dev.customersync.redis.internal.KeyNames;
import dev.customersync.redis.internal.SharedTokenProvider;
import dev.customersync.redis.internal.TokenCodec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each vendor credential's access token in Redis, so that every instance of an application
 * uses the same current token and the vendor's token endpoint sees one request where it would see
 * one per instance (Storm allows 3 a minute). Give it to a client builder's {@code tokenCache(..)}:
 *
 * <pre>{@code
 * RedisAccessTokenCache tokens = RedisAccessTokenCache.builder(redisClient)
 *     .encryptionKey(TokenKeys.fromYourSecretStore())      // optional: AES-GCM at rest
 *     .build();
 * StormClient storm = StormClient.builder()...clientCredentials(id, secret, "production")
 *     .tokenCache(tokens)
 *     .build();
 * }</pre>
 *
 * <p><b>Contract.</b> Every {@code accessToken()} reads the credential's key (one Redis GET), so all
 * instances use the token stored there. When there is none, or it expires within {@link
 * Builder#expiryMargin} (the key's TTL is the token's expiry minus the margin), one instance fetches:
 * within a process one thread at a time, across processes the one that takes the lock ({@code SET NX
 * PX} with {@link Builder#lockTimeout}, so a crashed instance frees it). The others wait, at most
 * {@link Builder#maxWait}, for the token to appear, then fail with a {@link TransportException}. A
 * token the vendor refused ({@code invalidate}) is deleted from Redis if it is still the current one
 * (compared by digest in a Lua script), so no instance sends it again. A failed fetch is remembered
 * in Redis for a back-off window (5 s doubling to 60 s by default), during which every instance
 * fails at once naming the failure instead of asking the token endpoint again.
 *
 * <p><b>Keys.</b> {@code <prefix>:token:<vendor>:<hash>}, with {@code :lock} and {@code :failed}
 * beside it; the hash is of the client's credential fingerprint (token URL, client or user, scope:
 * never a secret). Every key has a TTL. <b>At rest</b> a token is stored as it is unless you give
 * an {@link Builder#encryptionKey}: then it is AES-GCM encrypted, bound to its key name, and
 * instances without the key cannot read it. Either way, restrict the Redis user to this module's
 * keys and commands (see the README's ACL advice).
 *
 * <p><b>When Redis is unavailable</b> the call fails with a {@link TransportException} before
 * anything is sent (the default), or, with {@link Builder#fallbackToLocal()}, each instance fetches
 * and caches its own token in memory until Redis answers again.
 *
 * <p>Thread-safe. {@link #close()} closes the connection it opened from a {@link RedisClient}; an
 * application's connection is never closed.
 */
public final class RedisAccessTokenCache implements AccessTokenCache, AutoCloseable {

  private final SharedTokenProvider.Settings settings;
  private final @Nullable StatefulRedisConnection<String, byte[]> ownedConnection;
  private final String description;

  private RedisAccessTokenCache(Builder b, StatefulRedisConnection<String, byte[]> connection,
      @Nullable StatefulRedisConnection<String, byte[]> owned) {
    this.ownedConnection = owned;
    TokenCodec codec = new TokenCodec(b.encryptionKey);
    this.settings = new SharedTokenProvider.Settings(connection.async(), b.prefix, b.expiryMargin, b.lockTimeout,
        b.maxWait, b.redisTimeout, codec, b.firstFailureBackoff, b.maxFailureBackoff, b.fallbackToLocal,
        b.retryRedisAfter, b.clock);
    this.description = "RedisAccessTokenCache{prefix=" + b.prefix + ", expiryMargin=" + b.expiryMargin
        + ", encrypted=" + codec.encrypts() + (b.fallbackToLocal ? ", falls back to local tokens" : ", fails without Redis")
        + "}";
  }

  /**
   * Starts a cache on a connection it opens from the application's {@code client} and closes in
   * {@link #close()}.
   *
   * @param client the application's Redis client (a connection of its own is opened and closed here)
   * @return a builder to configure
   */
  public static Builder builder(RedisClient client) {
    return new Builder(Objects.requireNonNull(client, "client"), null);
  }

  /**
   * Starts a cache on the application's {@code connection} (String keys, byte-array values, e.g.
   * {@code client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))}), shared with
   * a {@link RedisRateLimiter} if you like; never closed by the cache.
   *
   * @param connection an open connection of the application's, shared and never closed here
   * @return a builder to configure
   */
  public static Builder builder(StatefulRedisConnection<String, byte[]> connection) {
    return new Builder(null, Objects.requireNonNull(connection, "connection"));
  }

  /**
   * The provider of one client: its tokens under {@code <prefix>:token:<vendor>:<hash of
   * credentialFingerprint>}, fetched with {@code fetcher} when Redis holds none. Client builders
   * call this for you; call it yourself to share tokens of a fetcher of your own.
   */
  @Override
  public AccessTokenProvider provider(String vendor, String credentialFingerprint,
      CachingAccessTokenProvider.TokenFetcher fetcher) {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(credentialFingerprint, "credentialFingerprint");
    Objects.requireNonNull(fetcher, "fetcher");
    if (!vendor.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("vendor must be 1-40 lower-case letters, digits or '-', was \"" + vendor + "\"");
    }
    return new SharedTokenProvider(settings, vendor, credentialFingerprint, fetcher);
  }

  /** Closes the connection this cache opened; an application's connection stays open. */
  @Override
  public void close() {
    if (ownedConnection != null) {
      ownedConnection.close();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /** Builds {@link RedisAccessTokenCache}s; nothing is required. Not thread-safe. */
  public static final class Builder {
    private final @Nullable RedisClient client;
    private final @Nullable StatefulRedisConnection<String, byte[]> connection;
    private String prefix = "customer-sync";
    private Duration expiryMargin = Duration.ofSeconds(60);
    private Duration lockTimeout = Duration.ofSeconds(90);
    private Duration maxWait = Duration.ofSeconds(60);
    private Duration redisTimeout = Duration.ofSeconds(2);
    private Duration firstFailureBackoff = Duration.ofSeconds(5);
    private Duration maxFailureBackoff = Duration.ofSeconds(60);
    private Duration retryRedisAfter = Duration.ofSeconds(5);
    private boolean fallbackToLocal;
    private @Nullable SecretKey encryptionKey;
    private Clock clock = Clock.systemUTC();

    private Builder(@Nullable RedisClient client, @Nullable StatefulRedisConnection<String, byte[]> connection) {
      this.client = client;
      this.connection = connection;
    }

    /**
     * The first part of every key; default {@code customer-sync} (match it in the Redis ACL).
     *
     * @param prefix the first part of every key
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.prefix = KeyNames.checkPrefix(Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /**
     * How long before its expiry a token stops being handed out and is replaced; default 60 s. The
     * key's TTL is the expiry minus this margin, so the token leaves Redis by itself.
     *
     * @param expiryMargin how long before the token's expiry its key expires
     * @return this builder
     */
    public Builder expiryMargin(Duration expiryMargin) {
      this.expiryMargin = Durations.requireNotNegative(expiryMargin, "expiryMargin");
      return this;
    }

    /**
     * How long the fetch lock is held at most, so that an instance dying mid-fetch frees it;
     * default 90 s, more than a token request takes with its retries.
     *
     * @param lockTimeout how long a fetch's lock lives, so that a crashed instance frees it
     * @return this builder
     */
    public Builder lockTimeout(Duration lockTimeout) {
      this.lockTimeout = Durations.requirePositive(lockTimeout, "lockTimeout");
      return this;
    }

    /**
     * How long a call waits for a token another call or instance is fetching; default 60 s.
     *
     * @param maxWait how long a caller waits for another instance's fetch
     * @return this builder
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Durations.requireNotNegative(maxWait, "maxWait");
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
     * How long a failed token fetch keeps every instance from asking again: {@code first} after
     * one failure, doubling with each failure in a row up to {@code max}; default 5 s and 60 s.
     *
     * @param first the first back-off window after a failed fetch
     * @param max the longest back-off window
     * @return this builder
     */
    public Builder failureBackoff(Duration first, Duration max) {
      Durations.requireNotNegative(first, "first");
      Durations.requireNotNegative(max, "max");
      if (max.compareTo(first) < 0) {
        throw new IllegalArgumentException("failure back-off needs first <= max, was " + first + " and " + max);
      }
      this.firstFailureBackoff = first;
      this.maxFailureBackoff = max;
      return this;
    }

    /**
     * Encrypts tokens at rest with AES-GCM under {@code key} (128, 192 or 256 bits), from your
     * secret store; every instance sharing the tokens needs the same key. Default: not encrypted.
     *
     * @param key the AES key (16, 24 or 32 bytes), from the application's secret store
     * @return this builder
     */
    public Builder encryptionKey(SecretKey key) {
      this.encryptionKey = TokenCodec.aesKey(Objects.requireNonNull(key, "key").getEncoded());
      return this;
    }

    /**
     * {@link #encryptionKey(SecretKey)} from the key's raw 16, 24 or 32 bytes.
     *
     * @param key the AES key (16, 24 or 32 bytes), from the application's secret store
     * @return this builder
     */
    public Builder encryptionKey(byte[] key) {
      this.encryptionKey = TokenCodec.aesKey(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Goes on without Redis instead of failing: while Redis is unavailable each instance fetches and
     * caches its own token (so the token endpoint may see one request per instance), asking Redis
     * again after {@link #retryRedisAfter}. Default: a {@link TransportException} instead.
     *
     * @return this builder
     */
    public Builder fallbackToLocal() {
      this.fallbackToLocal = true;
      return this;
    }

    /**
     * With {@link #fallbackToLocal()}, how long to use the local token before asking Redis again; default 5 s.
     *
     * @param retryRedisAfter how long to count locally before asking Redis again
     * @return this builder
     */
    public Builder retryRedisAfter(Duration retryRedisAfter) {
      this.retryRedisAfter = Durations.requirePositive(retryRedisAfter, "retryRedisAfter");
      return this;
    }

    /**
     * The clock token expiry and failure windows are measured with; tests pass a fake one.
     *
     * @param clock the clock token expiry is measured with
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The cache; opens its connection now when built from a {@link RedisClient}.
     *
     * @return the configured instance, to be closed when no longer needed
     */
    public RedisAccessTokenCache build() {
      if (connection != null) {
        return new RedisAccessTokenCache(this, connection, null);
      }
      StatefulRedisConnection<String, byte[]> opened =
          Objects.requireNonNull(client).connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      return new RedisAccessTokenCache(this, opened, opened);
    }
  }
}
