package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.RateLimitRule;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import dev.customersync.testkit.FakeBillbee;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The default limiter's spacing, on a fake clock: no waiting in these tests. */
class BillbeeRateLimitsTest {

  private static final long SECOND = 1_000_000_000L;
  private static final String ACCOUNT = BillbeeRateLimits.credentialKey("k1", "u1");

  private final AtomicLong now = new AtomicLong(5 * SECOND);
  private final RateLimiter limiter = BillbeeRateLimits.newLimiter(now::get, d -> now.addAndGet(d.toNanos()));

  /** A second plus the 200 ms margin, less a nanosecond or so of floating-point rounding. */
  private static final long WINDOW_WITH_MARGIN = SECOND + 200_000_000L - 1_000L;

  @Test
  void oneEndpointGetsAtMostTwoCallsInAnySecondWith200MsToSpare() throws Exception {
    List<Long> granted = acquire(10, i -> ACCOUNT + "|" + BillbeeClient.CUSTOMER_ENDPOINT);

    for (int i = 2; i < granted.size(); i++) {
      assertThat(granted.get(i) - granted.get(i - 2)).as("calls %d and %d", i - 2, i)
          .isGreaterThanOrEqualTo(WINDOW_WITH_MARGIN);
    }
    assertThat(granted.get(1) - granted.get(0)).isBetween(599_999_000L, 600_001_000L);
  }

  @Test
  void theReadAndTheWriteOfAnUpdateShareTheEndpointsSpacing() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    RateLimiter recording = (key, timeout) -> {
      keys.add(key);
      return limiter.tryAcquire(key, timeout);
    };
    try (var fake = new FakeBillbee().throttling(false).start();
        BillbeeClient client = new TestClients().builder(fake.url("/")).rateLimiter(recording).build()) {
      fake.seedSample(7);
      long start = now.get();

      client.customerUpdater().update("7", Customer.builder().vatId("DE1").build());

      assertThat(keys).hasSize(2).containsOnly(keys.get(0));
      assertThat(now.get() - start).as("the PUT waits the endpoint's 600 ms after the GET, not only 120 ms")
          .isBetween(599_000_000L, 601_000_000L);
    }
  }

  @Test
  void oneKeyAndUserGetsAtMostTenCallsInAnySecondAcrossEndpoints() throws Exception {
    List<Long> granted = acquire(30, i -> ACCOUNT + "|endpoint-" + i);

    for (int i = 10; i < granted.size(); i++) {
      assertThat(granted.get(i) - granted.get(i - 10)).isGreaterThanOrEqualTo(WINDOW_WITH_MARGIN);
    }
  }

  @Test
  void oneKeyGetsAtMostFiftyCallsInAnySecondAcrossUsers() throws Exception {
    List<Long> granted = acquire(120, i -> BillbeeRateLimits.credentialKey("k1", "user-" + i) + "|endpoint");

    for (int i = 50; i < granted.size(); i++) {
      assertThat(granted.get(i) - granted.get(i - 50)).isGreaterThanOrEqualTo(WINDOW_WITH_MARGIN);
    }
  }

  @Test
  void differentAccountsDoNotSlowEachOtherDown() throws Exception {
    long start = now.get();

    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(BillbeeRateLimits.credentialKey("key-" + i, "u") + "|e", Duration.ZERO)).isTrue();
    }

    assertThat(now.get()).isEqualTo(start);
  }

  @Test
  void aPermitBeyondTheTimeoutIsRefusedWithoutWaitingForIt() throws Exception {
    String key = ACCOUNT + "|" + BillbeeClient.CUSTOMER_ENDPOINT;
    assertThat(limiter.tryAcquire(key, Duration.ZERO)).isTrue();
    long before = now.get();

    assertThat(limiter.tryAcquire(key, Duration.ofMillis(150))).isFalse();

    assertThat(now.get()).isEqualTo(before);
  }

  @Test
  void clientKeysCountByCredentialFingerprintAndEndpointWithoutSecrets() {
    List<String> keys = new CopyOnWriteArrayList<>();
    RateLimiter recording = (key, timeout) -> {
      keys.add(key);
      return true;
    };
    try (var fake = new FakeBillbee().throttling(false).start();
        BillbeeClient client = new TestClients().builder(fake.url("/")).rateLimiter(recording).build()) {
      fake.seedSample(7);
      client.customerUpdater().update("7", Customer.builder().vatId("DE1").build());
    }

    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).matches("[0-9a-f]{16}:[0-9a-f]{16}\\|api/v1/customers/\\{id}");
    assertThat(keys.get(1)).as("GET and PUT of one customer are one endpoint").isEqualTo(keys.get(0));
    assertThat(String.join(" ", keys)).doesNotContain(TestClients.API_KEY).doesNotContain(TestClients.API_PASSWORD)
        .doesNotContain(TestClients.USERNAME);
  }

  @Test
  void rulesPublishTheTableTheBuiltInLimiterEnforcesWithItsKeyMappings() {
    RateLimits table = BillbeeRateLimits.rules();
    assertThat(table.vendor()).isEqualTo("billbee");
    assertThat(table.rules()).extracting(RateLimitRule::name)
        .containsExactly("per-endpoint", "per-key-and-user", "per-key");
    assertThat(table.rules()).extracting(RateLimitRule::permitsPerSecond)
        .containsExactly(2 * BillbeeRateLimits.SAFETY_FACTOR, 10 * BillbeeRateLimits.SAFETY_FACTOR,
            50 * BillbeeRateLimits.SAFETY_FACTOR);
    assertThat(table.rules()).allSatisfy(r -> assertThat(r.burst()).isEqualTo(1));
    String key = "aaaa:bbbb|api/v1/customers/{id}";
    assertThat(table.rules()).extracting(r -> r.bucketKey(key))
        .containsExactly(key, "aaaa:bbbb", "aaaa");
  }

  private List<Long> acquire(int n, IntFunction<String> key) throws InterruptedException {
    List<Long> granted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(limiter.tryAcquire(key.apply(i), Duration.ofSeconds(60))).isTrue();
      granted.add(now.get());
    }
    return granted;
  }
}
