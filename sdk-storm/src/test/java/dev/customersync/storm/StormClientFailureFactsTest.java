package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.NotFoundException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorOperation;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Storm's failures read like every other vendor's: what they meant, which call failed, which field. */
class StormClientFailureFactsTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private StormClient client() {
    return StormClient.builder()
        .baseUrl(server.url("/api/1.1/").toString())
        .applicationId(1234)
        .accessToken("static-token-abcdef")
        .retryPolicy(StormTestSupport.fastRetries())
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  @Test
  void aCustomerStormAnswersNullForIsA404NotFoundOfTheRead() {
    server.enqueue(json(200, "null"));
    try (StormClient client = client()) {
      assertThatThrownBy(() -> client.getCustomer(99))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.operation()).contains(VendorOperation.READ);
            assertThat(e.retryable()).isFalse();
          });
    }
  }

  @Test
  void aRefusedUpdateNamesTheFieldAsStormSpellsItAndSaysWrite() {
    server.enqueue(json(400, """
        {"MessageId": "m-1", "Message": "Invalid email", "Messages": [{"Key": "InvalidEmail", "Value": "Invalid email"}]}
        """));
    try (StormClient client = client()) {
      assertThatThrownBy(() -> client.updateCustomer(StormCustomer.builder().id(42).email("not-an-address").build()))
          .isInstanceOfSatisfying(VendorApiException.class, e -> {
            assertThat(e.fieldErrors()).containsOnlyKeys("Email");
            assertThat(e.operation()).contains(VendorOperation.WRITE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.mayHaveReachedVendor()).isFalse();
          });
    }
  }
}
