package dev.customersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryCommandTest {

  private final DemoVendors fakes = new DemoVendors();
  private final Map<String, String> stormEnv = CliRun.only(fakes.env(), "storm");

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    fakes.close();
  }

  @Test
  void carriesBadRowsOverAndRetriesOnlyTheFailedUpdates() throws IOException {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "key,firstName,active,storm\nada,Augusta,true,1001\nalan,Alan,perhaps,1003\nnobody,No,true,999999\n");
    Path report = dir.resolve("report.jsonl");
    CliRun.Result sync = CliRun.run(stormEnv, "sync", file.toString(), "--report", report.toString());
    assertThat(sync.exitCode()).isEqualTo(1);
    long writes = fakes.storm.journal().count(e -> e.path().contains("UpdateCustomer"));

    CliRun.Result retry = CliRun.run(stormEnv, "retry", report.toString());

    assertThat(retry.exitCode()).isEqualTo(1);
    assertThat(retry.out()).contains("1 bad rows from the earlier report are carried over", "FAILED nobody at storm 999999");
    // Only the failed update was sent again: ada's, which succeeded, was not.
    assertThat(fakes.storm.journal().count(e -> e.path().contains("UpdateCustomer"))).isEqualTo(writes);
    assertThat(Files.readAllLines(report)).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("\"line\":3", "INVALID_ROW"))
        .anySatisfy(l -> assertThat(l).contains("\"key\":\"nobody\"", "\"status\":\"FAILED\""));
  }

  @Test
  void aFileThatIsNotAReportIsAUsageError() throws IOException {
    Path notJson = dir.resolve("customers.csv");
    Files.writeString(notJson, "key,firstName\nada,Ada\n");

    CliRun.Result r = CliRun.run(stormEnv, "retry", notJson.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not a customer-sync report");
    assertThat(Files.readString(notJson)).startsWith("key,firstName");
  }
}
