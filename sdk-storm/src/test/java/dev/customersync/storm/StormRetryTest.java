package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.Customer;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorServerException;
import dev.customersync.testkit.Fault;
import dev.customersync.testkit.FakeStorm;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UpdateCustomer may send mail and create companies, so it is repeated only when Storm provably
 * never got it; GetCustomer is repeated on every retryable failure.
 */
class StormRetryTest {

  private final FakeStorm fake = new FakeStorm().seedDemoCustomers();
  private final StormTestSupport.RecordingSleeper sleeper = new StormTestSupport.RecordingSleeper();
  private final StormClient client = StormTestSupport.clientFor(fake)
      .retryPolicy(StormTestSupport.recordingRetries(sleeper))
      .build();

  @AfterEach
  void close() {
    client.close();
    fake.close();
  }

  private long posts() {
    return StormTestSupport.writes(fake);
  }

  private UpdateResult rename() {
    return client.customerUpdater().update("1001", Customer.builder().firstName("Augusta").build());
  }

  @Test
  void a500AfterStormProcessedTheUpdateIsNotReplayed() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(500).afterHandling());

    assertThatThrownBy(this::rename).isInstanceOfSatisfying(VendorServerException.class,
        e -> assertThat(e.attempts()).isEqualTo(1));

    assertThat(posts()).as("exactly one POST reached the server").isEqualTo(1);
    assertThat(fake.updatesApplied()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void a500BeforeProcessingIsNotReplayedEither() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(500));

    assertThatThrownBy(this::rename).isInstanceOf(VendorServerException.class);

    assertThat(posts()).isEqualTo(1);
    assertThat(fake.updatesApplied()).isZero();
  }

  @Test
  void aResetAfterSendingIsNotReplayedAndSaysItMayHaveReachedStorm() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.disconnectBeforeResponse().afterHandling());

    assertThatThrownBy(this::rename).isInstanceOfSatisfying(TransportException.class, e -> {
      assertThat(e.mayHaveReachedVendor()).isTrue();
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getMessage()).contains("not idempotent");
    });

    assertThat(posts()).isEqualTo(1);
    assertThat(fake.updatesApplied()).isEqualTo(1);
  }

  @Test
  void aResponseCutOffMidBodyIsNotReplayed() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.disconnectMidBody("{\"Id\": 1001, \"First").afterHandling());

    assertThatThrownBy(this::rename).isInstanceOf(TransportException.class);

    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aTimeoutIsNotReplayed() {
    try (StormClient impatient = StormTestSupport.clientFor(fake)
        .retryPolicy(StormTestSupport.recordingRetries(sleeper))
        .timeouts(Timeouts.builder().read(Duration.ofMillis(300)).build())
        .build()) {
      fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.stall());

      assertThatThrownBy(() -> impatient.customerUpdater().update("1001", Customer.builder().firstName("A").build()))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.mayHaveReachedVendor()).isTrue());
    }
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void a503WithoutRetryAfterIsNotReplayed() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(503));

    assertThatThrownBy(this::rename).isInstanceOf(VendorServerException.class);

    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void a429IsRetriedBecauseStormTurnedTheRequestAway() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(429));

    UpdateResult result = rename();

    assertThat(posts()).isEqualTo(2);
    assertThat(fake.updatesApplied()).isEqualTo(1);
    assertThat(result.attempts()).as("one GET and two POSTs").isEqualTo(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void a503WithRetryAfterIsRetriedAfterTheWaitStormAskedFor() {
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.retryAfter(503, "7"));

    rename();

    assertThat(posts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(fake.customer(1001).orElseThrow().get("FirstName").asText()).isEqualTo("Augusta");
  }

  @Test
  void aRefusedConnectionIsRetriedBecauseNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (StormClient unreachable = StormClient.builder()
        .baseUrl("http://127.0.0.1:" + closedPort + "/api/1.1/")
        .applicationId(1)
        .accessToken("static-token-abcdef")
        .retryPolicy(StormTestSupport.recordingRetries(sleeper))
        .build()) {
      assertThatThrownBy(() -> unreachable.updateCustomer(StormCustomer.builder().id(1).build()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.mayHaveReachedVendor()).isFalse();
          });
    }
    assertThat(sleeper.waits).hasSize(2);
  }

  @Test
  void getCustomerIsRetriedAfterA500() {
    fake.faults().next(FakeStorm.getCustomerCalls(), Fault.status(500));

    UpdateResult result = rename();

    assertThat(fake.journal().count("GET", "/GetCustomer")).isEqualTo(2);
    assertThat(posts()).isEqualTo(1);
    assertThat(result.attempts()).isEqualTo(3);
  }

  @Test
  void getCustomerIsRetriedAfterAReset() {
    fake.faults().next(FakeStorm.getCustomerCalls(), Fault.disconnectBeforeResponse());

    rename();

    assertThat(fake.journal().count("GET", "/GetCustomer")).isEqualTo(2);
  }

  @Test
  void withRetriesOffNothingIsRepeated() {
    try (StormClient once = StormTestSupport.clientFor(fake).retryPolicy(RetryPolicy.none()).build()) {
      fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(429));
      assertThatThrownBy(() -> once.customerUpdater().update("1001", Customer.builder().firstName("A").build()))
          .isInstanceOf(dev.customersync.core.RateLimitException.class);
    }
    assertThat(posts()).isEqualTo(1);
  }
}
