package dev.customersync.redis.internal;

import dev.customersync.core.AccessToken;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.TransportException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One credential's token, kept in Redis for every instance. See {@code RedisAccessTokenCache} for
 * the contract; this is the mechanism.
 *
 * <p>Every {@link #accessToken()} reads the key (one GET), so a token one instance deleted as
 * refused is gone for all at their next call. When the key is empty, one thread per process goes
 * for a new token and the others of the process wait for it; across processes, the one that sets
 * the lock ({@code SET NX PX}) fetches and the others poll the key until the token appears, the lock
 * is free again, or their wait runs out. A failed fetch is remembered in {@code :failed} for a
 * back-off window, so that no instance asks the token endpoint again before it ends.
 */
public final class SharedTokenProvider implements AccessTokenProvider {

  private static final System.Logger LOG = System.getLogger("dev.customersync.redis");

  // Deletes the token only when it is still the refused one (by digest): a newer token stays.
  private static final String DELETE_IF_DIGEST =
      "local v = redis.call('get', KEYS[1]) "
      + "if v and string.sub(v, 1, 64) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
  // Frees the lock only when this instance still holds it: an expired lock may be another's now.
  private static final String DELETE_IF_OWNER =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

  /** What every provider of one cache shares. */
  public record Settings(RedisAsyncCommands<String, byte[]> redis, String prefix, Duration expiryMargin,
      Duration lockTimeout, Duration maxWait, Duration redisTimeout, TokenCodec codec, Duration firstFailureBackoff,
      Duration maxFailureBackoff, boolean fallbackToLocal, Duration retryRedisAfter, Clock clock) {}

  private final Settings s;
  private final String vendor;
  private final String key;
  private final String lockKey;
  private final String failedKey;
  private final CachingAccessTokenProvider.TokenFetcher fetcher;
  private final Object state = new Object();
  private @Nullable CompletableFuture<String> inFlight;
  private volatile @Nullable Decoded last;
  private volatile @Nullable CachingAccessTokenProvider local;
  private volatile long localUntilNanos;
  private volatile boolean usingLocal;

  /**
   * A provider for one credential.
   *
   * @param credentialFingerprint what the tokens are issued for; only its hash reaches a key name
   * @param fetcher asked for a new token by the one instance holding the lock
   */
  public SharedTokenProvider(Settings settings, String vendor, String credentialFingerprint,
      CachingAccessTokenProvider.TokenFetcher fetcher) {
    this.s = settings;
    this.vendor = vendor;
    this.key = KeyNames.tokenKey(settings.prefix(), vendor, credentialFingerprint);
    this.lockKey = key + ":lock";
    this.failedKey = key + ":failed";
    this.fetcher = fetcher;
  }

  /** The Redis key of the token, for tests and the README. */
  public String key() {
    return key;
  }

  @Override
  public String accessToken() {
    if (usingLocal && System.nanoTime() - localUntilNanos < 0) {
      return local().accessToken();
    }
    try {
      String token = sharedToken();
      if (usingLocal) {
        usingLocal = false;
        LOG.log(Level.INFO, () -> vendor + ": Redis answers again; back to the shared access token");
      }
      return token;
    } catch (RedisUnavailableException e) {
      return unavailable(e).accessToken();
    }
  }

  /** Deletes {@code token} from Redis when it is still the shared one, so no instance uses it again. */
  @Override
  public void invalidate(String token) {
    CachingAccessTokenProvider l = local;
    if (l != null) {
      l.invalidate(token);
    }
    try {
      RedisCalls.await(s.redis().eval(DELETE_IF_DIGEST, ScriptOutputType.INTEGER, new String[] {key},
          ascii(s.codec().digest(token))), s.redisTimeout(), "deleting a refused token");
      last = null;
    } catch (RedisUnavailableException e) {
      unavailable(e);
    }
  }

  /** Always true: a refused token is replaced by a fetch. */
  @Override
  public boolean canRefresh() {
    return true;
  }

  private String sharedToken() {
    long deadline = System.nanoTime() + s.maxWait().toNanos();
    while (true) {
      AccessToken current = read();
      if (usable(current)) {
        return current.value();
      }
      CompletableFuture<String> fetch;
      boolean mine = false;
      synchronized (state) {
        if (inFlight == null) {
          inFlight = new CompletableFuture<>();
          mine = true;
        }
        fetch = inFlight;
      }
      if (mine) {
        try {
          String token = fetchShared(current, deadline);
          fetch.complete(token);
          return token;
        } catch (RuntimeException | Error e) {
          fetch.completeExceptionally(e);
          throw e;
        } finally {
          synchronized (state) {
            inFlight = null;
          }
        }
      }
      try {
        return fetch.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(vendor + ": interrupted while waiting for the access token another call is "
            + "fetching", e, 0, false);
      } catch (TimeoutException e) {
        throw waitedTooLong();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new CustomerSyncException(vendor + ": the access token fetch failed", e.getCause());
      }
    }
  }

  /** Takes the lock and fetches, or waits for the instance holding it; returns the token. */
  private String fetchShared(@Nullable AccessToken stale, long deadline) {
    String owner = UUID.randomUUID().toString();
    long pauseMillis = 5;
    while (true) {
      throwIfFailedRecently();
      String taken = RedisCalls.await(s.redis().set(lockKey, ascii(owner),
          SetArgs.Builder.nx().px(s.lockTimeout().toMillis())), s.redisTimeout(), "taking the token lock");
      if ("OK".equals(taken)) {
        try {
          // Another instance may have stored a token between our read and our lock.
          AccessToken current = read();
          if (usable(current)) {
            return current.value();
          }
          return fetchAndStore(current != null ? current : stale);
        } finally {
          try {
            RedisCalls.await(s.redis().eval(DELETE_IF_OWNER, ScriptOutputType.INTEGER, new String[] {lockKey},
                ascii(owner)), s.redisTimeout(), "freeing the token lock");
          } catch (RedisUnavailableException e) {
            // The lock expires by itself after lockTimeout; the token (or failure) is what matters.
          }
        }
      }
      // Another instance is fetching: the token appears under the key when it is done.
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw waitedTooLong();
      }
      try {
        Thread.sleep(Math.min(pauseMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(vendor + ": interrupted while waiting for the access token another instance "
            + "is fetching", e, 0, false);
      }
      pauseMillis = Math.min(100, pauseMillis * 2);
      AccessToken current = read();
      if (usable(current)) {
        return current.value();
      }
    }
  }

  private String fetchAndStore(@Nullable AccessToken previous) {
    AccessToken fetched;
    try {
      fetched = java.util.Objects.requireNonNull(fetcher.fetch(previous), "token fetcher returned null");
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        recordFailure(e);
      }
      throw e;
    }
    long ttl = Duration.between(s.clock().instant(), fetched.expiresAt().minus(s.expiryMargin())).toMillis();
    if (ttl > 0) {
      byte[] entry = s.codec().encode(fetched, key);
      RedisCalls.await(s.redis().set(key, entry, SetArgs.Builder.px(ttl)), s.redisTimeout(), "storing the token");
      last = new Decoded(entry, fetched);
    }
    // A token that lives shorter than the margin is used once and not shared; the next call fetches.
    RedisCalls.await(s.redis().del(failedKey), s.redisTimeout(), "clearing a remembered failure");
    return fetched.value();
  }

  private @Nullable AccessToken read() {
    byte[] raw = RedisCalls.await(s.redis().get(key), s.redisTimeout(), "reading the token");
    if (raw == null) {
      return null;
    }
    Decoded d = last;
    if (d != null && Arrays.equals(d.raw, raw)) {
      return d.token;
    }
    AccessToken token = s.codec().decode(raw, key);
    last = new Decoded(raw, token);
    return token;
  }

  private boolean usable(@Nullable AccessToken t) {
    return t != null && s.clock().instant().isBefore(t.expiresAt());
  }

  // ---- failures remembered for every instance ----

  private void recordFailure(RuntimeException e) {
    try {
      byte[] before = RedisCalls.await(s.redis().get(failedKey), s.redisTimeout(), "reading a remembered failure");
      int count = before == null ? 1 : Failure.parse(before).count + 1;
      Duration window = s.firstFailureBackoff().multipliedBy(1L << Math.min(count - 1, 20));
      if (window.compareTo(s.maxFailureBackoff()) > 0) {
        window = s.maxFailureBackoff();
      }
      Instant now = s.clock().instant();
      String message = RedisCalls.describe(e);
      Failure f = new Failure(count, now.toEpochMilli(), now.plus(window).toEpochMilli(),
          message.length() > 500 ? message.substring(0, 500) + "…" : message);
      // Kept past the window so that the next failure in a row doubles it; a success deletes it.
      long keep = Math.max(1, s.maxFailureBackoff().multipliedBy(2).toMillis());
      RedisCalls.await(s.redis().set(failedKey, f.bytes(), SetArgs.Builder.px(keep)), s.redisTimeout(),
          "remembering a failure");
    } catch (RedisUnavailableException ignored) {
      // The fetch's own failure is what the caller needs to see.
    }
  }

  private void throwIfFailedRecently() {
    byte[] raw = RedisCalls.await(s.redis().get(failedKey), s.redisTimeout(), "reading a remembered failure");
    if (raw == null) {
      return;
    }
    Failure f = Failure.parse(raw);
    long now = s.clock().millis();
    if (now < f.nextTryMillis) {
      throw new CustomerSyncException(vendor + ": the token endpoint failed " + (now - f.failedAtMillis) / 1000
          + " s ago (" + f.count + (f.count == 1 ? " failure" : " failures in a row")
          + ", seen by any instance sharing this token), next try after " + Instant.ofEpochMilli(f.nextTryMillis)
          + ": " + f.message);
    }
  }

  private record Failure(int count, long failedAtMillis, long nextTryMillis, String message) {
    byte[] bytes() {
      return (count + "|" + failedAtMillis + "|" + nextTryMillis + "|" + message).getBytes(StandardCharsets.UTF_8);
    }

    static Failure parse(byte[] raw) {
      String[] p = new String(raw, StandardCharsets.UTF_8).split("\\|", 4);
      try {
        return new Failure(Integer.parseInt(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]), p.length > 3 ? p[3] : "");
      } catch (RuntimeException e) {
        return new Failure(1, 0, 0, "");
      }
    }
  }

  // ---- Redis unavailable ----

  private AccessTokenProvider unavailable(RedisUnavailableException e) {
    if (!s.fallbackToLocal()) {
      throw new TransportException(vendor + ": the shared access token in Redis is unavailable (" + e.getMessage()
          + "); no request was sent. Build the RedisAccessTokenCache with fallbackToLocal() to fetch tokens "
          + "in each instance while Redis is away", e, 0, false);
    }
    localUntilNanos = System.nanoTime() + s.retryRedisAfter().toNanos();
    if (!usingLocal) {
      usingLocal = true;
      LOG.log(Level.WARNING, () -> vendor + ": the shared access token in Redis is unavailable (" + e.getMessage()
          + "); this instance fetches and keeps its own token, asking Redis again in "
          + s.retryRedisAfter().toMillis() + " ms");
    }
    return local();
  }

  private CachingAccessTokenProvider local() {
    CachingAccessTokenProvider l = local;
    if (l == null) {
      synchronized (state) {
        l = local;
        if (l == null) {
          l = CachingAccessTokenProvider.builder().fetcher(fetcher).clock(s.clock()).refreshAhead(s.expiryMargin())
              .maxWait(s.maxWait()).failureBackoff(s.firstFailureBackoff(), s.maxFailureBackoff()).build();
          local = l;
        }
      }
    }
    return l;
  }

  private TransportException waitedTooLong() {
    return new TransportException(vendor + ": waited " + s.maxWait().toMillis() + " ms for the access token another "
        + "call or instance is fetching; no token appeared in Redis", null, 0, false);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "SharedTokenProvider{key=" + key + ", token=****}";
  }

  /** The last entry read and what it decoded to, so an unchanged entry is not decrypted again. */
  private record Decoded(byte[] raw, AccessToken token) {}
}
