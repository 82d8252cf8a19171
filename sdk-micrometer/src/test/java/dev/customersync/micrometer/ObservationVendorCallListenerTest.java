package dev.customersync.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.Customer;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.VendorServerException;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real {@code BillbeeClient} (and {@code StormClient}, for tokens) against the sdk-testkit fakes,
 * observed on a {@link TestObservationRegistry} whose timers land in a {@link SimpleMeterRegistry}.
 */
class ObservationVendorCallListenerTest {

  private static final String CUSTOMER = Long.toString(Fakes.BILLBEE_ID);
  private static final String ENDPOINT = "api/v1/customers/{id}";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
  private final FakeBillbee billbee = Fakes.billbee();
  private final ObservationVendorCallListener listener =
      ObservationVendorCallListener.builder(observations).meterRegistry(meters).build();

  ObservationVendorCallListenerTest() {
    observations.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters))
        .observationHandler(new ObservationHandler<>() {
          @Override
          public void onStop(Observation.Context context) {
            stopped.add(context);
          }

          @Override
          public boolean supportsContext(Observation.Context context) {
            return true;
          }
        });
  }

  @AfterEach
  void stopFake() {
    billbee.close();
  }

  private BillbeeClient client() {
    return Fakes.billbeeClient(billbee).listenerFactory(listener).build();
  }

  @Test
  void anUpdateIsOneObservationPerCallWithEveryDocumentedKey() {
    try (BillbeeClient client = client()) {
      client.customerUpdater().update(CUSTOMER, Customer.builder().vatId("DE999999999").build());
    }

    assertThat(observations).hasNumberOfObservationsWithNameEqualTo("customersync.requests", 2)
        .hasAnObservation(o -> o.hasContextualNameEqualTo("billbee get-customer")
            .hasLowCardinalityKeyValue("vendor", "billbee")
            .hasLowCardinalityKeyValue("operation", "get-customer")
            .hasLowCardinalityKeyValue("method", "GET")
            .hasLowCardinalityKeyValue("endpoint", ENDPOINT)
            .hasLowCardinalityKeyValue("status", "200")
            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
            .hasHighCardinalityKeyValue("attempts", "1")
            .doesNotHaveError())
        .hasAnObservation(o -> o.hasContextualNameEqualTo("billbee update-customer")
            .hasLowCardinalityKeyValue("operation", "update-customer")
            .hasLowCardinalityKeyValue("method", "PUT")
            .hasLowCardinalityKeyValue("endpoint", ENDPOINT)
            .hasLowCardinalityKeyValue("status", "200")
            .hasLowCardinalityKeyValue("outcome", "SUCCESS"));
    Timer reads = meters.get("customersync.requests").tags("vendor", "billbee", "operation", "get-customer",
        "method", "GET", "endpoint", ENDPOINT, "status", "200", "outcome", "SUCCESS", "error", "none").timer();
    assertThat(reads.count()).isEqualTo(1);
    assertThat(meters.get("customersync.ratelimit.wait").tags("vendor", "billbee").timers())
        .as("one permit per attempt: the read and the write").extracting(Timer::count).containsOnly(1L);
    assertThat(meters.find("customersync.retries").counters()).isEmpty();
  }

  @Test
  void aServerErrorRetriedToSuccessIsOneObservationWithTwoAttemptsAndOneRetry() {
    billbee.faults().next(Fault.status(503));
    try (BillbeeClient client = client()) {
      client.getCustomer(Fakes.BILLBEE_ID);
    }

    assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasHighCardinalityKeyValue("attempts", "2");
    assertThat(meters.get("customersync.retries")
        .tags("vendor", "billbee", "operation", "get-customer", "reason", "STATUS").counter().count()).isEqualTo(1);
    assertThat(meters.get("customersync.ratelimit.wait").timer().count()).isEqualTo(2);
  }

  @Test
  void aServerErrorOutlastingTheRetriesIsServerErrorWithItsStatusAndError() {
    billbee.faults().times(3, Fault.status(500));
    try (BillbeeClient client = client()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(VendorServerException.class);
    }

    assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "500")
        .hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
        .hasHighCardinalityKeyValue("attempts", "3")
        .hasError();
    assertThat(meters.get("customersync.requests").tags("status", "500", "outcome", "SERVER_ERROR",
        "error", "VendorServerException").timer().count()).isEqualTo(1);
    assertThat(meters.get("customersync.retries").tags("reason", "STATUS").counter().count()).isEqualTo(2);
  }

  @Test
  void aVendor429ToTheEndIsThrottledWithStatus429() {
    billbee.faults().times(3, Fault.retryAfter(429, "0"));
    try (BillbeeClient client = client()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(RateLimitException.class);
    }

    assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "429")
        .hasLowCardinalityKeyValue("outcome", "THROTTLED");
    assertThat(meters.get("customersync.retries").tags("reason", "RETRY_AFTER").counter().count()).isEqualTo(2);
  }

  @Test
  void aClientSidePermitTimeoutIsStatusNoneAndTimeoutNever429() {
    try (BillbeeClient client = Fakes.billbeeClient(billbee).rateLimiter((key, timeout) -> false)
        .rateLimitTimeout(Duration.ZERO).listenerFactory(listener).build()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(RateLimitTimeoutException.class);
    }

    assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "NONE")
        .hasLowCardinalityKeyValue("outcome", "TIMEOUT")
        .hasHighCardinalityKeyValue("attempts", "0");
    assertThat(billbee.journal().size()).as("nothing was sent").isZero();
    assertThat(meters.find("customersync.requests").tag("status", "429").timers()).isEmpty();
    assertThat(meters.find("customersync.ratelimit.wait").timers()).as("no permit, so no wait ended").isEmpty();
  }

  @Test
  void aConnectionDroppedOnEveryAttemptIsAnIoError() {
    billbee.faults().times(3, Fault.disconnectBeforeResponse());
    try (BillbeeClient client = client()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(TransportException.class);
    }

    assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "IO_ERROR")
        .hasLowCardinalityKeyValue("outcome", "IO_ERROR");
    assertThat(meters.get("customersync.retries").tags("reason", "IO_FAILURE").counter().count()).isEqualTo(2);
  }

  @Test
  void aVendorThatNeverAnswersIsATimeoutWithStatusIoError() {
    billbee.faults().times(3, Fault.stall());
    try (BillbeeClient client = Fakes.billbeeClient(billbee).listenerFactory(listener)
        .timeouts(Timeouts.builder().read(Duration.ofMillis(100)).build()).build()) {
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(TransportException.class);
    }

    assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "IO_ERROR")
        .hasLowCardinalityKeyValue("outcome", "TIMEOUT");
  }

  @Test
  void warningsAreCountedByVendorAndMakeNoObservation() {
    try (BillbeeClient client = client()) {
      UpdateResult r = client.customerUpdater().update(CUSTOMER, Customer.builder().organizationNumber("556677-8899").build());
      assertThat(r.warnings()).hasSize(1);
    }

    assertThat(meters.get("customersync.warnings").tags("vendor", "billbee").counter().count()).isEqualTo(1);
    assertThat(observations).hasNumberOfObservationsWithNameEqualTo("customersync.requests", 1);
  }

  @Test
  void aTokenFetchIsItsOwnObservationNestedInTheCallThatNeededItAndIsCounted() {
    try (FakeStorm storm = new FakeStorm().seedDemoCustomers();
        StormClient client = Fakes.stormClient(storm).listenerFactory(listener).build()) {
      client.getCustomer(1001);
      client.getCustomer(1002);
      assertThat(storm.tokenRequests()).isEqualTo(1);
    }

    assertThat(observations).hasNumberOfObservationsWithNameEqualTo("customersync.requests", 3)
        .hasAnObservation(o -> o.hasContextualNameEqualTo("storm token")
            .hasLowCardinalityKeyValue("operation", "token")
            .hasLowCardinalityKeyValue("method", "POST")
            .hasLowCardinalityKeyValue("endpoint", "token")
            .hasLowCardinalityKeyValue("status", "200")
            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
            .hasParentObservationContextMatching(
                parent -> "storm get-customer".equals(((Observation.ContextView) parent).getContextualName())));
    assertThat(meters.get("customersync.token.fetches").tags("vendor", "storm", "outcome", "SUCCESS").counter().count())
        .isEqualTo(1);
    assertThat(stopped).filteredOn(c -> "storm get-customer".equals(c.getContextualName()))
        .allSatisfy(c -> assertThat(c.getParentObservation()).as("no call of its own is current").isNull());
  }

  @Test
  void aRefusedTokenIsRenewedOnceCountedAsARetryAndAsASecondFetch() {
    try (FakeStorm storm = new FakeStorm().seedDemoCustomers();
        StormClient client = Fakes.stormClient(storm).listenerFactory(listener).build()) {
      client.getCustomer(1001);
      storm.revokeTokens();
      client.getCustomer(1001);
    }

    assertThat(meters.get("customersync.retries").tags("vendor", "storm", "operation", "get-customer",
        "reason", "TOKEN_REFUSED").counter().count()).isEqualTo(1);
    assertThat(meters.get("customersync.token.fetches").counter().count()).isEqualTo(2);
    assertThat(observations).hasAnObservation(o -> o.hasContextualNameEqualTo("storm get-customer")
        .hasLowCardinalityKeyValue("status", "200")
        .hasHighCardinalityKeyValue("attempts", "2"));
  }

  @Test
  void onTheNoopObservationRegistryUpdatesWorkAndOnlyTheMetersAreRecorded() {
    ObservationVendorCallListener noop = ObservationVendorCallListener.builder(ObservationRegistry.NOOP)
        .meterRegistry(meters).build();
    try (BillbeeClient client = Fakes.billbeeClient(billbee).listenerFactory(noop).build()) {
      UpdateResult r = client.customerUpdater().update(CUSTOMER, Customer.builder().vatId("DE999999999").build());
      assertThat(r.written()).isTrue();
    }

    assertThat(meters.find("customersync.requests").timers()).isEmpty();
    assertThat(meters.get("customersync.ratelimit.wait").timers()).extracting(Timer::count).containsExactlyInAnyOrder(1L, 1L);
    VendorCall call = VendorCall.of("billbee", "get-customer", "GET", ENDPOINT);
    assertThat(ObservationVendorCallListener.of(ObservationRegistry.NOOP).create(call))
        .as("nothing to record: the shared no-op listener").isSameAs(VendorCallListener.none());
    assertThat(ObservationVendorCallListener.of(ObservationRegistry.create()).create(call))
        .as("a registry without handlers records nothing either").isSameAs(VendorCallListener.none());
  }

  @Test
  void noTagOrKeyValueCarriesPersonalDataAnIdOrASecret() {
    try (BillbeeClient client = client()) {
      client.customerUpdater().update(CUSTOMER, Customer.builder().email("edsger@example.com").phone("+49 30 7654321")
          .firstName("Edsger").lastName("Dijkstra").organizationNumber("556677-8899").build());
      billbee.faults().times(3, Fault.status(500));
      assertThatThrownBy(() -> client.getCustomer(Fakes.BILLBEE_ID)).isInstanceOf(VendorServerException.class);
      assertThatThrownBy(() -> client.getCustomer(424242)).isInstanceOf(RuntimeException.class);
    }
    try (FakeStorm storm = new FakeStorm().seedDemoCustomers();
        StormClient client = Fakes.stormClient(storm).listenerFactory(listener).build()) {
      client.customerUpdater().update("1001", Customer.builder().email("edsger@example.com").build());
    }

    List<String> texts = new java.util.ArrayList<>(Fakes.meterTexts(meters));
    stopped.forEach(c -> texts.add(Fakes.observationText(c)));
    assertThat(texts).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text)
        .doesNotContain("@", "example", "Edsger", "Dijkstra", "Ada", "Lovelace", "7654321", "1234567", "556677",
            CUSTOMER, "424242", "1001", FakeBillbee.DEFAULT_API_KEY, FakeBillbee.DEFAULT_API_PASSWORD,
            FakeStorm.DEFAULT_CLIENT_SECRET, "http", "127.0.0.1"));
  }

  @Test
  void aCallMadeInsideTheApplicationsObservationIsItsChild() {
    Observation app = Observation.start("app.import", observations);
    try (Observation.Scope scope = app.openScope(); BillbeeClient client = client()) {
      client.getCustomer(Fakes.BILLBEE_ID);
    } finally {
      app.stop();
    }

    assertThat(stopped).filteredOn(c -> "customersync.requests".equals(c.getName())).singleElement()
        .satisfies(c -> assertThat(c.getParentObservation()).isSameAs(app));
  }

  @Test
  void aConventionOfTheApplicationRenamesTheObservationAndAddsAKey() {
    CustomerSyncObservationConvention renamed = new DefaultCustomerSyncObservationConvention() {
      @Override
      public String getName() {
        return "crm.vendor.calls";
      }

      @Override
      public io.micrometer.common.KeyValues getLowCardinalityKeyValues(CustomerSyncObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and("team", "crm");
      }
    };
    ObservationVendorCallListener custom = ObservationVendorCallListener.builder(observations).convention(renamed).build();
    try (BillbeeClient client = Fakes.billbeeClient(billbee).listenerFactory(custom).build()) {
      client.getCustomer(Fakes.BILLBEE_ID);
    }

    assertThat(observations).hasSingleObservationThat().hasNameEqualTo("crm.vendor.calls")
        .hasLowCardinalityKeyValue("team", "crm")
        .hasLowCardinalityKeyValue("status", "200");
    assertThat(meters.get("crm.vendor.calls").timer().count()).isEqualTo(1);
  }

  @Test
  void aRegistryThatRefusesAMeterNeverFailsTheCall() {
    // A counter already holds the timer's name: Micrometer refuses the timer with an exception.
    Counter.builder("customersync.ratelimit.wait").tag("vendor", "billbee").tag("operation", "get-customer")
        .register(meters);
    try (BillbeeClient client = client()) {
      assertThat(client.getCustomer(Fakes.BILLBEE_ID)).isNotNull();
    }

    assertThat(observations).hasSingleObservationThat().hasLowCardinalityKeyValue("outcome", "SUCCESS");
  }
}
