package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.Customer;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@code newsletterSubscribed} kept in a configured Storm Flag: only that flag's {@code IsSelected}
 * changes on the wire; without the option the field is a warning, heard once per client.
 */
class StormNewsletterFlagContractTest {

  private static final String FLAGS = "[{\"Id\":1,\"Name\":\"Newsletter\",\"Group\":2,\"IsSelected\":false,"
      + "\"Sort\":1E+15},{\"Id\":2,\"Name\":\"VIP\",\"Group\":2,\"IsSelected\":true}]";
  private static final String READ = "{\"Id\":42,\"Email\":\"ada@example.com\",\"FirstName\":\"Ada\","
      + "\"LastName\":\"Lovelace\",\"Flags\":" + FLAGS + ",\"IsActive\":true,\"Created\":\"/Date(1566656122000)/\"}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final List<String> heard = new CopyOnWriteArrayList<>();

  private StormClient.Builder builder() {
    return StormClient.builder()
        .baseUrl(server.url("/api/1.1/").toString())
        .applicationId(1234)
        .accessToken("static-token-abcdef")
        .retryPolicy(StormTestSupport.fastRetries())
        .listener(new VendorCallListener() {
          @Override
          public void warning(VendorCall call, String warning) {
            heard.add(warning);
          }
        });
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @Test
  void subscribingSelectsOnlyTheConfiguredFlagAndSendsEverythingElseByteForByte() throws Exception {
    String written = READ.replace("\"Group\":2,\"IsSelected\":false", "\"Group\":2,\"IsSelected\":true");
    server.enqueue(json(READ));
    server.enqueue(json(written));

    try (StormClient client = builder().newsletterFlagId(1).build()) {
      UpdateResult result = client.customerUpdater().update("42", Customer.builder().newsletterSubscribed(true).build());

      take();
      RecordedRequest write = take();
      assertThat(write.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/UpdateCustomer3");
      assertThat(write.getBody().utf8()).isEqualTo(written);
      assertThat(result.changes()).containsExactly(FieldChange.of("Flags[0].IsSelected", "false", "true"));
      assertThat(result.warnings()).isEmpty();
      assertThat(result.customer().newsletterSubscribed()).contains(true);
      assertThat(heard).isEmpty();
    }
  }

  @Test
  void subscribingACustomerWithoutTheFlagAppendsItAndKeepsTheOthers() throws Exception {
    server.enqueue(json(READ));
    server.enqueue(json(READ));

    try (StormClient client = builder().newsletterFlagId(7).build()) {
      client.customerUpdater().update("42", Customer.builder().newsletterSubscribed(true).build());

      take();
      String sent = take().getBody().utf8();
      assertThat(sent).isEqualTo(READ.replace(FLAGS,
          FLAGS.substring(0, FLAGS.length() - 1) + ",{\"Id\":7,\"IsSelected\":true}]"));
    }
  }

  @Test
  void unsubscribingACustomerWithoutTheFlagWritesNothing() throws Exception {
    server.enqueue(json(READ));

    try (StormClient client = builder().newsletterFlagId(7).build()) {
      UpdateResult result = client.customerUpdater().update("42", Customer.builder().newsletterSubscribed(false).build());

      assertThat(result.written()).isFalse();
      assertThat(result.customer().newsletterSubscribed()).contains(false);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void withoutTheOptionTheFieldIsAWarningListenersHearOncePerClient() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(READ));
    }

    try (StormClient client = builder().build()) {
      for (int i = 0; i < 3; i++) {
        UpdateResult r = client.customerUpdater().update("42", Customer.builder().newsletterSubscribed(true).build());
        assertThat(r.warnings()).as("every result still says what was not written").singleElement().asString()
            .startsWith("newsletterSubscribed").contains("newsletterFlagId");
      }
    }
    assertThat(heard).as("but the listener, and so the log, hears it once").hasSize(1);
  }

  @Test
  void refusesAFlagIdBelowOne() {
    assertThatThrownBy(() -> builder().newsletterFlagId(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newsletterFlagId");
  }
}
