package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBillbee;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Billbee's limiter as the client builds it by default, against the fake's throttle under both
 * readings of "2 calls/s per endpoint", on one fake clock that moves only when the limiter waits:
 * the client must never draw a 429, even where GET and PUT of a customer share the endpoint.
 */
class BillbeeStrictThrottleTest {

  private static final int UPDATES = 12;

  @ParameterizedTest
  @EnumSource(FakeBillbee.EndpointScope.class)
  void updatesBackToBackThroughTheDefaultLimitsNeverMeetA429(FakeBillbee.EndpointScope scope) {
    AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    try (FakeBillbee fake = new FakeBillbee().nanoClock(clock::get).endpointScope(scope).start();
        BillbeeClient client = new TestClients().builder(fake.url("/"))
            .rateLimiter(BillbeeRateLimits.newLimiter(clock::get, d -> clock.addAndGet(d.toNanos())))
            .retryPolicy(RetryPolicy.none()) // a single 429 would fail its update
            .build()) {
      for (long id = 1; id <= UPDATES; id++) {
        fake.seedSample(id);
      }
      long start = clock.get();

      for (long id = 1; id <= UPDATES; id++) {
        UpdateResult r = client.customerUpdater().update(Long.toString(id), Customer.builder().vatId("DE" + id).build());
        assertThat(r.attempts()).isEqualTo(2);
      }

      assertThat(fake.throttledCount()).isZero();
      assertThat(fake.journal().size()).isEqualTo(2 * UPDATES);
      assertThat(clock.get() - start).as("every call of the one endpoint 600 ms after the one before")
          .isGreaterThanOrEqualTo((2L * UPDATES - 1) * 599_000_000L);
    }
  }
}
