package dev.customersync.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeRateLimits;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several application instances, each its own JVM with its own clients, against one fake vendor:
 * the proof that the budget and the token are shared across processes, not just threads.
 *
 * <p>The fake Billbee runs its strict sliding-window throttle with Billbee's published limits
 * scaled up 50 times (100 calls/s per endpoint, 500 per key and user, 2,500 per key) so a run takes
 * seconds, and the clients use Billbee's own table ({@link BillbeeRateLimits#rules()}) scaled alike:
 * 5/6 of each, so 83.3 calls/s per endpoint shared by all instances. That margin is needed here
 * too: on a shared 2-core machine running three client JVMs, the fake and Redis, a request may
 * reach the fake 40 ms after its permit, and a stall followed by catch-up compresses a second's
 * worth of permits into less (measured with a 2.5 % margin: a dozen 429s per run).
 */
class CrossProcessTest {

  private static final int FAKE_SCALE = 50;
  private static final int PER_ENDPOINT = 2 * FAKE_SCALE;
  /** Billbee's table scaled alike: its endpoint rule is 5/6 of the fake's 100/s. */
  private static final double CLIENT_SCALE = FAKE_SCALE;
  /** The budget all instances share: the endpoint rule of the scaled table, 83.3 calls/s. */
  private static final double SHARED_LIMIT = BillbeeRateLimits.rules().scaled(CLIENT_SCALE).rules().get(0).permitsPerSecond();
  private static final int INSTANCES = 3;
  private static final int CUSTOMERS_EACH = 300;

  private RedisServer redis;
  private FakeBillbee billbee;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
    billbee = new FakeBillbee().start()
        .perEndpointPerSecond(PER_ENDPOINT).perKeyAndUserPerSecond(10 * FAKE_SCALE).perKeyPerSecond(50 * FAKE_SCALE);
    IntStream.rangeClosed(1, INSTANCES * CUSTOMERS_EACH).forEach(billbee::seedSample);
  }

  @AfterEach
  void stop() throws Exception {
    billbee.close();
    redis.close();
  }

  private List<List<String>> billbeeInstances(String limiter, int fallback) {
    List<List<String>> args = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      args.add(List.of("billbee", limiter, Integer.toString(redis.port()), billbee.url("/").toString(),
          Integer.toString(1 + i * CUSTOMERS_EACH), Integer.toString(CUSTOMERS_EACH), Double.toString(CLIENT_SCALE),
          Integer.toString(fallback)));
    }
    return args;
  }

  private record Totals(long updated, long failed, double seconds) {}

  private static Totals totals(List<String[]> results) {
    long updated = 0;
    long failed = 0;
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (String[] r : results) {
      updated += Long.parseLong(r[0]);
      failed += Long.parseLong(r[1]);
      start = Math.min(start, Long.parseLong(r[2]));
      end = Math.max(end, Long.parseLong(r[3]));
    }
    return new Totals(updated, failed, (end - start) / 1e9);
  }

  @Test
  @Timeout(150)
  void threeInstancesOnRedisStayUnderBillbeesLimitTogetherAndUseNearlyAllOfIt() throws Exception {
    // The fake reads its clock once per customer call: the arrival times, for the failure message.
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    billbee.nanoClock(() -> {
      long now = System.nanoTime();
      arrivals.add(now);
      return now;
    });
    Totals t;
    try (Instances instances = Instances.start(billbeeInstances("redis", 0))) {
      instances.go();
      t = totals(instances.results(120));
    }
    int requests = billbee.journal().size();
    double rate = requests / t.seconds();
    assertThat(billbee.throttledCount()).as("429s from the fake; most calls in any second: %d of %d allowed",
        busiestSecond(arrivals), PER_ENDPOINT).isZero();
    assertThat(t.updated()).as("customers updated").isEqualTo(INSTANCES * CUSTOMERS_EACH);
    assertThat(requests).isEqualTo(2 * INSTANCES * CUSTOMERS_EACH);
    assertThat(rate / SHARED_LIMIT).as("aggregate rate %.1f/s over the shared limit %.1f/s", rate, SHARED_LIMIT)
        .isGreaterThanOrEqualTo(0.9);
  }

  /** The most arrivals within any one second. */
  private static int busiestSecond(List<Long> arrivals) {
    List<Long> sorted = new ArrayList<>(arrivals);
    Collections.sort(sorted);
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(j) >= 1_000_000_000L) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  @Test
  @Timeout(150)
  void threeInstancesWithTheInMemoryLimiterTogetherDrawThrottling() throws Exception {
    Totals t;
    try (Instances instances = Instances.start(billbeeInstances("memory", 0))) {
      instances.go();
      t = totals(instances.results(120));
    }
    // Each instance keeps its own budget at 5/6 of the limit, so together they ask for 2.5 times it.
    assertThat(billbee.throttledCount()).as("429s from the fake").isPositive();
    assertThat(t.failed()).as("updates that failed on a 429 (no retries)").isPositive();
    assertThat(t.updated() + t.failed()).isEqualTo(INSTANCES * CUSTOMERS_EACH);
  }

  @Test
  @Timeout(150)
  void redisStoppedMidRunInstancesFallBackToAThirdEachAndStayUnderTheLimit() throws Exception {
    Totals t;
    try (Instances instances = Instances.start(billbeeInstances("redis", INSTANCES))) {
      instances.go();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // A third of the way through, Redis goes away (waiting on the fake's count, with a deadline).
      while (billbee.journal().size() < 2 * CUSTOMERS_EACH && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      redis.kill();
      t = totals(instances.results(120));
    }
    assertThat(billbee.throttledCount()).as("429s from the fake: never unthrottled").isZero();
    assertThat(t.updated() + t.failed()).as("every item accounted for").isEqualTo(INSTANCES * CUSTOMERS_EACH);
    assertThat(t.updated()).as("with fallbackToLocal(3) every update goes through").isEqualTo(INSTANCES * CUSTOMERS_EACH);
  }

  @Test
  @Timeout(150)
  void fiveInstancesStartingTogetherMakeOneStormTokenRequest() throws Exception {
    try (FakeStorm storm = new FakeStorm()) {
      storm.start();
      int id = storm.seedCustomer("Ada", "Lovelace", "ada@example.com");
      List<List<String>> args = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        args.add(List.of("storm", Integer.toString(redis.port()), storm.baseUrl().toString(),
            storm.tokenUrl().toString(), Integer.toString(id)));
      }
      try (Instances instances = Instances.start(args)) {
        instances.go();
        assertThat(instances.results(60)).hasSize(5);
      }
      assertThat(storm.tokenRequests()).as("token requests at Storm's 3-a-minute endpoint").isEqualTo(1);
      assertThat(storm.journal().count(e -> e.path().contains("GetCustomer"))).isEqualTo(5);
    }
  }
}
