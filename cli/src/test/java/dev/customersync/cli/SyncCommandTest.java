package dev.customersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {

  private static final String STORM_WRITE = "/UpdateCustomer";

  private final DemoVendors fakes = new DemoVendors();
  private final Map<String, String> stormEnv = CliRun.only(fakes.env(), "storm");

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    fakes.close();
  }

  private Path csv(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private long stormWrites() {
    return fakes.storm.journal().count(e -> e.path().contains(STORM_WRITE));
  }

  @Test
  void syncsEveryGoodRowAndReportsEachBadRowWithItsLine() throws IOException {
    Path file = csv("customers.csv", "key,firstName,newsletterSubscribed,storm\n"
        + "ada,Augusta,true,1001\n"
        + "alan,Alan,maybe,1002\n"
        + "grace,Grace,,1002,extra\n"
        + "grace2,Gracie,false,1003\n");
    Path report = dir.resolve("report.jsonl");

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString(), "--report", report.toString());

    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(stormWrites()).isEqualTo(2);
    assertThat(r.out()).contains("4 rows read, 2 bad, 2 customers processed", "storm: 2 updated, 0 failed",
        "report: 2 lines in " + report);
    assertThat(r.err()).contains("bad row, skipped: line 3: newsletterSubscribed: \"maybe\" is not true or false",
        "bad row, skipped: line 4: the row has 5 cells, the header 4");
    assertThat(Files.readAllLines(report)).containsExactly(
        "{\"line\":3,\"key\":\"alan\",\"status\":\"INVALID_ROW\",\"reason\":\"newsletterSubscribed: \\\"maybe\\\" is not true or false\"}",
        "{\"line\":4,\"key\":\"grace\",\"status\":\"INVALID_ROW\",\"reason\":\"the row has 5 cells, the header 4\"}");
  }

  @Test
  void strictStopsAtTheFirstBadRowAfterSyncingTheRowsBeforeIt() throws IOException {
    Path file = csv("customers.csv", "key,firstName,newsletterSubscribed,storm\n"
        + "ada,Augusta,true,1001\n"
        + "alan,Alan,maybe,1002\n"
        + "grace,Gracie,false,1003\n");
    Path report = dir.resolve("report.jsonl");

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString(), "--strict", "--report", report.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(stormWrites()).isEqualTo(1);
    assertThat(r.out()).contains("stopped at the first bad row (--strict): line 3: newsletterSubscribed");
    assertThat(Files.readAllLines(report)).singleElement().asString().contains("\"line\":3");
  }

  @Test
  void exitsZeroWhenEveryRowSyncedAndLeavesNoReport() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\nalan,Alan,1003\n");
    Path report = dir.resolve("report.jsonl");
    Files.writeString(report, "{\"key\":\"from an earlier run\"}\n");

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString(), "--report", report.toString());

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("sync " + file + " -> storm", "2 rows read, 0 bad, 2 customers processed");
    assertThat(report).doesNotExist();
  }

  @Test
  void readsAQuotedCrlfFileWithAByteOrderMark() throws IOException {
    Path file = dir.resolve("excel.csv");
    Files.write(file, ("\uFEFFkey,lastName,firstName,storm\r\n"
        + "ada,\"Lovelace, Countess\",\"Augusta \"\"Ada\"\"\",1001\r\n").getBytes(StandardCharsets.UTF_8));

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString(), "--report", dir.resolve("r.jsonl").toString());

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(fakes.storm.journal().entries()).filteredOn(e -> e.path().contains(STORM_WRITE)).singleElement()
        .satisfies(e -> assertThat(e.body()).contains("Lovelace, Countess", "Augusta \\\"Ada\\\""));
  }

  @Test
  void syncsJsonLines() throws IOException {
    Path file = dir.resolve("customers.jsonl");
    Files.writeString(file, "{\"key\":\"ada\",\"customer\":{\"firstName\":\"Augusta\"},"
        + "\"links\":[{\"vendor\":\"storm\",\"customerId\":\"1001\"}]}\n");

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString(), "--report", dir.resolve("r.jsonl").toString());

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(stormWrites()).isEqualTo(1);
  }

  @Test
  void aMissingCredentialExitsTwoSendsNothingAndPrintsNoSecret() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm,billbee\nada,Augusta,1001,100000150176895\n");
    Map<String, String> env = new HashMap<>(fakes.env());
    env.remove("BILLBEE_USERNAME");

    CliRun.Result r = CliRun.run(env, "sync", file.toString(), "--report", dir.resolve("r.jsonl").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("missing BILLBEE_USERNAME", "nothing was sent");
    assertThat(r.all()).doesNotContain(FakeBillbee.DEFAULT_API_PASSWORD).doesNotContain(FakeBillbee.DEFAULT_API_KEY)
        .doesNotContain(FakeStorm.DEFAULT_CLIENT_SECRET);
    assertThat(fakes.storm.journal().size()).isZero();
    assertThat(fakes.billbee.journal().size()).isZero();
    assertThat(fakes.bokaMera.journal().size()).isZero();
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
  }

  @Test
  void noConfiguredVendorIsAUsageError() throws IOException {
    Path file = csv("customers.csv", "key,firstName\nada,Ada\n");

    CliRun.Result r = CliRun.run(Map.of(), "sync", file.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no vendor is configured: set BOKAMERA_API_KEY, BILLBEE_API_KEY or STORM_BASE_URL");
  }

  @Test
  void theConfigFileSuppliesCredentialsAndWinsOverTheEnvironment() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\n");
    Path config = dir.resolve("customer-sync.properties");
    StringBuilder props = new StringBuilder();
    stormEnv.forEach((k, v) -> props.append(k).append('=').append(v.replace(":", "\\:")).append('\n'));
    Files.writeString(config, props);
    // A wrong secret in the environment: the config file's must be the one used.
    Map<String, String> env = Map.of("STORM_BASE_URL", stormEnv.get("STORM_BASE_URL"), "STORM_CLIENT_SECRET", "wrong");

    CliRun.Result r = CliRun.run(env, "sync", file.toString(), "--config", config.toString(),
        "--report", dir.resolve("r.jsonl").toString());

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(stormWrites()).isEqualTo(1);
  }

  @Test
  void aMissingConfigFileIsAUsageError() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\n");

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString(), "--config", dir.resolve("nope.properties").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--config " + dir.resolve("nope.properties") + ": no such file");
  }

  @Test
  void vendorsChoosesWhichVendorsAreSyncedAndRejectsAnUnknownOne() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm,billbee\nada,Augusta,1001,100000150176895\n");

    CliRun.Result storm = CliRun.run(fakes.env(), "sync", file.toString(), "--vendors", "storm",
        "--report", dir.resolve("r.jsonl").toString());
    CliRun.Result unknown = CliRun.run(fakes.env(), "sync", file.toString(), "--vendors", "storm,shopify");

    assertThat(storm.exitCode()).as(storm.all()).isZero();
    assertThat(storm.out()).contains("-> storm\n").doesNotContain("billbee:");
    assertThat(fakes.billbee.journal().size()).isZero();
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--vendors: unknown vendor \"shopify\"; choose from bokamera, billbee, storm");
  }

  @Test
  void concurrencyIsSetPerVendorAndMustNameOneOfTheRunsVendors() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\nalan,Alan M.,1003\n");

    CliRun.Result ok = CliRun.run(stormEnv, "sync", file.toString(), "--concurrency", "storm=2",
        "--report", dir.resolve("r.jsonl").toString());
    CliRun.Result other = CliRun.run(stormEnv, "sync", file.toString(), "--concurrency", "billbee=2");
    CliRun.Result zero = CliRun.run(stormEnv, "sync", file.toString(), "--concurrency", "storm=0");
    CliRun.Result notANumber = CliRun.run(stormEnv, "sync", file.toString(), "--concurrency", "storm=many");

    assertThat(ok.exitCode()).as(ok.all()).isZero();
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("--concurrency billbee=2: billbee is not one of this run's vendors [storm]");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("must be at least 1");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(stormWrites()).isEqualTo(2);
  }

  @Test
  void aFailedUpdateGoesToTheReportAndRetryRetriesOnlyIt() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\nnobody,Nobody,999999\n");
    Path report = dir.resolve("report.jsonl");

    CliRun.Result first = CliRun.run(stormEnv, "sync", file.toString(), "--report", report.toString());

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.out()).contains("FAILED nobody at storm 999999", "retry the failed updates with: customer-sync retry " + report);
    assertThat(Files.readAllLines(report)).singleElement().asString().contains("\"key\":\"nobody\"", "\"status\":\"FAILED\"");

    fakes.storm.seedCustomer("{\"Id\":999999,\"Email\":\"nobody@example.com\",\"FirstName\":\"No\",\"IsActive\":true}");
    long writesBefore = stormWrites();
    CliRun.Result retry = CliRun.run(stormEnv, "retry", report.toString());

    assertThat(retry.exitCode()).as(retry.all()).isZero();
    assertThat(retry.out()).contains("retry " + report + " -> storm", "1 rows read, 0 bad, 1 customers processed");
    assertThat(stormWrites() - writesBefore).isEqualTo(1);
    assertThat(report).doesNotExist();
  }

  @Test
  void stateSkipsUnchangedCustomersOnTheNextRunAndFullReadsThemAgain() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\nalan,Alan,1003\n");
    Path state = dir.resolve("state/customer-sync");
    Path report = dir.resolve("r.jsonl");

    CliRun.Result first = CliRun.run(stormEnv, "sync", file.toString(), "--state", state.toString(), "--report", report.toString());
    int requestsAfterFirst = fakes.storm.journal().size();
    CliRun.Result second = CliRun.run(stormEnv, "sync", file.toString(), "--state", state.toString(), "--report", report.toString());
    int requestsAfterSecond = fakes.storm.journal().size();
    CliRun.Result full = CliRun.run(stormEnv, "sync", file.toString(), "--state", state.toString(), "--full",
        "--report", report.toString());

    assertThat(first.exitCode()).as(first.all()).isZero();
    assertThat(second.exitCode()).as(second.all()).isZero();
    assertThat(second.out()).contains("storm: 2 skipped, 0 failed");
    assertThat(requestsAfterSecond).isEqualTo(requestsAfterFirst);
    assertThat(full.exitCode()).as(full.all()).isZero();
    assertThat(full.out()).contains("storm: 2 unchanged, 0 failed");
  }

  @Test
  void aFileWithoutIdsFindsCustomersByEmailAndCreatesTheMissingOnlyWithCreateMissing() throws IOException {
    Path file = csv("customers.csv", "key,firstName,lastName,email\n"
        + "ada,Augusta,Lovelace,ada@example.com\n"
        + "edsger,Edsger,Dijkstra,edsger@example.com\n");
    Path report = dir.resolve("r.jsonl");

    CliRun.Result updateOnly = CliRun.run(stormEnv, "sync", file.toString(), "--report", report.toString());
    CliRun.Result creating = CliRun.run(stormEnv, "sync", file.toString(), "--create-missing", "--report", report.toString());

    assertThat(updateOnly.exitCode()).as(updateOnly.all()).isEqualTo(1);
    assertThat(updateOnly.out()).contains("storm: 1 updated, 1 failed", "FAILED edsger at storm");
    assertThat(creating.exitCode()).as(creating.all()).isZero();
    assertThat(creating.out()).contains("storm: 1 created, 1 unchanged, 0 failed");
    assertThat(report).doesNotExist();
  }

  @Test
  void createMissingAndFullReachTheEngine() {
    SyncCommand sync = new SyncCommand(new CliContext(Map.of(), null, null, null, false, null, false));
    new picocli.CommandLine(sync).parseArgs("customers.csv", "--create-missing", "--full");

    var options = SyncRun.engineOptions(sync.options, false).build();

    assertThat(options.createMissing()).isTrue();
    assertThat(options.fullResync()).isTrue();
    assertThat(options.dryRun()).isFalse();
  }

  @Test
  void progressGoesToTheErrorStreamAsPlainLinesWhenNotOnATerminal() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\nalan,Alan,1003\n");

    CliRun.Result r = CliRun.run(stormEnv, false, "sync", file.toString(), "--report", dir.resolve("r.jsonl").toString());

    assertThat(r.err()).doesNotContain("\r");
    assertThat(r.err().lines().filter(l -> l.startsWith("progress: "))).isNotEmpty()
        .last().asString().startsWith("progress: rows 2 read, 0 bad, 2 customers done | storm 2 done, 0 failed | ")
        .contains(" customers/s", "ETA ");
    assertThat(r.out()).doesNotContain("progress");
  }

  @Test
  void progressRewritesOneLineOnATerminal() throws IOException {
    Path file = csv("customers.csv", "key,firstName,storm\nada,Augusta,1001\n");

    CliRun.Result r = CliRun.run(stormEnv, true, "sync", file.toString(), "--report", dir.resolve("r.jsonl").toString());

    assertThat(r.err()).startsWith("\rrows ").contains("storm 1 done, 0 failed").doesNotContain("progress: ");
  }

  @Test
  void aFileWithAnUnknownColumnIsAUsageErrorAndSendsNothing() throws IOException {
    Path file = csv("customers.csv", "key,emial,storm\nada,ada@example.com,1001\n");

    CliRun.Result r = CliRun.run(stormEnv, "sync", file.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown column \"emial\"");
    assertThat(fakes.storm.journal().size()).isZero();
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun.Result r = CliRun.run(stormEnv, "sync", dir.resolve("nope.csv").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.csv: no such file");
  }

  @Test
  void everyOptionIsListedInTheHelp() {
    CliRun.Result r = CliRun.run(Map.of(), "sync", "--help");

    assertThat(r.exitCode()).isZero();
    for (String option : List.of("--vendors", "--create-missing", "--state", "--full", "--concurrency", "--report",
        "--strict", "--config")) {
      assertThat(r.out()).contains(option);
    }
    assertThat(r.out()).contains("Exit codes:", "the rows before the first bad one were synced");
  }
}
