package dev.customersync.redis;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.billbee.BillbeeRateLimits;
import dev.customersync.core.Customer;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One application instance, run as its own JVM by the cross-process tests: it builds its clients,
 * prints {@code READY}, waits for {@code GO} on standard input (so that all instances start
 * together, without sleeping), does its work and prints one {@code RESULT} line.
 *
 * <ul>
 *   <li>{@code billbee <redis|memory> <redisPort> <fakeUrl> <firstId> <count> <scale> <fallbackInstances>}:
 *       syncs customers {@code firstId…firstId+count-1} to the fake with Billbee's table scaled by
 *       {@code scale}, shared in Redis or in memory; no retries, so a 429 is a failure and
 *       visible. {@code RESULT updated failed startNanos endNanos} (epoch nanoseconds).
 *   <li>{@code storm <redisPort> <baseUrl> <tokenUrl> <customerId>}: reads one customer with
 *       client credentials, the token kept in Redis. {@code RESULT ok}.
 * </ul>
 */
public final class InstanceProcess {

  private InstanceProcess() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    switch (args[0]) {
      case "billbee" -> billbee(args, in);
      case "storm" -> storm(args, in);
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.flush();
    System.exit(0);
  }

  private static void billbee(String[] a, BufferedReader in) throws Exception {
    boolean redis = a[1].equals("redis");
    int port = Integer.parseInt(a[2]);
    String fakeUrl = a[3];
    int first = Integer.parseInt(a[4]);
    int count = Integer.parseInt(a[5]);
    double scale = Double.parseDouble(a[6]);
    int fallback = Integer.parseInt(a[7]);
    RateLimits limits = BillbeeRateLimits.rules().scaled(scale);
    RedisClient redisClient = redis ? RedisClient.create("redis://127.0.0.1:" + port) : null;
    RateLimiter limiter;
    if (redis) {
      RedisRateLimiter.Builder b = RedisRateLimiter.builder(redisClient).limits(limits).redisTimeout(Duration.ofSeconds(1));
      if (fallback > 0) {
        b.fallbackToLocal(fallback);
      }
      limiter = b.build();
    } else {
      limiter = limits.newLimiter();
    }
    try (BillbeeClient client = BillbeeClient.builder().baseUrl(fakeUrl).apiKey(FakeBillbee.DEFAULT_API_KEY)
            .username(FakeBillbee.DEFAULT_USERNAME).apiPassword(FakeBillbee.DEFAULT_API_PASSWORD)
            .rateLimiter(limiter).retryPolicy(RetryPolicy.none()).build();
        CustomerSync sync = CustomerSync.builder().updater(client.customerUpdater()).build()) {
      ready(in);
      long start = epochNanos();
      SyncReport report = sync.syncAll(IntStream.range(first, first + count).mapToObj(i -> new SyncItem("c" + i,
          Customer.builder().email("changed" + i + "@example.com").build(),
          List.of(CustomerLink.of("billbee", Integer.toString(i))))));
      long end = epochNanos();
      report.failures().stream().limit(3).forEach(f -> System.out.println("FAILURE " + f.outcome()));
      System.out.println("RESULT " + report.total(VendorOutcome.Status.UPDATED) + " "
          + report.total(VendorOutcome.Status.FAILED) + " " + start + " " + end);
    } finally {
      if (limiter instanceof AutoCloseable c) {
        c.close();
      }
      if (redisClient != null) {
        redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  private static void storm(String[] a, BufferedReader in) throws Exception {
    RedisClient redisClient = RedisClient.create("redis://127.0.0.1:" + Integer.parseInt(a[1]));
    try (RedisAccessTokenCache tokens = RedisAccessTokenCache.builder(redisClient).build();
        StormClient storm = StormClient.builder().baseUrl(a[2]).tokenUrl(a[3])
            .applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
            .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, "lab")
            .tokenCache(tokens)
            .build()) {
      ready(in);
      storm.getCustomer(Integer.parseInt(a[4]));
      System.out.println("RESULT ok");
    } finally {
      redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static void ready(BufferedReader in) throws Exception {
    System.out.println("READY");
    System.out.flush();
    String go = in.readLine();
    if (!"GO".equals(go)) {
      throw new IllegalStateException("expected GO, got " + go);
    }
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
