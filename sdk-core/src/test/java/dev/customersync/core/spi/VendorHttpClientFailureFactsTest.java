package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.ConflictException;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.FakeClock;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorOperation;
import dev.customersync.core.VendorServerException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The HTTP engine stamps every failure with the request's operation and whether a write may have landed. */
class VendorHttpClientFailureFactsTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final FakeClock clock = new FakeClock();
  // Shared, so the clients own no threads to close.
  private final OkHttpClient shared = new OkHttpClient();

  private VendorHttpClient.Builder builder() {
    return VendorHttpClient.builder()
        .vendor("acme")
        .baseUrl(server.url("/api/"))
        .okHttpClient(shared)
        .retryPolicy(RetryPolicy.builder().clock(clock).sleeper(clock.sleeper()).jitter(() -> 1.0).build())
        .errorParser((response, into) -> { });
  }

  private VendorRequest read() {
    return VendorRequest.get(server.url("/api/customers/1")).operation("get-customer").build();
  }

  private VendorRequest write() {
    return VendorRequest.put(server.url("/api/customers/1"), "{}".getBytes(StandardCharsets.UTF_8))
        .operation("update-customer").build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  @Test
  void aFailedReadSaysReadAndDidNotLandEvenOnA5xx() {
    VendorHttpClient http = builder().retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
    server.enqueue(status(500));

    assertThatThrownBy(() -> http.execute(read()))
        .isInstanceOfSatisfying(VendorServerException.class, e -> {
          assertThat(e.operation()).contains(VendorOperation.READ);
          assertThat(e.retryable()).isTrue();
          assertThat(e.mayHaveReachedVendor()).isFalse();
        });
  }

  @Test
  void aWriteAnswered5xxSaysWriteAndMayHaveLanded() {
    VendorHttpClient http = builder().retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
    server.enqueue(status(500));

    assertThatThrownBy(() -> http.execute(write()))
        .isInstanceOfSatisfying(VendorServerException.class, e -> {
          assertThat(e.operation()).contains(VendorOperation.WRITE);
          assertThat(e.retryable()).isTrue();
          assertThat(e.mayHaveReachedVendor()).isTrue();
        });
  }

  @Test
  void aRefusedWriteDidNotLand() {
    VendorHttpClient http = builder().build();
    server.enqueue(status(409));

    assertThatThrownBy(() -> http.execute(write()))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.mayHaveReachedVendor()).isFalse();
        });
  }

  @Test
  void aRefusalAfterAnEarlier5xxOfTheSameWriteStillSaysItMayHaveLanded() {
    VendorHttpClient http = builder().build();
    // The first attempt may have been applied before the server failed: the 409 may be about it.
    server.enqueue(status(503));
    server.enqueue(status(409));

    assertThatThrownBy(() -> http.execute(write()))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.attempts()).isEqualTo(2);
          assertThat(e.mayHaveReachedVendor()).isTrue();
        });
  }

  @Test
  void transportFailuresAndMissingPermitsNameTheOperation() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    VendorHttpClient refused = builder().baseUrl(HttpUrl.get("http://127.0.0.1:" + closedPort + "/")).build();
    assertThatThrownBy(() -> refused.execute(VendorRequest.post(HttpUrl.get("http://127.0.0.1:" + closedPort + "/c"),
            "{}".getBytes(StandardCharsets.UTF_8)).operation("create-customer").build()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.operation()).contains(VendorOperation.CREATE);
          assertThat(e.retryable()).isTrue();
          assertThat(e.mayHaveReachedVendor()).isFalse();
        });

    VendorHttpClient throttled = builder().rateLimiter((key, timeout) -> false).rateLimitTimeout(Duration.ofMillis(1))
        .build();
    assertThatThrownBy(() -> throttled.execute(read()))
        .isInstanceOfSatisfying(RateLimitTimeoutException.class, e -> {
          assertThat(e.operation()).contains(VendorOperation.READ);
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test
  void anErrorFoundLaterInA2xxBodyKnowsTheOperation() {
    VendorHttpClient http = builder().build();
    server.enqueue(new MockResponse.Builder().code(200).body("null").build());

    VendorResponse response = http.execute(VendorRequest.get(server.url("/api/token")).operation("token").build());
    NotFoundException e = http.errorFor(response).message("no token in the answer").buildNotFound();

    assertThat(e.operation()).contains(VendorOperation.TOKEN);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.httpStatus()).isEqualTo(200);
  }

  @Test
  void everyFailureAnswersTheSameThreeQuestionsWithoutInstanceof() {
    VendorHttpClient http = builder().retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
    server.enqueue(status(400));

    CustomerSyncException e = (CustomerSyncException) org.assertj.core.api.Assertions.catchThrowable(
        () -> http.execute(write()));

    assertThat(e).isInstanceOf(VendorApiException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.operation()).contains(VendorOperation.WRITE);
    assertThat(e.mayHaveReachedVendor()).isFalse();
  }
}
