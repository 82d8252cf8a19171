package dev.customersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerSyncCommandTest {

  @Test
  void versionNamesTheProjectVersion() {
    CliRun.Result r = CliRun.run(Map.of(), "--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("customer-sync 0.").doesNotContain("${project.version}");
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CliRun.Result r = CliRun.run(Map.of(), "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("sync", "plan", "retry", "demo", "Exit codes:",
        "0   every row synced", "1   some rows were bad or some updates failed", "2   bad usage or configuration");
  }

  @Test
  void withoutACommandItExitsTwoNamingTheCommands() {
    CliRun.Result r = CliRun.run(Map.of());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("name a command: sync, plan, retry or demo");
  }

  @Test
  void anUnknownOptionExitsTwo() {
    CliRun.Result r = CliRun.run(Map.of(), "sync", "customers.csv", "--password", "hunter2");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option");
  }

  @Test
  void aMissingFileArgumentExitsTwo() {
    CliRun.Result r = CliRun.run(Map.of(), "sync");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'FILE'");
  }
}
