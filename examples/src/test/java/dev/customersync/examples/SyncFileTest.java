package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFileTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void failuresStreamToTheReportFileWhichRetryReadsBack(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "key,firstName,storm\nada,Ada,1001\nnobody,Nobody,999999\n");
    Path failures = dir.resolve("failures.jsonl");
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      SyncReport first = SyncFile.run(vendors,
          new String[] {csv.toString(), "--vendors", "storm", "--report", failures.toString()}, out);

      assertThat(first.failuresWritten()).isEqualTo(1);
      assertThat(Files.readAllLines(failures)).singleElement().asString()
          .contains("\"key\":\"nobody\"", "\"customerId\":\"999999\"", "\"status\":\"FAILED\"");
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1 failures written to " + failures);

      SyncReport retry = SyncFile.run(vendors,
          new String[] {"--retry", failures.toString(), "--vendors", "storm", "--report", failures.toString()}, out);

      assertThat(retry.itemsRead()).isEqualTo(1);
      assertThat(retry.failuresWritten()).isEqualTo(1);
    }
  }

  @Test
  void aFileWithoutVendorIdsIsMatchedByEmailCreatedOnceAndSkippedTheSecondTime(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "key,firstName,lastName,email,phone\n"
        + "edsger,Edsger,Dijkstra,edsger@example.com,+31 20 555 01 02\n"
        + "barbara,Barbara,Liskov,barbara@example.com,+1 617 555 0199\n");
    String[] args = {csv.toString(), "--vendors", "billbee,storm", "--create-missing", "--state",
        dir.resolve("state").toString(), "--report", dir.resolve("failures.jsonl").toString()};
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      SyncReport first = SyncFile.run(vendors, args, out);
      SyncReport second = SyncFile.run(vendors, args, out);

      assertThat(first.total(VendorOutcome.Status.CREATED)).isEqualTo(4);
      assertThat(second.total(VendorOutcome.Status.SKIPPED)).isEqualTo(4);
      assertThat(second.total(VendorOutcome.Status.CREATED) + second.total(VendorOutcome.Status.UPDATED)).isZero();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("2 created", "2 skipped");
    }
  }

  @Test
  void aRunWithoutFailuresLeavesNoStaleFailuresFile(@TempDir Path dir) throws IOException {
    Path failures = dir.resolve("failures.jsonl");
    Files.writeString(failures, "{\"key\":\"from an earlier run\"}\n");
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      SyncReport report = SyncFile.run(vendors, new String[] {"--report", failures.toString()}, out);

      assertThat(report.allSucceeded()).isTrue();
      assertThat(failures).doesNotExist();
    }
  }

  /** Plans like the SDK's updaters: customer 1001's first name is "Ada", customer 1002 already holds every value. */
  private static final class PlanningStorm implements CustomerUpdater {
    final AtomicInteger updates = new AtomicInteger();

    @Override
    public String vendor() {
      return "storm";
    }

    @Override
    public UpdateResult update(String customerId, Customer customer) {
      updates.incrementAndGet();
      throw new AssertionError("a dry run must never update");
    }

    @Override
    public UpdatePlan plan(String customerId, Customer customer) {
      List<FieldChange> changes = customerId.equals("1001")
          ? List.of(FieldChange.of("FirstName", "\"Ada\"", "\"" + customer.firstName().orElseThrow() + "\""),
              FieldChange.of("Phone", null, "\"+46 8 1\""))
          : List.of();
      return UpdatePlan.builder().vendor("storm").customerId(customerId).changes(changes).attempts(1).build();
    }
  }

  @Test
  void aDryRunPrintsEachWouldBeChangeAndTheCountsPerVendorAndWritesNothing(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "key,firstName,storm\nada,Augusta,1001\nalan,Alan,1002\n");
    Path failures = dir.resolve("failures.jsonl");
    Files.writeString(failures, "{\"key\":\"from a real run, to retry\"}\n");
    PlanningStorm storm = new PlanningStorm();

    SyncReport report = SyncFile.run(List.of(storm), v -> v + " (stub)",
        new String[] {csv.toString(), "--dry-run", "--report", failures.toString()}, out);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).contains(
        "storm 1001 FirstName: \"Ada\" → \"Augusta\"",
        "storm 1001 Phone: (absent) → \"+46 8 1\"",
        "  storm: 1 would change, 1 unchanged, 0 failed");
    assertThat(printed).contains("dry run (nothing is written) against storm (stub)", "(dry run: nothing was written)")
        .doesNotContain("storm 1002");
    assertThat(report.dryRun()).isTrue();
    assertThat(report.count("storm", VendorOutcome.Status.WOULD_CHANGE)).isEqualTo(1);
    assertThat(report.allSucceeded()).isTrue();
    assertThat(storm.updates).hasValue(0);
    // The failures a real run left for --retry are still there.
    assertThat(Files.readString(failures)).contains("from a real run, to retry");
  }

  @Test
  void aDryRunAgainstTheFakesWritesNothingAndPrintsWhatWouldChange(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "key,firstName,storm\nada,Augusta,1001\n");
    Path failures = dir.resolve("failures.jsonl");
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      SyncReport report = SyncFile.run(vendors,
          new String[] {csv.toString(), "--vendors", "storm", "--dry-run", "--report", failures.toString()}, out);

      assertThat(vendors.lastWriteSent("storm")).isEmpty();
      assertThat(failures).doesNotExist();
      String printed = bytes.toString(StandardCharsets.UTF_8);
      boolean cannotPlan = report.count("storm", VendorOutcome.Status.FAILED) == 1
          && report.failures().get(0).outcome().error().getMessage().contains("cannot plan");
      if (cannotPlan) {
        // Until the Storm updater implements plan(..): each update fails, saying why, and nothing is sent.
        assertThat(printed).contains("storm: 0 would change, 0 unchanged, 1 failed", "cannot plan an update without writing");
      }
      assumeTrue(!cannotPlan, "the Storm updater on this branch cannot plan yet");
      assertThat(printed.lines()).contains("storm 1001 FirstName: \"Ada\" → \"Augusta\"", "  storm: 1 would change, 0 unchanged, 0 failed");
      assertThat(report.allSucceeded()).isTrue();
    }
  }
}
