package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.Customer;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBillbee;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fake's own throttle answering 429, with and without {@code Retry-After}, and the retry
 * policy waiting it out, under both of the fake's readings of "endpoint". The fake's clock moves
 * only when the policy sleeps, so nothing waits.
 */
class BillbeeFakeThrottleRetryTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final RetryPolicy policy = RetryPolicy.builder().jitter(() -> 1.0).sleeper(d -> {
    waits.add(d);
    clock.addAndGet(d.toNanos());
  }).build();
  private FakeBillbee fake;
  private BillbeeClient client;

  private void start(FakeBillbee.EndpointScope scope, String retryAfter) {
    fake = new FakeBillbee().nanoClock(clock::get).perEndpointPerSecond(1).throttleRetryAfter(retryAfter)
        .endpointScope(scope).start();
    fake.seedSample(1).seedSample(2);
    // No client-side limiter, so the fake's throttle is what the calls meet.
    client = new TestClients().builder(fake.url("/")).rateLimiter(RateLimiter.unlimited()).retryPolicy(policy).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  /**
   * The GET meets the window of the read before it; with GET and PUT sharing the window ({@code
   * ROUTE}) the PUT then meets the GET's, and waits once more.
   */
  @ParameterizedTest
  @EnumSource(FakeBillbee.EndpointScope.class)
  void throttledWithRetryAfterWaitsTheAskedSecondThenSucceeds(FakeBillbee.EndpointScope scope) {
    start(scope, "1");
    client.getCustomer(1);

    UpdateResult second = client.customerUpdater().update("2", Customer.builder().vatId("DE2").build());

    boolean shared = scope == FakeBillbee.EndpointScope.ROUTE;
    assertThat(waits).containsExactlyElementsOf(shared
        ? List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)) : List.of(Duration.ofSeconds(1)));
    assertThat(second.attempts()).isEqualTo(shared ? 4 : 3);
    assertThat(fake.throttledCount()).isEqualTo(shared ? 2 : 1);
    assertThat(fake.customer(2).orElseThrow().get("VatId").asText()).isEqualTo("DE2");
  }

  @ParameterizedTest
  @EnumSource(FakeBillbee.EndpointScope.class)
  void throttledWithoutRetryAfterBacksOffOnItsOwnThenSucceeds(FakeBillbee.EndpointScope scope) {
    start(scope, null);
    client.getCustomer(1);

    UpdateResult second = client.customerUpdater().update("2", Customer.builder().vatId("DE2").build());

    // 500 ms is not enough for a one-per-second window; the doubled 1 s is.
    Duration half = Duration.ofMillis(500);
    Duration one = Duration.ofSeconds(1);
    boolean shared = scope == FakeBillbee.EndpointScope.ROUTE;
    assertThat(waits).containsExactlyElementsOf(shared ? List.of(half, one, half, one) : List.of(half, one));
    assertThat(second.attempts()).isEqualTo(shared ? 6 : 4);
    assertThat(fake.customer(2).orElseThrow().get("VatId").asText()).isEqualTo("DE2");
  }

  @ParameterizedTest
  @EnumSource(FakeBillbee.EndpointScope.class)
  void throttledBeyondThePolicysAttemptsIsARateLimitExceptionAndNothingIsWritten(FakeBillbee.EndpointScope scope) {
    start(scope, null);
    client.close();
    client = new TestClients().builder(fake.url("/")).rateLimiter(RateLimiter.unlimited())
        .retryPolicy(policy.toBuilder().maxAttempts(2).build()).build();
    client.getCustomer(1);

    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> client.customerUpdater().update("2", Customer.builder().vatId("DE2").build()));

    assertThat(e).isNotNull();
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.retryAfter()).isEmpty();

    assertThat(fake.journal().count("PUT", "/api/v1/customers/2")).isZero();
    assertThat(fake.customer(2).orElseThrow().get("VatId").asText()).isEqualTo("DE123456789");
  }
}
