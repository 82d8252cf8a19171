package dev.customersync.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.sync.SyncReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Boot example on a free port: the start-up sync ran, and actuator shows its meters. */
class CustomerSyncBootExampleTest {

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  @Test
  void whenTheExampleStartsThenItSyncsTheSampleFileAndActuatorShowsTheRequestsMeter() throws Exception {
    try (ConfigurableApplicationContext context = CustomerSyncBootExample.start("--server.port=0",
        // Values shown, as an operator might set it: the secrets must stay masked all the same.
        "--management.endpoint.configprops.show-values=always")) {
      SyncReport report = context.getBean(CustomerSyncBootExample.class).lastReport();
      assertThat(report).isNotNull();
      assertThat(report.failures()).as("%s", report).isEmpty();

      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThat(meters.find("customersync.requests").tag("vendor", "storm").timers()).isNotEmpty();
      assertThat(meters.find("customersync.sync.items").counters()).isNotEmpty();

      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      assertThat(get(port, "/actuator/metrics")).contains("\"customersync.requests\"");
      assertThat(get(port, "/actuator/metrics/customersync.requests?tag=vendor:billbee")).contains("\"COUNT\"");
      String configprops = get(port, "/actuator/configprops");
      assertThat(configprops).contains("\"username\":\"shop@example.com\"").contains("\"apiPassword\":\"******\"")
          .contains("\"clientSecret\":\"******\"").doesNotContain("fake-billbee-api-password")
          .doesNotContain("fake-storm-client-secret").doesNotContain("fake-billbee-api-key").doesNotContain("demo-password");
    }
  }
}
