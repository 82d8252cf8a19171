package dev.customersync.examples.boot;

import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The three sdk-testkit fakes, seeded with the sample file's customers, and the {@code
 * customersync.*} properties that point the starter's clients at them. Stops them when the context
 * closes. The passwords here are the fakes' own, not secrets.
 */
final class EmbeddedFakes implements ApplicationListener<ContextClosedEvent>, AutoCloseable {

  private static final String BOKAMERA_USER = "demo@example.com";
  private static final String BOKAMERA_PASSWORD = "demo-password";
  private static final List<UUID> BOKAMERA_IDS = List.of(UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b01"),
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b02"), UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b03"));
  private static final List<Long> BILLBEE_IDS = List.of(100000150176895L, 100000150176896L, 100000150176897L);
  private static final String[][] PEOPLE = {{"Ada", "Lovelace", "ada@example.com"},
      {"Alan", "Turing", "alan@example.com"}, {"Grace", "Hopper", "grace@example.com"}};

  private final FakeBillbee billbee = new FakeBillbee();
  private final FakeStorm storm = new FakeStorm();
  private final FakeBokaMera bokamera = new FakeBokaMera();

  private EmbeddedFakes() {}

  static EmbeddedFakes start() {
    EmbeddedFakes f = new EmbeddedFakes();
    f.billbee.start();
    f.storm.start();
    f.bokamera.start();
    for (int i = 0; i < PEOPLE.length; i++) {
      var c = FakeBillbee.sampleCustomer(BILLBEE_IDS.get(i));
      c.put("Name", PEOPLE[i][0] + " " + PEOPLE[i][1]).put("Email", PEOPLE[i][2]);
      f.billbee.seed(c);
      f.bokamera.putCustomer(BOKAMERA_IDS.get(i), "{\"Firstname\":\"" + PEOPLE[i][0] + "\",\"Lastname\":\""
          + PEOPLE[i][1] + "\",\"Email\":\"" + PEOPLE[i][2] + "\",\"SubscribedToNewsletter\":false}");
    }
    f.bokamera.addUser(BOKAMERA_USER, BOKAMERA_PASSWORD);
    // The sample links Storm ids 1001–1003, as the plain examples' fake holds them.
    f.storm.seedDemoCustomers();
    f.storm.seedCustomer("{\"Id\":1003,\"Email\":\"alan@example.com\",\"FirstName\":\"Alan\",\"LastName\":\"Turing\",\"IsActive\":true}");
    return f;
  }

  /** The properties a real application would have in application.yaml, aimed at the fakes. */
  Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("customersync.billbee.base-url", billbee.url("/").toString());
    p.put("customersync.billbee.api-key", FakeBillbee.DEFAULT_API_KEY);
    p.put("customersync.billbee.username", FakeBillbee.DEFAULT_USERNAME);
    p.put("customersync.billbee.api-password", FakeBillbee.DEFAULT_API_PASSWORD);
    p.put("customersync.storm.base-url", storm.baseUrl().toString());
    p.put("customersync.storm.application-id", FakeStorm.DEFAULT_APPLICATION_ID);
    p.put("customersync.storm.client-id", FakeStorm.DEFAULT_CLIENT_ID);
    p.put("customersync.storm.client-secret", FakeStorm.DEFAULT_CLIENT_SECRET);
    p.put("customersync.storm.scope", "lab");
    p.put("customersync.storm.token-url", storm.tokenUrl().toString());
    p.put("customersync.bokamera.base-url", bokamera.baseUrl());
    p.put("customersync.bokamera.token-url", bokamera.tokenUrl().toString());
    p.put("customersync.bokamera.api-key", bokamera.apiKey());
    p.put("customersync.bokamera.username", BOKAMERA_USER);
    p.put("customersync.bokamera.password", BOKAMERA_PASSWORD);
    p.put("management.endpoints.web.exposure.include", "health,metrics,configprops");
    return p;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    close();
  }

  @Override
  public void close() {
    billbee.close();
    storm.close();
    bokamera.close();
  }
}
