package dev.customersync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.Customer;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.VendorServerException;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.Fault;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters-only listener on a {@link SimpleMeterRegistry}, driven by real clients against the fakes. */
class MicrometerVendorCallListenerTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MicrometerVendorCallListener listener = MicrometerVendorCallListener.of(meters);
  private final FakeBillbee billbee = Fakes.billbee();

  @AfterEach
  void stopFake() {
    billbee.close();
  }

  private BillbeeClient client() {
    return Fakes.billbeeClient(billbee).listener(listener).build();
  }

  @Test
  void aSuccessfulUpdateRecordsEachCallWithEveryTag() {
    try (BillbeeClient client = client()) {
      client.customerUpdater().update(Long.toString(Fakes.BILLBEE_ID), Customer.builder().vatId("DE999999999").build());
    }

    Timer write = meters.get("customersync.requests").tags("vendor", "billbee", "operation", "update-customer",
        "method", "PUT", "endpoint", "api/v1/customers/{id}", "status", "200", "outcome", "SUCCESS", "error", "none")
        .timer();
    assertThat(write.count()).isEqualTo(1);
    assertThat(write.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(meters.get("customersync.requests").timers()).hasSize(2)
        .allSatisfy(t -> assertThat(t.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
            .containsExactlyInAnyOrder("vendor", "operation", "method", "endpoint", "status", "outcome", "error"));
    assertThat(meters.get("customersync.ratelimit.wait").tags("operation", "update-customer").timer().count()).isEqualTo(1);
  }

  @Test
  void aServerErrorRetriedToSuccessIsOneCallAndOneRetry() {
    billbee.faults().next(Fault.status(502));
    try (BillbeeClient client = client()) {
      client.getCustomer(Fakes.BILLBEE_ID);
    }

    assertThat(meters.get("customersync.requests").timer().getId().getTag("status")).isEqualTo("200");
    assertThat(meters.get("customersync.requests").timer().count()).isEqualTo(1);
    assertThat(meters.get("customersync.retries").tags("reason", "STATUS").counter().count()).isEqualTo(1);
  }

  @Test
  void aFailedCallCarriesTheVendorsStatusTheOutcomeAndTheErrorType() {
    billbee.faults().times(3, Fault.status(503));
    try (BillbeeClient client = client()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(VendorServerException.class);
    }

    Meter.Id id = meters.get("customersync.requests").timer().getId();
    assertThat(id.getTag("status")).isEqualTo("503");
    assertThat(id.getTag("outcome")).isEqualTo("SERVER_ERROR");
    assertThat(id.getTag("error")).isEqualTo("VendorServerException");
  }

  @Test
  void aMissingCustomerIsAClientError() {
    try (BillbeeClient client = client()) {
      assertThatThrownBy(() -> client.getCustomer(4242)).isInstanceOf(RuntimeException.class);
    }

    Meter.Id id = meters.get("customersync.requests").timer().getId();
    assertThat(id.getTag("status")).isEqualTo("404");
    assertThat(id.getTag("outcome")).isEqualTo("CLIENT_ERROR");
  }

  @Test
  void aPermitTimeoutIsStatusNoneNever429() {
    try (BillbeeClient client = Fakes.billbeeClient(billbee).rateLimiter((key, timeout) -> false)
        .rateLimitTimeout(Duration.ZERO).listener(listener).build()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(RateLimitTimeoutException.class);
    }

    Meter.Id id = meters.get("customersync.requests").timer().getId();
    assertThat(id.getTag("status")).isEqualTo("NONE");
    assertThat(id.getTag("outcome")).isEqualTo("TIMEOUT");
    assertThat(id.getTag("error")).isEqualTo("RateLimitTimeoutException");
  }

  @Test
  void tokenFetchesAreCountedAndTimedAsTokenCalls() {
    try (FakeStorm storm = new FakeStorm().seedDemoCustomers();
        StormClient client = Fakes.stormClient(storm).listener(listener).build()) {
      client.getCustomer(1001);
      client.getCustomer(1002);
    }

    assertThat(meters.get("customersync.token.fetches").tags("vendor", "storm", "outcome", "SUCCESS").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("customersync.requests").tags("operation", "token", "method", "POST", "endpoint", "token")
        .timer().count()).isEqualTo(1);
    assertThat(meters.get("customersync.requests").tags("operation", "get-customer").timer().count()).isEqualTo(2);
  }

  @Test
  void aFailedTokenFetchIsCountedWithItsOutcome() {
    try (FakeStorm storm = new FakeStorm().seedDemoCustomers();
        StormClient client = Fakes.stormClient(storm).clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, "wrong-secret", "lab")
            .listener(listener).build()) {
      assertThatThrownBy(() -> client.getCustomer(1001)).isInstanceOf(RuntimeException.class);
    }

    assertThat(meters.get("customersync.token.fetches").counter().getId().getTag("outcome")).isEqualTo("CLIENT_ERROR");
  }

  @Test
  void everyMeterNameIsOneOfTheDocumentedFive() {
    billbee.faults().next(Fault.status(500));
    try (BillbeeClient client = client()) {
      client.customerUpdater().update(Long.toString(Fakes.BILLBEE_ID), Customer.builder().vatId("DE1").active(false).build());
    }

    Set<String> names = meters.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet());
    assertThat(names).isSubsetOf(List.of(MicrometerVendorCallListener.REQUESTS, MicrometerVendorCallListener.RATELIMIT_WAIT,
        MicrometerVendorCallListener.TOKEN_FETCHES, MicrometerVendorCallListener.RETRIES, MicrometerVendorCallListener.WARNINGS))
        .contains("customersync.requests", "customersync.ratelimit.wait", "customersync.retries", "customersync.warnings");
  }
}
