package dev.customersync.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.AccessToken;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.TransportException;
import dev.customersync.redis.internal.SharedTokenProvider;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeStorm;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shared token on a real Redis. Each "instance" is a cache on its own connection, as separate
 * processes would have; {@link CrossProcessTest} does the same with separate JVMs.
 */
@Timeout(60)
class RedisAccessTokenCacheTest {

  private static RedisServer server;
  private static RedisClient client;
  private static final List<StatefulRedisConnection<String, byte[]>> connections = new ArrayList<>();

  private final AtomicInteger fetches = new AtomicInteger();
  private String credential;

  @BeforeAll
  static void startRedis() {
    server = RedisServer.start();
    client = server.client();
  }

  @AfterAll
  static void stopRedis() {
    connections.forEach(StatefulRedisConnection::close);
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshCredential() {
    credential = "fp-" + UUID.randomUUID();
  }

  private static RedisAccessTokenCache.Builder instance() {
    StatefulRedisConnection<String, byte[]> c = RedisServer.connect(client);
    connections.add(c);
    return RedisAccessTokenCache.builder(c);
  }

  /** A fetcher that counts its calls and hands out token-1, token-2… valid for an hour. */
  private CachingAccessTokenProvider.TokenFetcher counting() {
    return previous -> AccessToken.of("token-" + fetches.incrementAndGet() + "-" + credential,
        Instant.now().plus(Duration.ofHours(1)));
  }

  private RedisCommands<String, byte[]> redis() {
    return connections.get(0).sync();
  }

  @Test
  void instancesCallingTogetherShareOneTokenFetchedOnce() throws Exception {
    List<AccessTokenProvider> providers = new ArrayList<>();
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CachingAccessTokenProvider.TokenFetcher slow = previous -> {
      fetching.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return counting().fetch(previous);
    };
    for (int i = 0; i < 3; i++) {
      providers.add(instance().build().provider("storm", credential, slow));
    }
    ExecutorService threads = Executors.newFixedThreadPool(12);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int t = 0; t < 12; t++) {
        AccessTokenProvider p = providers.get(t % 3);
        tokens.add(threads.submit(p::accessToken));
      }
      assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      Set<String> seen = new HashSet<>();
      for (Future<String> f : tokens) {
        seen.add(f.get(20, TimeUnit.SECONDS));
      }
      assertThat(seen).containsExactly("token-1-" + credential);
      assertThat(fetches).hasValue(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aTokenOneInstanceFindsRefusedIsGoneForEveryInstance() {
    AccessTokenProvider a = instance().build().provider("storm", credential, counting());
    AccessTokenProvider b = instance().build().provider("storm", credential, counting());
    String first = a.accessToken();
    assertThat(b.accessToken()).isEqualTo(first);
    a.invalidate(first);
    String second = b.accessToken();
    assertThat(second).isNotEqualTo(first);
    assertThat(a.accessToken()).isEqualTo(second);
    assertThat(fetches).hasValue(2);
    // A late refusal of the old token leaves the new one alone.
    b.invalidate(first);
    assertThat(a.accessToken()).isEqualTo(second);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void theKeyNamesTheVendorAndAHashAndLivesUntilExpiryMinusTheMargin() {
    AccessTokenProvider p = instance().expiryMargin(Duration.ofSeconds(60)).build().provider("storm", credential, counting());
    p.accessToken();
    String key = ((SharedTokenProvider) p).key();
    assertThat(key).matches("customer-sync:token:storm:[0-9a-f]{16}").doesNotContain(credential);
    assertThat(redis().pttl(key)).isBetween(Duration.ofMinutes(58).toMillis(), Duration.ofMinutes(59).toMillis());
    assertThat(redis().exists(key + ":lock")).as("the lock is freed after the fetch").isZero();
  }

  @Test
  void anEncryptedTokenIsUnreadableAtRestAndToAnInstanceWithoutTheKey() {
    byte[] aesKey = new byte[32];
    new SecureRandom().nextBytes(aesKey);
    AccessTokenProvider p = instance().encryptionKey(aesKey).build().provider("storm", credential, counting());
    String token = p.accessToken();
    String key = ((SharedTokenProvider) p).key();
    String stored = new String(redis().get(key), StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain(token).doesNotContain(credential);

    AccessTokenProvider sameKey = instance().encryptionKey(aesKey).build().provider("storm", credential, counting());
    assertThat(sameKey.accessToken()).isEqualTo(token);

    AccessTokenProvider noKey = instance().build().provider("storm", credential, counting());
    assertThatThrownBy(noKey::accessToken).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("encrypted").hasMessageNotContaining(token);
    byte[] otherKey = aesKey.clone();
    otherKey[0] ^= 1;
    AccessTokenProvider wrongKey = instance().encryptionKey(otherKey).build().provider("storm", credential, counting());
    assertThatThrownBy(wrongKey::accessToken).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not decrypt").hasMessageNotContaining(token);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aFailedFetchIsRememberedForEveryInstanceUntilItsWindowEnds() {
    CachingAccessTokenProvider.TokenFetcher failing = previous -> {
      fetches.incrementAndGet();
      throw new TransportException("token endpoint refused the connection", null, 1, false);
    };
    AccessTokenProvider a = instance().build().provider("storm", credential, failing);
    AccessTokenProvider b = instance().build().provider("storm", credential, failing);
    assertThatThrownBy(a::accessToken).isInstanceOf(TransportException.class).hasMessageContaining("refused");
    assertThatThrownBy(b::accessToken).isInstanceOf(CustomerSyncException.class)
        .hasMessageContaining("storm: the token endpoint failed")
        .hasMessageContaining("seen by any instance")
        .hasMessageContaining("token endpoint refused the connection");
    assertThat(fetches).as("the second instance did not ask again").hasValue(1);
  }

  @Test
  void withoutRedisTheDefaultIsATransportExceptionAndTheFallbackFetchesLocally() throws Exception {
    try (RedisServer doomed = RedisServer.start()) {
      RedisClient c = doomed.client();
      try (RedisAccessTokenCache failing = RedisAccessTokenCache.builder(c).redisTimeout(Duration.ofMillis(300)).build();
          RedisAccessTokenCache falling = RedisAccessTokenCache.builder(c).redisTimeout(Duration.ofMillis(300))
              .fallbackToLocal().build()) {
        AccessTokenProvider strict = failing.provider("storm", credential, counting());
        AccessTokenProvider lenient = falling.provider("storm", credential, counting());
        String shared = strict.accessToken();
        assertThat(lenient.accessToken()).isEqualTo(shared);
        doomed.kill();
        assertThatThrownBy(strict::accessToken).isInstanceOf(TransportException.class)
            .hasMessageContaining("storm: the shared access token in Redis is unavailable")
            .hasMessageContaining("no request was sent")
            .hasMessageContaining("fallbackToLocal");
        String local = lenient.accessToken();
        assertThat(local).isNotEqualTo(shared);
        assertThat(lenient.accessToken()).as("the local token is cached").isEqualTo(local);
        assertThat(fetches).hasValue(2);
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void stormClientsWithTheCacheMakeOneTokenRequestAndRenewOnceAfterARefusal() {
    try (FakeStorm storm = new FakeStorm()) {
      storm.start();
      int id = storm.seedCustomer("Ada", "Lovelace", "ada@example.com");
      RedisAccessTokenCache a = instance().keyPrefix("storm-" + credential.substring(3, 11)).build();
      RedisAccessTokenCache b = instance().keyPrefix("storm-" + credential.substring(3, 11)).build();
      try (StormClient one = stormClient(storm, a); StormClient two = stormClient(storm, b)) {
        one.getCustomer(id);
        two.getCustomer(id);
        assertThat(storm.tokenRequests()).isEqualTo(1);
        storm.revokeTokens();
        one.getCustomer(id);
        two.getCustomer(id);
        assertThat(storm.tokenRequests()).as("one renewal, shared").isEqualTo(2);
      }
    }
  }

  private static StormClient stormClient(FakeStorm storm, RedisAccessTokenCache tokens) {
    return StormClient.builder().baseUrl(storm.baseUrl().toString()).tokenUrl(storm.tokenUrl().toString())
        .applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
        .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, "lab")
        .tokenCache(tokens).build();
  }
}
