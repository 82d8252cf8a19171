package dev.customersync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.Customer;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.testkit.FakeBillbee;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real sync run against {@code FakeBillbee}, its outcomes counted on a {@link SimpleMeterRegistry}. */
class MicrometerOutcomeListenerTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FakeBillbee billbee = Fakes.billbee().seedSample(2);
  private final BillbeeClient client = Fakes.billbeeClient(billbee).build();
  private final CustomerSync sync = CustomerSync.builder().updater(client.customerUpdater()).build();

  @AfterEach
  void close() {
    sync.close();
    client.close();
    billbee.close();
  }

  private static SyncItem item(String key, String id, Customer customer) {
    return SyncItem.of(key, customer, CustomerLink.of("billbee", id));
  }

  private double count(String status) {
    var counter = meters.find("customersync.sync.items").tags("vendor", "billbee", "status", status).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aSyncRunCountsEveryOutcomeByVendorAndStatus() {
    String changed = Long.toString(Fakes.BILLBEE_ID);
    SyncReport report = sync.syncAll(Stream.of(
        item("a", changed, Customer.builder().vatId("DE999999999").build()),
        item("b", "2", Customer.builder().vatId("DE123456789").build()),   // the sample's own value
        item("c", "2", Customer.builder().email("ada@example.com").build()),
        item("d", "4242", Customer.builder().vatId("DE1").build())),        // no such customer
        SyncOptions.builder().outcomeListener(MicrometerOutcomeListener.of(meters)).build());

    assertThat(report.count("billbee", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    assertThat(count("UPDATED")).isEqualTo(1);
    assertThat(count("UNCHANGED")).isEqualTo(2);
    assertThat(count("FAILED")).isEqualTo(1);
    assertThat(meters.get("customersync.sync.items").counters()).hasSize(3);
    assertThat(Fakes.meterTexts(meters)).allSatisfy(text -> assertThat(text)
        .doesNotContain(changed, "4242", "@", "DE999999999").containsPattern("^customersync\\.sync\\.items "));
  }

  @Test
  void aDryRunCountsWhatWouldChange() {
    sync.syncAll(Stream.of(item("a", Long.toString(Fakes.BILLBEE_ID), Customer.builder().vatId("DE999999999").build())),
        SyncOptions.builder().dryRun(true).outcomeListener(MicrometerOutcomeListener.of(meters)).build());

    assertThat(count("WOULD_CHANGE")).isEqualTo(1);
    assertThat(count("UPDATED")).isZero();
  }
}
