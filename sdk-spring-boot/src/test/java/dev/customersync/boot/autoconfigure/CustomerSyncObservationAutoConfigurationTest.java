package dev.customersync.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.Customer;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.sync.OutcomeListener;
import dev.customersync.micrometer.MicrometerOutcomeListener;
import dev.customersync.micrometer.ObservationVendorCallListener;
import dev.customersync.testkit.FakeBillbee;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Micrometer wiring: a registry bean makes every auto-configured client observed. */
class CustomerSyncObservationAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CustomerSyncObservationAutoConfiguration.class,
          BillbeeAutoConfiguration.class, BokaMeraAutoConfiguration.class, StormAutoConfiguration.class,
          CustomerSyncAutoConfiguration.class));

  private final FakeBillbee billbee = new FakeBillbee().throttling(false);

  CustomerSyncObservationAutoConfigurationTest() {
    billbee.start();
    billbee.seedSample(CustomerSyncAutoConfigurationTest.BILLBEE_ID);
  }

  @AfterEach
  void stopFake() {
    billbee.close();
  }

  private static void update(BillbeeClient client) {
    client.customerUpdater().update(Long.toString(CustomerSyncAutoConfigurationTest.BILLBEE_ID),
        Customer.builder().email("augusta@example.net").build());
  }

  @Test
  void whenThereIsAnObservationRegistryThenAnUpdateThroughTheClientBeanIsObserved() {
    TestObservationRegistry observations = TestObservationRegistry.create();
    runner.withBean(ObservationRegistry.class, () -> observations)
        .withPropertyValues(CustomerSyncAutoConfigurationTest.billbeeProperties(billbee)).run(context -> {
          assertThat(context.getBean("customerSyncVendorCallListener")).isInstanceOf(ObservationVendorCallListener.class);
          update(context.getBean(BillbeeClient.class));
          // A read and a write: one Observation per logical call.
          TestObservationRegistryAssert.assertThat(observations)
              .hasNumberOfObservationsWithNameEqualTo("customersync.requests", 2)
              .hasAnObservation(o -> o.hasNameEqualTo("customersync.requests")
                  .hasLowCardinalityKeyValue("vendor", "billbee")
                  .hasLowCardinalityKeyValue("operation", "update-customer"));
        });
  }

  @Test
  void whenThereIsOnlyAMeterRegistryThenAnUpdateThroughTheClientBeanIsTimed() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    runner.withBean(MeterRegistry.class, () -> meters)
        .withPropertyValues(CustomerSyncAutoConfigurationTest.billbeeProperties(billbee)).run(context -> {
          update(context.getBean(BillbeeClient.class));
          assertThat(meters.get("customersync.requests").tags("vendor", "billbee", "operation", "update-customer")
              .timer().count()).isEqualTo(1);
          assertThat(context.getBean("customerSyncOutcomeListener", OutcomeListener.class))
              .isInstanceOf(MicrometerOutcomeListener.class);
        });
  }

  @Test
  void whenThereIsNoRegistryThenTheWiringBacksOff() {
    runner.withPropertyValues(CustomerSyncAutoConfigurationTest.billbeeProperties(billbee)).run(context -> {
      assertThat(context).hasSingleBean(BillbeeClient.class).doesNotHaveBean(VendorCallListener.Factory.class)
          .doesNotHaveBean(BillbeeClientBuilderCustomizer.class).doesNotHaveBean(OutcomeListener.class);
    });
  }

  @Test
  void whenTheMicrometerModuleIsAbsentThenTheWiringBacksOffAndTheClientStillWorks() {
    runner.withClassLoader(new FilteredClassLoader(ObservationVendorCallListener.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues(CustomerSyncAutoConfigurationTest.billbeeProperties(billbee)).run(context -> {
          assertThat(context).hasSingleBean(BillbeeClient.class).doesNotHaveBean(BillbeeClientBuilderCustomizer.class);
          update(context.getBean(BillbeeClient.class));
        });
  }
}
