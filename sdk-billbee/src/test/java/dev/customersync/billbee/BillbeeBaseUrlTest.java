package dev.customersync.billbee;

import static dev.customersync.billbee.BillbeeSamples.ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form of base URL Billbee's docs and SDKs use reaches {@code /api/v1/customers/{id}}: the
 * swagger and both official SDKs give the base URL with {@code /api/v1}, the README of this SDK
 * without, and neither may end up at {@code /api/v1/api/v1/…}.
 */
class BillbeeBaseUrlTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  /**
   * Billbee's real hosts, answered by an interceptor in place of the network, so the exact URL of
   * both calls of an update is seen as OkHttp would send it.
   */
  @ParameterizedTest
  @CsvSource({
      "https://api.billbee.io, https://api.billbee.io/api/v1/customers/100000150176895",
      "https://api.billbee.io/, https://api.billbee.io/api/v1/customers/100000150176895",
      "https://api.billbee.io/api/v1, https://api.billbee.io/api/v1/customers/100000150176895",
      "https://api.billbee.io/api/v1/, https://api.billbee.io/api/v1/customers/100000150176895",
      "https://app.billbee.io/api/v1, https://app.billbee.io/api/v1/customers/100000150176895",
      "https://app.billbee.io/api/v1/, https://app.billbee.io/api/v1/customers/100000150176895",
      "https://proxy.example/billbee/api/v1/, https://proxy.example/billbee/api/v1/customers/100000150176895"})
  void everyDocumentedBaseUrlFormReachesTheCustomerRouteOnce(String baseUrl, String expected) {
    List<String> urls = new CopyOnWriteArrayList<>();
    OkHttpClient offline = new OkHttpClient.Builder().addInterceptor(chain -> {
      urls.add(chain.request().method() + " " + chain.request().url());
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .body(ResponseBody.create(BillbeeSamples.CUSTOMER_ENVELOPE, MediaType.get("application/json"))).build();
    }).build();
    try (BillbeeClient client = BillbeeClient.builder().baseUrl(baseUrl).apiKey(TestClients.API_KEY)
        .username(TestClients.USERNAME).apiPassword(TestClients.API_PASSWORD).okHttpClient(offline)
        .rateLimiter(RateLimiter.unlimited()).retryPolicy(RetryPolicy.none()).build()) {

      client.customerUpdater().update(Long.toString(ID), Customer.builder().vatId("DE1").build());
    } finally {
      offline.dispatcher().executorService().shutdown();
    }

    assertThat(urls).containsExactly("GET " + expected, "PUT " + expected);
  }

  /** The same forms against a real socket, where the request line's path is what the server sees. */
  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/api/v1", "/api/v1/", "/API/V1/"})
  void everyFormSendsTheExactCustomerPath(String suffix) throws Exception {
    String root = server.url("/").toString();
    String baseUrl = root.substring(0, root.length() - 1) + suffix;
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(BillbeeSamples.CUSTOMER_ENVELOPE).build());

    try (BillbeeClient client = new TestClients().builder(server.url("/")).baseUrl(baseUrl).build()) {
      client.getCustomer(ID);

      assertThat(client.baseUrl()).isEqualTo(server.url("/"));
    }

    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/customers/100000150176895");
    assertThat(r.getUrl().query()).isNull();
  }
}
