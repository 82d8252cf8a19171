package dev.customersync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.sync.CustomerSyncTest.StubUpdater;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The friction a first day with {@link CustomerSync} met: one customer for every vendor, vendor
 * names nobody checked, a raw executor error after close, and two argument orders.
 */
class CustomerSyncFirstDayTest {

  private final StubUpdater billbee = new StubUpdater("billbee");
  private final StubUpdater storm = new StubUpdater("storm");

  private CustomerSync sync() {
    return CustomerSync.builder().updater(billbee).updater(storm).build();
  }

  private static Customer withCompany(String company) {
    return Customer.builder().firstName("Ada").companyName(company).build();
  }

  @Test
  void perVendorOverrideGoesOnlyToThatVendorInOneSync() {
    SyncItem item = SyncItem.of("ada", withCompany("Acme"), CustomerLink.of("billbee", "1"), CustomerLink.of("storm", "2"))
        .withCustomerFor("billbee", withCompany(""));

    try (CustomerSync sync = sync()) {
      SyncOutcome outcome = sync.sync(item);

      assertThat(outcome.allSucceeded()).isTrue();
    }
    assertThat(billbee.store.get("1").companyName()).contains("");
    assertThat(storm.store.get("2").companyName()).contains("Acme");
  }

  @Test
  void perVendorOverrideAppliesInBulkRunsAndTheirRetryFiles() {
    SyncItem item = SyncItem.of("ada", withCompany("Acme"), CustomerLink.of("billbee", "1"), CustomerLink.of("storm", "2"))
        .withCustomerFor("Billbee", withCompany(""));
    billbee.failWith = (id, c) -> new CustomerSyncException("down");
    storm.failWith = (id, c) -> new CustomerSyncException("down");

    SyncReport report;
    try (CustomerSync sync = sync()) {
      report = sync.syncAll(Stream.of(item));
    }
    java.io.StringWriter out = new java.io.StringWriter();
    report.writeJsonLines(out);
    // Every failure, permanent ones too: this pins the overrides a retry keeps, not which lines are taken.
    List<SyncItem> retry = SyncReport.readRetryItems(new java.io.StringReader(out.toString()), true);

    assertThat(retry).singleElement().satisfies(r -> {
      assertThat(r.customerFor("billbee").companyName()).contains("");
      assertThat(r.customerFor("storm").companyName()).contains("Acme");
    });
  }

  @Test
  void linkVendorNamesMatchCaseInsensitively() {
    try (CustomerSync sync = sync()) {
      SyncOutcome outcome = sync.sync(withCompany("Acme"), CustomerLink.of("Billbee", "1"));
      SyncReport report = sync.syncAll(Stream.of(SyncItem.of("k", withCompany("Acme"), CustomerLink.of("STORM", "2"))));

      assertThat(outcome.outcomes()).singleElement().satisfies(o -> {
        assertThat(o.isSuccess()).isTrue();
        assertThat(o.vendor()).isEqualTo("billbee");
      });
      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    }
  }

  @Test
  void unknownVendorInALinkFailsNamingTheRegisteredOnes() {
    try (CustomerSync sync = sync()) {
      VendorOutcome o = sync.sync(withCompany("Acme"), CustomerLink.of("billbe", "1")).outcomes().get(0);

      assertThat(o.error()).hasMessageContaining("\"billbe\"").hasMessageContaining("[billbee, storm]");
    }
  }

  @Test
  void linkFactoryChecksTheVendorNameWhenTheLinkIsMade() {
    try (CustomerSync sync = sync()) {
      assertThat(sync.link("BillBee", "1")).isEqualTo(CustomerLink.of("billbee", "1"));
      assertThat(sync.linkByEmail("Storm")).isEqualTo(CustomerLink.byEmail("storm"));
      assertThatThrownBy(() -> sync.link("billbe", "1")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[billbee, storm]");
    }
  }

  @Test
  void concurrencyForAnUnregisteredVendorFailsAtBuild() {
    assertThatThrownBy(() -> CustomerSync.builder().updater(billbee).concurrency("billbe", 8).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("billbe").hasMessageContaining("[billbee]");
  }

  @Test
  void concurrencyMatchesVendorNamesCaseInsensitively() {
    try (CustomerSync sync = CustomerSync.builder().updater(billbee).concurrency("BILLBEE", 3).build()) {
      assertThat(sync.vendors()).containsExactly("billbee");
    }
  }

  @Test
  void twoUpdatersWhoseNamesDifferOnlyInCaseAreRefused() {
    assertThatThrownBy(() -> CustomerSync.builder().updater(billbee).updater(new StubUpdater("Billbee")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
  }

  @Test
  void syncAfterCloseThrowsSyncClosedExceptionNamingTheSync() {
    CustomerSync sync = sync();
    sync.close();

    assertThatThrownBy(() -> sync.sync(withCompany("Acme"), CustomerLink.of("billbee", "1")))
        .isInstanceOf(SyncClosedException.class).isInstanceOf(CustomerSyncException.class)
        .hasMessageContaining("[billbee, storm]").hasMessageContaining("closed");
    assertThatThrownBy(() -> sync.syncAll(Stream.of())).isInstanceOf(SyncClosedException.class);
    assertThat(billbee.calls.get()).isZero();
  }

  @Test
  void customerComesFirstInEverySingleCustomerCall() {
    try (CustomerSync sync = sync()) {
      Customer c = withCompany("Acme");
      assertThat(sync.sync(c, CustomerLink.of("billbee", "1")).allSucceeded()).isTrue();
      assertThat(sync.sync(c, List.of(CustomerLink.of("storm", "1"))).allSucceeded()).isTrue();
      assertThat(sync.syncAsync(c, List.of(CustomerLink.of("storm", "1"))).join().allSucceeded()).isTrue();
      assertThat(SyncItem.of("k", c, CustomerLink.of("billbee", "1")).customer()).isEqualTo(c);
    }
  }
}
