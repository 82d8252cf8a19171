package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeVendorServerTest {

  private final AtomicInteger handled = new AtomicInteger();
  private final FakeVendorServer fake = new FakeVendorServer() {
    @Override
    protected MockResponse handle(RecordedRequest request) {
      handled.incrementAndGet();
      return new MockResponse.Builder().code(200).body("ok").build();
    }
  };
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  @AfterEach
  void stop() {
    fake.close();
  }

  private int get(String path) throws IOException {
    try (Response r = client.newCall(new Request.Builder().url(fake.url(path)).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void scriptedFaultsComeFirstThenTheVendorAnswers() throws IOException {
    fake.faults().next(Fault.status(503)).next(Fault.retryAfter(429, "1"));

    assertThat(get("/a")).isEqualTo(503);
    assertThat(get("/a")).isEqualTo(429);
    assertThat(get("/a")).isEqualTo(200);
    assertThat(handled).hasValue(1);
    assertThat(fake.journal().size()).isEqualTo(3);
    assertThat(fake.journal().entries()).extracting(RequestJournal.Entry::fault)
        .containsExactly("HTTP 503", "HTTP 429 Retry-After 1", null);
  }

  @Test
  void afterHandlingFaultsLetTheRequestTakeEffect() throws IOException {
    fake.faults().next(Fault.status(500).afterHandling());

    assertThat(get("/a")).isEqualTo(500);
    assertThat(handled).hasValue(1);
  }

  @Test
  void delayFaultStillLetsTheVendorAnswer() throws IOException {
    fake.faults().next(Fault.delay(java.time.Duration.ofMillis(1)));

    assertThat(get("/a")).isEqualTo(200);
    assertThat(handled).hasValue(1);
  }

  @Test
  void matchedFaultsWaitForTheirRequest() throws IOException {
    fake.faults().next(r -> r.getUrl().encodedPath().equals("/b"), Fault.status(502));

    assertThat(get("/a")).isEqualTo(200);
    assertThat(get("/b")).isEqualTo(502);
    assertThat(fake.faults().pending()).isZero();
    assertThat(fake.journal().count("GET", "/b")).isEqualTo(1);
  }

  @Test
  void randomFaultsAreRepeatableForASeed() throws IOException {
    int[] first = new int[50];
    int[] second = new int[50];
    fake.faults().randomly(0.3, 42, r -> true, Fault.status(503));
    for (int i = 0; i < 50; i++) {
      first[i] = get("/x");
    }
    fake.faults().randomly(0.3, 42, r -> true, Fault.status(503));
    for (int i = 0; i < 50; i++) {
      second[i] = get("/x");
    }

    assertThat(first).isEqualTo(second).contains(503).contains(200);
  }

  @Test
  void aHandlerFailureIsA500NotAHang() throws IOException {
    FakeVendorServer broken = new FakeVendorServer() {
      @Override
      protected MockResponse handle(RecordedRequest request) {
        throw new IllegalStateException("boom");
      }
    };
    try (broken) {
      try (Response r = client.newCall(new Request.Builder().url(broken.url("/")).build()).execute()) {
        assertThat(r.code()).isEqualTo(500);
        assertThat(r.body().string()).contains("boom");
      }
    }
  }
}
