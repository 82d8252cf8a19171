package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.Customer;
import dev.customersync.core.UpdateResult;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your integration", run: a client wired to each fake in a few lines, a
 * scripted fault, what was sent, and the speed switches. {@link #pushesFourCustomersTheOldWay} and
 * {@link #pushesFourCustomersTheNewWay} are the before/after; they print their run time
 * (not asserted: timing is the machine's).
 */
class TestingAgainstTheFakesTest {

  private static final int PUSHES = 4;

  @Test
  void pushesFourCustomersTheOldWay() {
    // Before: every URL and credential by hand, real throttles, seeding in vendor JSON.
    FakeBillbee billbeeFake = new FakeBillbee();
    billbeeFake.start();
    FakeStorm stormFake = new FakeStorm();
    stormFake.start();
    try (billbeeFake; stormFake;
        BillbeeClient billbee = BillbeeClient.builder().baseUrl(billbeeFake.url("/").toString())
            .apiKey(FakeBillbee.DEFAULT_API_KEY).username(FakeBillbee.DEFAULT_USERNAME)
            .apiPassword(FakeBillbee.DEFAULT_API_PASSWORD).build();
        StormClient storm = StormClient.builder().baseUrl(stormFake.baseUrl().toString())
            .tokenUrl(stormFake.tokenUrl().toString()).applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
            .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, null).build()) {
      List<Long> billbeeIds = new ArrayList<>();
      List<Integer> stormIds = new ArrayList<>();
      for (int i = 0; i < PUSHES; i++) {
        billbeeFake.seed(100 + i, "{\"Name\": \"Old Name\", \"Email\": \"c" + i + "@example.com\", \"Type\": 0}");
        billbeeIds.add(100L + i);
        stormIds.add(stormFake.seedCustomer("Old", "Name", "c" + i + "@example.com"));
      }

      long ms = push(billbee, billbeeIds.stream().map(String::valueOf).toList(), storm,
          stormIds.stream().map(String::valueOf).toList());

      System.out.printf("old way: %d pushes to Billbee and Storm took %d ms%n", PUSHES, ms);
      assertThat(billbeeFake.customer(100).orElseThrow().get("Name").asText()).isEqualTo("Ada Lovelace");
    }
  }

  @Test
  void pushesFourCustomersTheNewWay() {
    // After: the fake hands out its settings, relaxed() switches off the throttle and token limits.
    try (FakeBillbee billbeeFake = new FakeBillbee().relaxed().start();
        FakeStorm stormFake = new FakeStorm().relaxed().start();
        BillbeeClient billbee = BillbeeClient.builder().settings(billbeeFake.clientSettings()).build();
        StormClient storm = StormClient.builder().settings(stormFake.clientSettings()).build()) {
      List<String> billbeeIds = new ArrayList<>();
      List<String> stormIds = new ArrayList<>();
      for (int i = 0; i < PUSHES; i++) {
        Customer old = Customer.builder().firstName("Old").lastName("Name").email("c" + i + "@example.com").build();
        billbeeIds.add(String.valueOf(billbeeFake.seed(old)));
        stormIds.add(String.valueOf(stormFake.seed(old)));
      }

      long ms = push(billbee, billbeeIds, storm, stormIds);

      System.out.printf("new way: %d pushes to Billbee and Storm took %d ms%n", PUSHES, ms);
      assertThat(billbeeFake.journal().countMatching(FakeBillbee.writeCalls())).isEqualTo(PUSHES);
      assertThat(stormFake.journal().countMatching(FakeStorm.writeCalls())).isEqualTo(PUSHES);
    }
  }

  @Test
  void theReadmesThreeLineTest() {
    try (FakeBillbee fake = new FakeBillbee().relaxed().start();
         BillbeeClient billbee = BillbeeClient.builder().settings(fake.clientSettings()).build()) {
      long id = fake.seed(Customer.builder().firstName("Ada").lastName("Lovelace").build());

      billbee.customerUpdater().update(Long.toString(id), Customer.builder().email("ada@example.com").build());

      assertThat(fake.customer(id).orElseThrow().get("Email").asText()).isEqualTo("ada@example.com");
    }
  }

  @Test
  void aSharedStormFakeServesAFreshClientPerTestWithoutStallingOnTheTokenLimit() {
    try (FakeStorm shared = new FakeStorm().relaxed().start()) {
      int id = shared.seed(Customer.builder().firstName("Ada").lastName("L").email("ada@example.com").build());
      for (int test = 0; test < 6; test++) {
        try (StormClient client = StormClient.builder().settings(shared.clientSettings()).build()) {
          client.customerUpdater().update(String.valueOf(id), Customer.builder().phone("+46 8 " + test).build());
        }
      }
      assertThat(shared.tokenRequests()).as("one token per client, none refused").isEqualTo(6);
      assertThat(shared.journal().entries()).noneMatch(e -> e.fault() != null);
    }
  }

  @Test
  void scriptsAFaultAndInspectsWhatWasSent() {
    try (FakeBokaMera fake = new FakeBokaMera().start();
        BokaMeraClient client = BokaMeraClient.builder().settings(fake.clientSettings()).build()) {
      UUID id = fake.seed(Customer.builder().firstName("Ada").lastName("Lovelace").phone("+46 8 1").build());
      fake.faults().next(FakeBokaMera.writeCalls(), Fault.status(503));

      UpdateResult r = client.customerUpdater().update(id.toString(), Customer.builder().email("ada@example.com").build());

      assertThat(r.attempts()).as("the read, the refused write and its retry").isEqualTo(3);
      assertThat(fake.journal().countMatching(FakeBokaMera.writeCalls())).isEqualTo(2);
      assertThat(fake.journal().matching(FakeBokaMera.writeCalls()).get(1).body()).contains("\"Email\":\"ada@example.com\"");
      assertThat(fake.customer(id).orElseThrow().get("Email").asText()).isEqualTo("ada@example.com");
    }
  }

  private static long push(BillbeeClient billbee, List<String> billbeeIds, StormClient storm, List<String> stormIds) {
    Customer ada = Customer.builder().firstName("Ada").lastName("Lovelace").build();
    long start = System.nanoTime();
    for (int i = 0; i < PUSHES; i++) {
      assertThat(billbee.customerUpdater().update(billbeeIds.get(i), ada).written()).isTrue();
      assertThat(storm.customerUpdater().update(stormIds.get(i), ada).written()).isTrue();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
