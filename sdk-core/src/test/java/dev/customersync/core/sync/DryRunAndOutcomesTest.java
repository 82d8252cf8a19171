package dev.customersync.core.sync;

import static dev.customersync.core.sync.BulkSyncRobustnessTest.customer;
import static dev.customersync.core.sync.BulkSyncRobustnessTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Outcomes say whether a write was sent (UPDATED) or not needed (UNCHANGED), dry runs plan instead
 * of writing (WOULD_CHANGE / UNCHANGED), and none of these is ever a failure.
 */
class DryRunAndOutcomesTest {

  /**
   * A vendor that holds customers in memory and plans like the SDK's updaters: ids divisible by 3
   * already hold every value (no write needed), ids divisible by 10 fail, the others change their
   * first name. Counts every call so a test can prove a dry run never wrote.
   */
  static final class PlanningUpdater implements CustomerUpdater {
    final String vendor;
    final AtomicInteger updates = new AtomicInteger();
    final AtomicInteger plans = new AtomicInteger();
    final Map<String, Customer> written = new ConcurrentHashMap<>();

    PlanningUpdater(String vendor) {
      this.vendor = vendor;
    }

    @Override
    public String vendor() {
      return vendor;
    }

    @Override
    public UpdateResult update(String customerId, Customer customer) {
      updates.incrementAndGet();
      List<FieldChange> changes = changesFor(customerId, customer);
      if (!changes.isEmpty()) {
        written.put(customerId, customer);
      }
      return UpdateResult.builder().vendor(vendor).customerId(customerId).customer(customer).attempts(changes.isEmpty() ? 1 : 2)
          .written(!changes.isEmpty()).changes(changes).vendorResponse(customer).build();
    }

    @Override
    public UpdatePlan plan(String customerId, Customer customer) {
      plans.incrementAndGet();
      return UpdatePlan.builder().vendor(vendor).customerId(customerId).changes(changesFor(customerId, customer))
          .attempts(1).build();
    }

    private List<FieldChange> changesFor(String customerId, Customer customer) {
      int id = Integer.parseInt(customerId);
      if (id % 10 == 0) {
        throw VendorApiException.builder().vendor(vendor).statusCode(500).message("boom").attempts(1).build();
      }
      return id % 3 == 0 ? List.of()
          : List.of(FieldChange.of("FirstName", "\"Old" + id + "\"", "\"" + customer.firstName().orElseThrow() + "\""));
    }
  }

  /** An updater written before plan(..) existed: it can only update. */
  static final class LegacyUpdater implements CustomerUpdater {
    final AtomicInteger updates = new AtomicInteger();

    @Override
    public String vendor() {
      return "legacy";
    }

    @Override
    public UpdateResult update(String customerId, Customer customer) {
      updates.incrementAndGet();
      return UpdateResult.builder().vendor("legacy").customerId(customerId).customer(customer).attempts(1)
          .vendorResponse(customer).build();
    }
  }

  @Test
  void aBulkUpdateThatSentNoWriteIsCountedUnchangedAndNeverReachesTheFailureSink() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    StringWriter sink = new StringWriter();
    List<SyncProgress> progress = Collections.synchronizedList(new ArrayList<>());
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 4).build()) {
      SyncReport report = sync.syncAll(items(30, "storm"),
          SyncOptions.builder().failureSink(sink).listener(progress::add).build());

      // Of 1..30, 10, 20 and 30 fail; 3, 6, ... 27 (nine) already hold every value; the other 18 change.
      assertThat(report.count("storm", VendorOutcome.Status.FAILED)).isEqualTo(3);
      assertThat(report.count("storm", VendorOutcome.Status.UNCHANGED)).isEqualTo(9);
      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(18);
      assertThat(report.failures()).hasSize(3).allSatisfy(f -> assertThat(f.outcome().status()).isEqualTo(VendorOutcome.Status.FAILED));
      assertThat(sink.toString().lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"status\":\"FAILED\""));
      assertThat(report.dryRun()).isFalse();
      SyncProgress last = progress.get(progress.size() - 1);
      assertThat(last.updated()).isEqualTo(18);
      assertThat(last.unchanged()).isEqualTo(9);
      assertThat(last.failed()).isEqualTo(3);
    }
  }

  @Test
  void aBulkRunWhereEveryVendorAlreadyHeldEveryValueSucceedsWithoutAFailure() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    try (CustomerSync sync = CustomerSync.builder().updater(storm).build()) {
      SyncReport report = sync.syncAll(List.of(
          SyncItem.of("k3", customer(3), CustomerLink.of("storm", "3")),
          SyncItem.of("k6", customer(6), CustomerLink.of("storm", "6"))).stream());

      assertThat(report.count("storm", VendorOutcome.Status.UNCHANGED)).isEqualTo(2);
      assertThat(report.allSucceeded()).isTrue();
      assertThat(report.failures()).isEmpty();
    }
  }

  @Test
  void aDryRunPlansEveryUpdateWritesNothingAndHandsEachPlanToTheOutcomeListener() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    StringWriter sink = new StringWriter();
    Map<String, VendorOutcome> seen = new ConcurrentHashMap<>();
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 4).build()) {
      SyncReport report = sync.syncAll(items(30, "storm"), SyncOptions.builder().dryRun(true).failureSink(sink)
          .outcomeListener((item, o) -> seen.put(item.key(), o)).build());

      assertThat(storm.updates).hasValue(0);
      assertThat(storm.written).isEmpty();
      assertThat(storm.plans).hasValue(30);
      assertThat(report.dryRun()).isTrue();
      assertThat(report.count("storm", VendorOutcome.Status.WOULD_CHANGE)).isEqualTo(18);
      assertThat(report.count("storm", VendorOutcome.Status.UNCHANGED)).isEqualTo(9);
      assertThat(report.count("storm", VendorOutcome.Status.FAILED)).isEqualTo(3);
      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isZero();
      // Only the failures are failures: would-change and unchanged plans never reach the sink.
      assertThat(sink.toString().lines()).hasSize(3);
      assertThat(report.failures()).hasSize(3);
      assertThat(seen).hasSize(30);
      VendorOutcome wouldChange = seen.get("key-4");
      assertThat(wouldChange.status()).isEqualTo(VendorOutcome.Status.WOULD_CHANGE);
      assertThat(wouldChange.isSuccess()).isTrue();
      assertThat(wouldChange.isUpdated()).isFalse();
      assertThat(wouldChange.resultIfUpdated()).isEmpty();
      assertThat(wouldChange.planIfDryRun()).hasValueSatisfying(p -> assertThat(p.changes()).hasSize(1));
      assertThat(wouldChange.changes()).extracting(FieldChange::toString).containsExactly("FirstName: \"Old4\" → \"First4\"");
      assertThat(seen.get("key-3").status()).isEqualTo(VendorOutcome.Status.UNCHANGED);
      assertThat(seen.get("key-3").planIfDryRun()).hasValueSatisfying(p -> assertThat(p.isEmpty()).isTrue());
      assertThat(seen.get("key-10").status()).isEqualTo(VendorOutcome.Status.FAILED);
    }
  }

  @Test
  void aDryRunThroughAnUpdaterThatCannotPlanFailsEachUpdateWithAClearMessageAndWritesNothing() {
    LegacyUpdater legacy = new LegacyUpdater();
    try (CustomerSync sync = CustomerSync.builder().updater(legacy).build()) {
      SyncReport report = sync.syncAll(items(5, "legacy"), SyncOptions.builder().dryRun(true).build());

      assertThat(legacy.updates).hasValue(0);
      assertThat(report.count("legacy", VendorOutcome.Status.FAILED)).isEqualTo(5);
      assertThat(report.allSucceeded()).isFalse();
      assertThat(report.failures()).first().satisfies(f -> assertThat(f.outcome().error())
          .hasCauseInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("dry run: the legacy updater cannot plan an update without writing")
          .hasMessageContaining(LegacyUpdater.class.getName())
          .hasMessageContaining("nothing was sent to legacy"));
    }
  }

  @Test
  void syncOfOneCustomerIsUnchangedWhenTheVendorAlreadyHeldEveryValueAndThatIsNoFailure() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    PlanningUpdater billbee = new PlanningUpdater("billbee");
    try (CustomerSync sync = CustomerSync.builder().updater(storm).updater(billbee).build()) {
      SyncOutcome outcome = sync.sync(List.of(CustomerLink.of("storm", "3"), CustomerLink.of("billbee", "4")), customer(1));

      assertThat(outcome.outcomes()).extracting(VendorOutcome::status)
          .containsExactly(VendorOutcome.Status.UNCHANGED, VendorOutcome.Status.UPDATED);
      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(outcome.failures()).isEmpty();
      VendorOutcome unchanged = outcome.forVendor("storm").orElseThrow();
      assertThat(unchanged.isUpdated()).isFalse();
      assertThat(unchanged.isSuccess()).isTrue();
      assertThat(unchanged.resultIfUpdated()).hasValueSatisfying(r -> assertThat(r.written()).isFalse());
      assertThat(unchanged.changes()).isEmpty();
      assertThat(outcome.forVendor("billbee").orElseThrow().changes()).extracting(FieldChange::field).containsExactly("FirstName");
    }
  }

  @Test
  void planOfOneCustomerAsksEveryVendorWhatWouldChangeAndWritesNothing() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    PlanningUpdater billbee = new PlanningUpdater("billbee");
    LegacyUpdater legacy = new LegacyUpdater();
    try (CustomerSync sync = CustomerSync.builder().updater(storm).updater(billbee).updater(legacy).build()) {
      SyncOutcome outcome = sync.plan(List.of(CustomerLink.of("storm", "3"), CustomerLink.of("billbee", "4"),
          CustomerLink.of("legacy", "5"), CustomerLink.of("nope", "6")), customer(1));

      assertThat(outcome.outcomes()).extracting(VendorOutcome::status).containsExactly(VendorOutcome.Status.UNCHANGED,
          VendorOutcome.Status.WOULD_CHANGE, VendorOutcome.Status.FAILED, VendorOutcome.Status.FAILED);
      assertThat(outcome.forVendor("billbee").orElseThrow().planIfDryRun().orElseThrow().changes())
          .containsExactly(FieldChange.of("FirstName", "\"Old4\"", "\"First1\""));
      assertThat(outcome.forVendor("legacy").orElseThrow().error()).hasMessageContaining("cannot plan");
      assertThat(outcome.failures()).extracting(VendorOutcome::vendor).containsExactly("legacy", "nope");
      assertThat(storm.updates.get() + billbee.updates.get() + legacy.updates.get()).isZero();
      assertThat(storm.written).isEmpty();
      assertThat(billbee.written).isEmpty();
    }
  }

  @Test
  void theReportAndTheProgressLineCountUpdatedUnchangedWouldChangeAndFailedPerVendor() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    PlanningUpdater billbee = new PlanningUpdater("billbee");
    List<SyncProgress> progress = Collections.synchronizedList(new ArrayList<>());
    try (CustomerSync sync = CustomerSync.builder().updater(storm).updater(billbee).build()) {
      SyncReport real = sync.syncAll(items(30, "storm", "billbee"), SyncOptions.builder().listener(progress::add).build());

      assertThat(real.toString()).contains("items=30", "billbee: 18 updated, 9 unchanged, 3 failed",
          "storm: 18 updated, 9 unchanged, 3 failed").doesNotContain("would change", "dry run");
      assertThat(progress.get(progress.size() - 1).toLine())
          .startsWith("30 customers done, 36 updated, 18 unchanged, 6 failed |").doesNotContain("would change");

      progress.clear();
      SyncReport dry = sync.syncAll(items(30, "storm", "billbee"),
          SyncOptions.builder().dryRun(true).listener(progress::add).build());

      assertThat(dry.toString()).contains("dry run", "storm: 0 updated, 18 would change, 9 unchanged, 3 failed");
      assertThat(progress.get(progress.size() - 1).toLine())
          .startsWith("30 customers done, 0 updated, 36 would change, 18 unchanged, 6 failed |");
    }
  }

  @Test
  void readRetryItemsSkipsLinesOfOutcomesThatSucceeded() {
    String lines = """
        {"key":"a","vendor":"storm","customerId":"1","status":"FAILED","attempts":1,"durationMs":3,"customer":{"firstName":"A"}}
        {"key":"b","vendor":"storm","customerId":"2","status":"UNCHANGED","attempts":1,"durationMs":3,"customer":{"firstName":"B"}}
        {"key":"c","vendor":"storm","customerId":"3","status":"WOULD_CHANGE","attempts":1,"durationMs":3,"customer":{"firstName":"C"}}
        {"key":"d","vendor":"storm","customerId":"4","status":"UPDATED","attempts":1,"durationMs":3,"customer":{"firstName":"D"}}
        {"key":"e","vendor":"storm","customerId":"5","status":"CANCELLED","attempts":0,"durationMs":0,"customer":{"firstName":"E"}}
        """;

    List<SyncItem> retry = SyncReport.readRetryItems(new StringReader(lines));

    assertThat(retry).extracting(SyncItem::key).containsExactly("a", "e");
  }

  @Test
  void anOutcomeListenerThatThrowsNeitherStopsTheRunNorLosesAnOutcome() {
    PlanningUpdater storm = new PlanningUpdater("storm");
    AtomicInteger calls = new AtomicInteger();
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 2).build()) {
      SyncJob job = sync.start(items(100, "storm"), SyncOptions.builder().outcomeListener((item, o) -> {
        calls.incrementAndGet();
        throw new NoClassDefFoundError("com/example/Printer");
      }).build());

      assertThat(job.report()).succeedsWithin(Duration.ofSeconds(20));
      SyncReport report = job.join();
      assertThat(calls).hasValue(100);
      assertThat(report.count("storm", VendorOutcome.Status.UPDATED) + report.count("storm", VendorOutcome.Status.UNCHANGED)
          + report.count("storm", VendorOutcome.Status.FAILED)).isEqualTo(100);
    }
  }

  @Test
  void anOutcomesToStringShowsHowManyChangesAPlanHasButNotTheirValues() {
    UpdatePlan plan = UpdatePlan.builder().vendor("storm").customerId("4")
        .addChanges(FieldChange.of("Email", "\"old@example.com\"", "\"new@example.com\"")).attempts(1).build();

    VendorOutcome outcome = VendorOutcome.planned(CustomerLink.of("storm", "4"), plan, Duration.ZERO);

    assertThat(outcome.toString()).contains("WOULD_CHANGE", "plan=1 changes").doesNotContain("example.com");
  }

  @Test
  void theOldSevenPartConstructorStillBuildsAnOutcomeWithoutAPlan() {
    VendorOutcome o = new VendorOutcome("acme", "1", VendorOutcome.Status.CANCELLED, null, null, 0, Duration.ZERO);

    assertThat(o.planIfDryRun()).isEmpty();
    assertThat(o.changes()).isEmpty();
    assertThat(o.isSuccess()).isFalse();
  }
}
