package dev.customersync.cli;

import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.FakeVendorServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three fake vendors of {@code sdk-testkit}, started in this JVM and seeded with the customers
 * of the bundled {@code sample-customers.csv}, and the settings that point the commands at them:
 * the demo goes through exactly the code a real run does.
 */
final class DemoVendors implements AutoCloseable {

  private static final List<UUID> BOKAMERA_IDS = List.of(
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b01"),
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b02"),
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b03"));
  private static final List<Long> BILLBEE_IDS = List.of(100000150176895L, 100000150176896L, 100000150176897L);
  private static final String[][] PEOPLE = {{"Ada", "Lovelace", "ada@example.com"},
      {"Alan", "Turing", "alan@example.com"}, {"Grace", "Hopper", "grace@example.com"}};
  private static final String USER = "demo@example.com";
  private static final String PASSWORD = "demo-password";

  final FakeBokaMera bokaMera = new FakeBokaMera();
  final FakeBillbee billbee = new FakeBillbee();
  // Storm allows 3 token requests a minute per IP. In real use each command is its own process
  // with its own token; the demo runs five commands in one minute, each with a new client.
  final FakeStorm storm = new FakeStorm().tokenRequestsPerMinute(10);
  private final List<FakeVendorServer> started = new ArrayList<>();

  DemoVendors() {
    try {
      start(bokaMera);
      start(billbee);
      start(storm);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    bokaMera.addUser(USER, PASSWORD);
    for (int i = 0; i < PEOPLE.length; i++) {
      bokaMera.putCustomer(BOKAMERA_IDS.get(i), "{\"Firstname\":\"" + PEOPLE[i][0] + "\",\"Lastname\":\"" + PEOPLE[i][1]
          + "\",\"Email\":\"" + PEOPLE[i][2] + "\",\"Phone\":\"+46 8 000 00 0" + i + "\",\"SubscribedToNewsletter\":false}");
      var c = FakeBillbee.sampleCustomer(BILLBEE_IDS.get(i));
      c.put("Name", PEOPLE[i][0] + " " + PEOPLE[i][1]).put("Email", PEOPLE[i][2]);
      billbee.seed(c);
    }
    storm.seedDemoCustomers();
    storm.seedCustomer("{\"Id\":1003,\"Email\":\"alan@example.com\",\"FirstName\":\"Alan\",\"LastName\":\"Turing\",\"IsActive\":true}");
  }

  /** The settings, by the environment variables' names, that point every vendor at its fake. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BOKAMERA_API_KEY", bokaMera.apiKey());
    env.put("BOKAMERA_BASE_URL", bokaMera.baseUrl());
    env.put("BOKAMERA_TOKEN_URL", bokaMera.tokenUrl().toString());
    env.put("BOKAMERA_USERNAME", USER);
    env.put("BOKAMERA_PASSWORD", PASSWORD);
    env.put("BILLBEE_API_KEY", FakeBillbee.DEFAULT_API_KEY);
    env.put("BILLBEE_USERNAME", FakeBillbee.DEFAULT_USERNAME);
    env.put("BILLBEE_API_PASSWORD", FakeBillbee.DEFAULT_API_PASSWORD);
    env.put("BILLBEE_BASE_URL", billbee.url("/").toString());
    env.put("STORM_BASE_URL", storm.baseUrl().toString());
    env.put("STORM_APPLICATION_ID", String.valueOf(FakeStorm.DEFAULT_APPLICATION_ID));
    env.put("STORM_CLIENT_ID", FakeStorm.DEFAULT_CLIENT_ID);
    env.put("STORM_CLIENT_SECRET", FakeStorm.DEFAULT_CLIENT_SECRET);
    env.put("STORM_SCOPE", "lab");
    env.put("STORM_TOKEN_URL", storm.tokenUrl().toString());
    return env;
  }

  /** {@return every request the three fakes have received so far, token requests included} */
  long requests() {
    return started.stream().mapToLong(f -> f.journal().size()).sum();
  }

  private void start(FakeVendorServer fake) {
    fake.start();
    started.add(fake);
  }

  @Override
  public void close() {
    for (FakeVendorServer fake : started) {
      try {
        fake.close();
      } catch (Exception ignored) {
        // Demo fakes only: nothing to recover.
      }
    }
  }
}
