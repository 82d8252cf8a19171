package dev.customersync.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.billbee.BillbeeRateLimits;
import dev.customersync.core.Customer;
import dev.customersync.core.RateLimitRule;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.TransportException;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.tck.RateLimiterContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared limiter meets the limiter contract on a real Redis, and does what only it must. */
class RedisRateLimiterTest extends RateLimiterContract {

  private static RedisServer server;
  private static RedisClient client;
  private static StatefulRedisConnection<String, byte[]> connection;

  @BeforeAll
  static void startRedis() {
    server = RedisServer.start();
    client = server.client();
    connection = RedisServer.connect(client);
  }

  @AfterAll
  static void stopRedis() {
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected RateLimiter limiter(RateLimits limits) {
    return RedisRateLimiter.builder(connection).limits(limits).build();
  }

  @Test
  void twoInstancesOnOneRedisShareOneBudget() throws Exception {
    RateLimits limits = RateLimits.of("tck", RateLimitRule.of("all", 1, 1, k -> k));
    try (StatefulRedisConnection<String, byte[]> other = RedisServer.connect(client)) {
      RedisRateLimiter a = RedisRateLimiter.builder(connection).limits(limits).build();
      RedisRateLimiter b = RedisRateLimiter.builder(other).limits(limits).build();
      assertThat(a.tryAcquire(run + "|x", Duration.ofSeconds(1))).isTrue();
      assertThat(b.tryAcquire(run + "|x", Duration.ofMillis(50))).as("the permit was the other instance's").isFalse();
      assertThat(b.tryAcquire(run + "|y", Duration.ofMillis(50))).as("another key, another bucket").isTrue();
    }
  }

  @Test
  void keysNameTheVendorRuleAndAHashNeverTheKeyAndAllExpire() throws Exception {
    RedisRateLimiter limiter = RedisRateLimiter.builder(connection).keyPrefix("kn-" + run)
        .limits(BillbeeRateLimits.rules()).build();
    String permitKey = "apikeyfp01:userfp02|api/v1/customers/{id}";
    assertThat(limiter.tryAcquire(permitKey, Duration.ofSeconds(5))).isTrue();
    RedisCommands<String, byte[]> redis = connection.sync();
    List<String> keys = redis.keys("kn-" + run + ":*");
    assertThat(keys).hasSize(3).allSatisfy(k -> {
      assertThat(k).matches("kn-" + run + ":rate:billbee:(per-endpoint|per-key-and-user|per-key):[0-9a-f]{16}");
      assertThat(k).doesNotContain("apikeyfp01").doesNotContain("customers");
      assertThat(redis.pttl(k)).as("TTL of " + k).isPositive().isLessThanOrEqualTo(10_000L);
    });
  }

  @Test
  void withoutRedisTheDefaultIsAClearTransportExceptionAndNothingIsGranted() throws Exception {
    try (RedisServer doomed = RedisServer.start()) {
      RedisClient c = doomed.client();
      try {
        RedisRateLimiter limiter = RedisRateLimiter.builder(c).limits(BillbeeRateLimits.rules())
            .redisTimeout(Duration.ofMillis(300)).build();
        assertThat(limiter.tryAcquire("a:b|c", Duration.ofSeconds(1))).isTrue();
        doomed.kill();
        assertThatThrownBy(() -> limiter.tryAcquire("a:b|c", Duration.ofSeconds(1)))
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("billbee: the shared rate limit in Redis is unavailable")
            .hasMessageContaining("no request was sent")
            .hasMessageContaining("fallbackToLocal")
            .satisfies(e -> assertThat(((TransportException) e).mayHaveReachedVendor()).isFalse());
        limiter.close();
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void withFallbackToLocalItCountsAtOneNthOfTheRateWhileRedisIsAway() throws Exception {
    try (RedisServer doomed = RedisServer.start()) {
      RedisClient c = doomed.client();
      try {
        RedisRateLimiter limiter = RedisRateLimiter.builder(c)
            .limits(RateLimits.of("tck", RateLimitRule.of("all", 40, 1, k -> k)))
            .redisTimeout(Duration.ofMillis(300)).fallbackToLocal(4).build();
        assertThat(limiter.tryAcquire("k", Duration.ofSeconds(1))).isTrue();
        doomed.kill();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
          assertThat(limiter.tryAcquire("k", Duration.ofSeconds(2))).isTrue();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // 10/s locally, starting empty: five permits take 500 ms (plus one Redis timeout), never less.
        assertThat(millis).isBetween(480L, 3000L);
        limiter.close();
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void redisStoppedMidRunFailsTheRestClearlyAndEveryItemIsAccountedFor() throws Exception {
    try (RedisServer doomed = RedisServer.start(); FakeBillbee billbee = new FakeBillbee().start()) {
      int customers = 60;
      // Billbee's own table, scaled up alike with the fake so the run takes a second or two.
      billbee.perEndpointPerSecond(50).perKeyAndUserPerSecond(250).perKeyPerSecond(1250);
      IntStream.rangeClosed(1, customers).forEach(billbee::seedSample);
      RedisClient c = doomed.client();
      AtomicBoolean killed = new AtomicBoolean();
      AtomicInteger done = new AtomicInteger();
      try (RedisRateLimiter limiter = RedisRateLimiter.builder(c).limits(BillbeeRateLimits.rules().scaled(25))
              .redisTimeout(Duration.ofMillis(300)).build();
          BillbeeClient client = BillbeeClient.builder().baseUrl(billbee.url("/").toString())
              .apiKey(FakeBillbee.DEFAULT_API_KEY).username(FakeBillbee.DEFAULT_USERNAME)
              .apiPassword(FakeBillbee.DEFAULT_API_PASSWORD).rateLimiter(limiter).retryPolicy(RetryPolicy.none())
              .build();
          CustomerSync sync = CustomerSync.builder().updater(client.customerUpdater()).build()) {
        SyncReport report = sync.syncAll(items(customers), SyncOptions.builder().outcomeListener((item, o) -> {
          if (done.incrementAndGet() == 20 && killed.compareAndSet(false, true)) {
            doomed.kill();
          }
        }).build());
        long updated = report.total(VendorOutcome.Status.UPDATED);
        long failed = report.total(VendorOutcome.Status.FAILED);
        assertThat(updated + failed).as("every item accounted for").isEqualTo(customers);
        assertThat(updated).isGreaterThanOrEqualTo(20);
        assertThat(failed).isPositive();
        assertThat(report.failures()).allSatisfy(f -> assertThat(f.outcome().errorIfFailed()).get()
            .isInstanceOf(TransportException.class)
            .extracting(Throwable::getMessage).asString().contains("Redis is unavailable"));
        assertThat(billbee.throttledCount()).isZero();
        // Never unthrottled: a failed update sent at most its read, granted before Redis went away.
        assertThat(billbee.journal().size()).isLessThanOrEqualTo((int) (2 * updated + failed));
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  static java.util.stream.Stream<SyncItem> items(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> new SyncItem("c" + i,
        Customer.builder().email("changed" + i + "@example.com").build(),
        List.of(CustomerLink.of("billbee", Integer.toString(i)))));
  }
}
