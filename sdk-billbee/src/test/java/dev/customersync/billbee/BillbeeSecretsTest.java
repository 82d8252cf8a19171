package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.AuthenticationException;
import dev.customersync.core.Customer;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.VendorApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Secrets stay out of exception messages even when Billbee echoes them back. */
class BillbeeSecretsTest {

  private static final String BASIC64 = Base64.getEncoder().encodeToString(
      (TestClients.USERNAME + ":" + TestClients.API_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final TestClients clients = new TestClients();

  @Test
  void secretsEchoedInAn401AreMaskedEverywhere() {
    String echo = "Denied: key " + TestClients.API_KEY + " password " + TestClients.API_PASSWORD + " header Basic " + BASIC64;
    server.enqueue(json(401, "{\"Message\": \"" + echo + "\"}"));

    try (BillbeeClient client = clients.client(server.url("/"))) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> client.customerUpdater().update("12", Customer.builder().vatId("DE1").build()));

      assertNoSecret(e);
      assertThat(e.getMessage()).contains("Denied: key ****");
    }
  }

  @Test
  void secretsEchoedInAnEnvelopeOrModelStateAreMasked() {
    server.enqueue(json(200, "{\"ErrorMessage\": \"bad key " + TestClients.API_KEY + "\", \"ErrorCode\": 11, \"Data\": null}"));
    server.enqueue(json(400, "{\"Message\": \"invalid " + TestClients.API_PASSWORD + "\", \"ModelState\": {\"model.Email\": [\"got "
        + TestClients.API_KEY + "\"]}}"));
    server.enqueue(json(200, "not json " + TestClients.API_KEY));

    try (BillbeeClient client = clients.builder(server.url("/")).retryPolicy(RetryPolicy.none()).build()) {
      for (int i = 0; i < 3; i++) {
        VendorApiException e = catchThrowableOfType(VendorApiException.class, () -> client.getCustomer(12));
        assertNoSecret(e);
      }
    }
  }

  @Test
  void secretsEchoedIntoTheUpdatersReadAreMasked() {
    server.enqueue(json(200, "{\"ErrorMessage\": \"bad key " + TestClients.API_KEY + "\", \"ErrorCode\": 11, \"Data\": {}}"));
    server.enqueue(json(200, "not json " + TestClients.API_KEY));
    server.enqueue(json(200, "{\"ErrorCode\": 0, \"Data\": {\"Id\": 12, \"ArchivedAt\": \"" + TestClients.API_PASSWORD + "\"}}"));
    server.enqueue(json(200, "{\"ErrorCode\": 0, \"Data\": {\"Id\": 13, \"Name\": \"" + TestClients.API_PASSWORD + "\"}}"));

    try (BillbeeClient client = clients.builder(server.url("/")).retryPolicy(RetryPolicy.none()).build()) {
      for (int i = 0; i < 4; i++) {
        VendorApiException e = catchThrowableOfType(VendorApiException.class,
            () -> client.customerUpdater().update("12", Customer.builder().vatId("DE1").build()));
        assertNoSecret(e);
      }
    }
    assertThat(server.getRequestCount()).as("nothing but the reads").isEqualTo(4);
  }

  private static void assertNoSecret(VendorApiException e) {
    List<String> texts = List.of(e.getMessage(), e.rawBody(), e.vendorMessage().orElse(""), e.fieldErrors().toString(),
        e.toString());
    for (String t : texts) {
      assertThat(t).doesNotContain(TestClients.API_KEY).doesNotContain(TestClients.API_PASSWORD).doesNotContain(BASIC64);
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }
}
