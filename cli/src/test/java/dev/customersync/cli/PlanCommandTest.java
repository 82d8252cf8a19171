package dev.customersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

  private final DemoVendors fakes = new DemoVendors();
  private final Map<String, String> stormEnv = CliRun.only(fakes.env(), "storm");

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    fakes.close();
  }

  @Test
  void printsEveryChangeAsVendorIdFieldBeforeAfterAndWritesNothing() throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "key,firstName,storm\nada,Augusta,1001\nalan,Alan,1003\n");

    CliRun.Result r = CliRun.run(stormEnv, "plan", file.toString());

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out().lines()).contains(
        "plan " + file + " (dry run: nothing is written) -> storm",
        "storm 1001 FirstName: \"Ada\" → \"Augusta\"",
        "  storm: 1 would change, 1 unchanged, 0 failed");
    assertThat(r.out()).contains("2 customers planned").doesNotContain("storm 1003");
    assertThat(fakes.storm.journal().count(e -> e.path().contains("UpdateCustomer"))).isZero();
  }

  @Test
  void showsACustomerItWouldCreateUnderItsKey() throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "key,firstName,lastName,email\nedsger,Edsger,Dijkstra,edsger@example.com\n");

    CliRun.Result r = CliRun.run(stormEnv, "plan", file.toString(), "--create-missing");

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out().lines()).anyMatch(l -> l.startsWith("storm (new edsger) ") && l.contains("→ \"Edsger\""));
    assertThat(r.out()).contains("storm: 1 would create, 0 failed");
    assertThat(fakes.storm.journal().count(e -> e.method().equals("POST") && !e.path().contains("token")
        && !e.path().contains("Get") && !e.path().contains("List"))).isZero();
  }

  @Test
  void writesNoReportUnlessAskedAndReportsBadRowsWhenAsked() throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "key,firstName,active,storm\nada,Augusta,perhaps,1001\n");
    Path report = dir.resolve("plan-report.jsonl");

    CliRun.Result quiet = CliRun.run(stormEnv, "plan", file.toString());
    CliRun.Result reported = CliRun.run(stormEnv, "plan", file.toString(), "--report", report.toString());

    assertThat(quiet.exitCode()).isEqualTo(1);
    assertThat(quiet.err()).contains("bad row, skipped: line 2: active: \"perhaps\" is not true or false");
    assertThat(reported.exitCode()).isEqualTo(1);
    assertThat(Files.readString(report)).contains("\"line\":2", "INVALID_ROW");
  }
}
