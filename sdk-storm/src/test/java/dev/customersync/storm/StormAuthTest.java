package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.AuthenticationException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.Fault;
import dev.customersync.testkit.FakeStorm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OAuth2 tokens: cached, fetched once for everyone, renewed in time, refreshed once after 401/403. */
class StormAuthTest {

  private final TestClock clock = new TestClock();
  private final FakeStorm fake = new FakeStorm(clock).seedDemoCustomers();

  @StartStop
  private final MockWebServer scripted = new MockWebServer();

  @AfterEach
  void close() {
    fake.close();
  }

  private StormClient.Builder client() {
    return StormTestSupport.clientFor(fake).clock(clock);
  }

  @Test
  void theTokenIsCachedUntilShortlyBeforeItExpires() {
    try (StormClient client = client().build()) {
      client.getCustomer(1001);
      client.getCustomer(1002);
      assertThat(fake.tokenRequests()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(3539));
      client.getCustomer(1001);
      assertThat(fake.tokenRequests()).as("still more than 60 s left").isEqualTo(1);

      clock.advance(Duration.ofSeconds(2));
      client.getCustomer(1001);
      assertThat(fake.tokenRequests()).as("renewed 60 s before expires_in").isEqualTo(2);
    }
  }

  @Test
  void thirtyTwoConcurrentUpdatesShareOneToken() throws Exception {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      ids.add(fake.seedCustomer("First" + i, "Last" + i, "c" + i + "@example.com"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (StormClient client = client().build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<UpdateResult>> results = new ArrayList<>();
      for (int id : ids) {
        results.add(pool.submit(() -> {
          start.await();
          return client.customerUpdater().update(Integer.toString(id), Customer.builder().lastName("Renamed").build());
        }));
      }
      start.countDown();
      for (Future<UpdateResult> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS).customer().lastName()).contains("Renamed");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.tokenRequests()).isEqualTo(1);
    assertThat(fake.updatesApplied()).isEqualTo(32);
  }

  @Test
  void aRevokedTokenIsRefreshedOnceAndTheCallSucceeds() {
    try (StormClient client = client().build()) {
      client.getCustomer(1001);
      fake.revokeTokens();

      UpdateResult result = client.customerUpdater().update("1001", Customer.builder().firstName("Augusta").build());

      assertThat(result.customer().firstName()).contains("Augusta");
      assertThat(fake.tokenRequests()).isEqualTo(2);
      assertThat(fake.updatesApplied()).isEqualTo(1);
    }
  }

  @Test
  void a401ThatPersistsAfterOneRefreshIsAnAuthenticationException() {
    try (StormClient client = client().build()) {
      fake.faults().next(FakeStorm.apiCalls(), Fault.status(401)).next(FakeStorm.apiCalls(), Fault.status(401));

      assertThatThrownBy(() -> client.getCustomer(1001)).isInstanceOfSatisfying(AuthenticationException.class,
          e -> assertThat(e.statusCode()).isEqualTo(401));
    }
    assertThat(fake.tokenRequests()).as("one token, one refresh").isEqualTo(2);
    assertThat(fake.journal().count("GET", "/GetCustomer")).isEqualTo(2);
  }

  @Test
  void a403LeadsToOneRefreshAndRetry() {
    try (StormClient client = client().build()) {
      fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(403));

      UpdateResult result = client.customerUpdater().update("1001", Customer.builder().firstName("Augusta").build());

      assertThat(result.attempts()).as("GET, refused POST, POST").isEqualTo(3);
    }
    assertThat(fake.tokenRequests()).isEqualTo(2);
    assertThat(fake.updatesApplied()).isEqualTo(1);
  }

  @Test
  void aWrongApplicationIdIsAnAuthenticationExceptionAfterOneRefresh() {
    try (StormClient client = client().applicationId(999).build()) {
      assertThatThrownBy(() -> client.getCustomer(1001)).isInstanceOfSatisfying(AuthenticationException.class,
          e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.getMessage()).contains("ApplicationId");
          });
    }
    assertThat(fake.tokenRequests()).isEqualTo(2);
    assertThat(fake.journal().count("GET", "/GetCustomer")).isEqualTo(2);
  }

  @Test
  void wrongClientCredentialsAreAnAuthenticationExceptionWithoutTheSecret() {
    try (StormClient client = client().clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, "wrong-secret-9876", "lab").build()) {
      assertThatThrownBy(() -> client.getCustomer(1001))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.errorCode()).contains("invalid_client");
            assertThat(e.getMessage()).doesNotContain("wrong-secret-9876");
          });
    }
    assertThat(fake.journal().count("GET", "/GetCustomer")).isZero();
  }

  @Test
  void theTokenEndpointsRateLimitIsWaitedOutWithItsRetryAfter() {
    fake.tokenRequestsPerMinute(1);
    RetryPolicy advancingClock = RetryPolicy.builder().sleeper(clock::advance).jitter(() -> 1.0).clock(clock).build();
    // The fake asks for 60 s, longer than the default 30 s call deadline: only a client without one waits it out.
    try (StormClient first = client().build();
        StormClient second = client().retryPolicy(advancingClock).noDeadline().build()) {
      first.getCustomer(1001);

      second.getCustomer(1001);
    }
    assertThat(fake.tokenRequests()).as("one refused with 429, then granted after the wait").isEqualTo(3);
  }

  @Test
  void aRateLimitedTokenEndpointIsARateLimitExceptionWithoutSecrets() {
    fake.tokenRequestsPerMinute(0);
    // Without a deadline the 60 s Retry-After is waited out until the retries run out; with the
    // default one the call stops at once (VendorHttpClientDeadlineTest pins that).
    try (StormClient client = client().noDeadline().build()) {
      assertThatThrownBy(() -> client.customerUpdater().update("1001", Customer.builder().firstName("A").build()))
          .isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(FakeStorm.DEFAULT_CLIENT_SECRET);
            assertThat(e.rawBody()).doesNotContain(FakeStorm.DEFAULT_CLIENT_SECRET);
          });
    }
    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void secretsAndTokensNeverAppearInToStringOrMessages() {
    String secret = "super-secret-client-value-42";
    String token = "issued-token-value-0123456789";
    scripted.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"access_token\": \"" + token + "\", \"expires_in\": 3600}").build());
    scripted.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
        .body("{\"Message\": \"token " + token + " and secret " + secret + " echoed\", "
            + "\"Messages\": [{\"Key\": \"InvalidEmail\", \"Value\": \"bad " + token + "\"}]}").build());
    try (StormClient client = StormClient.builder()
        .baseUrl(scripted.url("/api/1.1/").toString())
        .applicationId(5)
        .clientCredentials("client-x", secret, "qa")
        .tokenUrl(scripted.url("/1.0/connect/token").toString())
        .retryPolicy(StormTestSupport.fastRetries())
        .build()) {
      assertThat(client.toString()).doesNotContain(secret).contains("client-x", "/api/1.1/");
      assertThat(client.customerUpdater().toString()).doesNotContain(secret);

      assertThatThrownBy(() -> client.getCustomer(1)).isInstanceOfSatisfying(CustomerSyncException.class, e -> {
        assertThat(e.getMessage()).contains("InvalidEmail").doesNotContain(token).doesNotContain(secret);
        assertThat(((dev.customersync.core.VendorApiException) e).rawBody()).doesNotContain(token).doesNotContain(secret);
        assertThat(((dev.customersync.core.VendorApiException) e).fieldErrors().toString()).doesNotContain(token);
      });
      assertThat(client.toString()).doesNotContain(token);
    }
  }

  @Test
  void aStaticTokenNeverAppearsInToString() {
    try (StormClient client = StormClient.builder().baseUrl("https://demo.storm.io/api/1.1/").applicationId(1)
        .accessToken("static-token-secret-value").build()) {
      assertThat(client.toString()).doesNotContain("static-token-secret-value").contains("static access token");
    }
  }
}
