package dev.customersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void plansSyncsAndPlansAgainAgainstTheFakesWithoutAFailureOrASecret() {
    CliRun.Result r = CliRun.run(Map.of(), "demo");

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("storm 1001 Phone: \"+46 8 123 45\" → \"+46 8 123 45 67\"",
        "  bokamera: 3 updated, 0 failed", "  billbee: 3 updated, 0 failed", "  storm: 3 updated, 0 failed",
        "  storm: 3 unchanged, 0 failed").endsWith("demo finished\n");
    // new-customers.csv has no vendor ids: the first run finds Ada by e-mail and creates the
    // others; the second, with the state the first wrote, makes no vendor call at all.
    String byEmail = r.out().substring(r.out().indexOf("new-customers.csv --create-missing"));
    assertThat(byEmail).contains("  storm: 2 created, 1 unchanged, 0 failed", "  billbee: 3 skipped, 0 failed",
        "  bokamera: 3 skipped, 0 failed", "  storm: 3 skipped, 0 failed");
    assertThat(byEmail.substring(byEmail.indexOf("same file again"))).contains("vendor calls: 0\n");
    assertThat(r.all()).doesNotContain("demo-password").doesNotContain(FakeStorm.DEFAULT_CLIENT_SECRET)
        .doesNotContain(FakeBillbee.DEFAULT_API_PASSWORD).doesNotContain(FakeBillbee.DEFAULT_API_KEY)
        .doesNotContain("Bearer ");
  }
}
