package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBillbee;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The default limiter against the fake's real-time sliding-window throttle. This is the one place
 * a real-time wait is inherent: Billbee's limit is in wall-clock seconds, and the point is that
 * real scheduling jitter does not break it. It takes about 11.5 s (10 updates: 20 calls of one
 * endpoint, GET and PUT sharing it as the fake counts by default, 600 ms apart).
 */
class BillbeeThrottleBurstTest {

  private static final int UPDATES = 10;

  @Test
  void aBurstOfUpdatesThroughTheDefaultLimiterNeverTriggersA429() throws Exception {
    // Each client has a default limiter of its own; a fresh API key keeps the fake's windows fresh too.
    String apiKey = "burst-" + UUID.randomUUID();
    warmUpTheJvm();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try (FakeBillbee fake = new FakeBillbee(apiKey, TestClients.USERNAME, TestClients.API_PASSWORD).start();
        BillbeeClient client = BillbeeClient.builder().baseUrl(fake.url("/").toString()).apiKey(apiKey)
            .username(TestClients.USERNAME).apiPassword(TestClients.API_PASSWORD)
            .retryPolicy(RetryPolicy.none()) // a single 429 would fail its update
            .executor(pool)
            .build()) {
      for (long id = 1; id <= UPDATES; id++) {
        fake.seedSample(id);
      }
      long start = System.nanoTime();

      List<CompletableFuture<UpdateResult>> updates = new ArrayList<>();
      for (long id = 1; id <= UPDATES; id++) {
        updates.add(client.customerUpdater().updateAsync(Long.toString(id), Customer.builder().vatId("DE" + id).build()));
      }
      CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(fake.throttledCount()).isZero();
      assertThat(fake.journal().count(e -> e.fault() == null)).isEqualTo(2 * UPDATES);
      for (long id = 1; id <= UPDATES; id++) {
        assertThat(fake.customer(id).orElseThrow().get("VatId").asText()).isEqualTo("DE" + id);
      }
      assertThat(elapsedMs).as("20 calls of one endpoint are spread over 19 × 600 ms = 11.4 s").isGreaterThanOrEqualTo(11_000);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The first request of a fresh JVM spends a few hundred milliseconds loading OkHttp's and
   * MockWebServer's classes between its permit and its arrival. That one-off cost is not the jitter
   * the limiter's margin is for (when this class runs alone it would make the first GET arrive late
   * and the third one meet a 429, which the retry policy would absorb in production), so it is
   * paid here, on another fake with another API key, whose buckets the burst does not share.
   */
  private static void warmUpTheJvm() {
    try (FakeBillbee other = new FakeBillbee().start();
        BillbeeClient client = new TestClients().client(other.url("/"))) {
      other.seedSample(1);
      client.customerUpdater().update("1", Customer.builder().vatId("DE0").build());
    }
  }

  @Test
  void withoutTheClientSideLimiterTheFakeThrottles() {
    try (FakeBillbee fake = new FakeBillbee().start();
        BillbeeClient client = new TestClients().builder(fake.url("/")).rateLimiter(RateLimiter.unlimited())
            .retryPolicy(RetryPolicy.none()).build()) {
      fake.seedSample(1);

      for (int i = 0; i < 3; i++) {
        try {
          client.getCustomer(1);
        } catch (RateLimitException expected) {
          // The third call within a second is refused.
        }
      }

      assertThat(fake.throttledCount()).isEqualTo(1);
    }
  }
}
