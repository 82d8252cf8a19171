package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.AccessToken;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.FakeClock;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import dev.customersync.core.sync.VendorOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorHttpClientTest {

  private static final String API_KEY = "key-5f0c1e2d-secret";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final FakeClock clock = new FakeClock();
  private final OkHttpClient shared = new OkHttpClient();
  private VendorHttpClient http;

  @AfterEach
  void allBodiesWereClosedAndNoConnectionLeaked() {
    if (http != null) {
      // Every connection is back in the pool: a response body left open would hold one.
      assertThat(http.okHttpClient().connectionPool().connectionCount())
          .isEqualTo(http.okHttpClient().connectionPool().idleConnectionCount());
    }
  }

  private VendorHttpClient.Builder builder() {
    Redactor redactor = new Redactor().secret(API_KEY);
    return VendorHttpClient.builder()
        .vendor("acme")
        .baseUrl(server.url("/api/"))
        .okHttpClient(shared)
        .defaultHeader("x-api-key", API_KEY)
        .redactor(redactor)
        .retryPolicy(RetryPolicy.builder().clock(clock).sleeper(clock.sleeper()).jitter(() -> 1.0).build())
        .errorParser((response, into) -> {
          String body = response.bodyText();
          if (body.startsWith("{\"error\":")) {
            into.errorCode("E42").message(body.substring(10, body.length() - 2));
          }
        });
  }

  private HttpUrl url(String path) {
    return server.url("/api/" + path);
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  @Test
  void retriesOn503Then503ThenSucceedsInThreeAttempts() {
    http = builder().build();
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(ok("{\"ok\":true}"));

    VendorResponse r = http.execute(VendorRequest.get(url("customers/1")).build());

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.bodyText()).isEqualTo("{\"ok\":true}");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void doesNotRetryA400AndCarriesTheVendorsMessage() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"Firstname is required\"}").build());

    assertThatThrownBy(() -> http.execute(VendorRequest.put(url("customers/1"), "{}".getBytes(StandardCharsets.UTF_8)).build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.errorCode()).contains("E42");
          assertThat(e.vendorMessage()).contains("Firstname is required");
          assertThat(e.getMessage()).isEqualTo("acme answered HTTP 400 [E42]: Firstname is required");
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesAnIdempotentRequestAfterADisconnectAtStart() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(ok("{}"));

    VendorResponse r = http.execute(VendorRequest.get(url("customers/1")).build());

    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void readTimeoutRaisesTransportException() {
    http = builder().retryPolicy(RetryPolicy.none())
        .timeouts(Timeouts.builder().read(Duration.ofMillis(200)).build()).build();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.getMessage()).contains("GET /api/customers/1").contains("SocketTimeoutException");
        });
  }

  @Test
  void neverRetriesANonIdempotentPostThatGotA500() {
    http = builder().build();
    server.enqueue(status(500));
    server.enqueue(ok("{}"));

    assertThatThrownBy(() -> http.execute(VendorRequest.post(url("update"), "{}".getBytes(StandardCharsets.UTF_8)).build()))
        .isInstanceOf(VendorServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void neverRetriesANonIdempotentPostWhoseConnectionDroppedAfterSending() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(ok("{}"));

    assertThatThrownBy(() -> http.execute(VendorRequest.post(url("update"), "{}".getBytes(StandardCharsets.UTF_8)).build()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.mayHaveReachedVendor()).isTrue();
          assertThat(e.getMessage()).contains("not repeated because it is not idempotent");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesANonIdempotentPostWhenTheConnectionWasRefused() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    http = builder().baseUrl(HttpUrl.get("http://127.0.0.1:" + closedPort + "/")).build();

    assertThatThrownBy(() -> http.execute(VendorRequest.post(HttpUrl.get("http://127.0.0.1:" + closedPort + "/update"),
            "{}".getBytes(StandardCharsets.UTF_8)).build()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.mayHaveReachedVendor()).isFalse();
        });
    assertThat(clock.sleeps()).hasSize(2);
  }

  @Test
  void retriesANonIdempotentPostOn429AndOn503WithRetryAfter() {
    http = builder().build();
    server.enqueue(status(429));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3").build());
    server.enqueue(ok("{}"));

    VendorResponse r = http.execute(VendorRequest.post(url("update"), "{}".getBytes(StandardCharsets.UTF_8)).build());

    assertThat(r.attempts()).isEqualTo(3);
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(3));
  }

  @Test
  void honoursRetryAfterInSecondsAndAsAnHttpDate() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Thu, 15 Jan 2026 10:00:27 GMT").build());
    server.enqueue(ok("{}"));

    http.execute(VendorRequest.get(url("customers/1")).build());

    // 7 s, then the date 27 s after the start, which is 20 s after the first wait.
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(20));
  }

  @Test
  void failsFastWhenRetryAfterIsAboveTheCap() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofHours(1));
          assertThat(e.getMessage()).contains("longer than the retry policy's cap of 60 s");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void a503AskingForAWaitAboveTheCapIsAVendorServerExceptionNotARateLimit() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(VendorServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.retryAfter()).contains(Duration.ofHours(1));
          assertThat(e.getMessage()).contains("asked to wait 3600 s");
        })
        .isNotInstanceOf(RateLimitException.class);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void anInterruptDuringBackoffAfterA503SaysTheRequestMayHaveReachedTheVendor() {
    http = builder().retryPolicy(RetryPolicy.builder().sleeper(d -> {
      throw new InterruptedException();
    }).build()).build();
    server.enqueue(status(503));

    try {
      assertThatThrownBy(() -> http.execute(VendorRequest.put(url("customers/1"), "{}".getBytes(StandardCharsets.UTF_8))
          .idempotent(true).build()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.mayHaveReachedVendor()).isTrue();
            assertThat(e.getMessage()).contains("interrupted while waiting to retry");
          });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptWhileWaitingForAPermitAfterAnAnsweredAttemptSaysTheRequestMayHaveReachedTheVendor() {
    AtomicInteger permits = new AtomicInteger();
    http = builder().rateLimiter((key, timeout) -> {
      if (permits.incrementAndGet() > 1) {
        throw new InterruptedException();
      }
      return true;
    }).build();
    server.enqueue(status(502));

    try {
      assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.mayHaveReachedVendor()).isTrue();
            assertThat(e.attempts()).isEqualTo(1);
          });
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aRefusedConnectionAfterAnAttemptThatWasSentStillSaysItMayHaveReachedTheVendor() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    http = builder().timeouts(Timeouts.builder().read(Duration.ofMillis(200)).build())
        // The vendor goes away between the attempts, so the second one is never sent.
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).clock(clock).sleeper(d -> server.close()).build())
        .build();

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.attempts()).isEqualTo(2);
          assertThat(e.mayHaveReachedVendor()).isTrue();
        });
  }

  @Test
  void noPermitInTimeIsAClientSideTimeoutThatWasNeverSentNotAVendor429() {
    http = builder().rateLimiter((key, timeout) -> false).rateLimitTimeout(Duration.ofMillis(250)).build();

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(RateLimitTimeoutException.class, e -> {
          assertThat(e.vendor()).isEqualTo("acme");
          assertThat(e.waited()).isEqualTo(Duration.ofMillis(250));
          assertThat(e.attempts()).isZero();
          assertThat(e.mayHaveReachedVendor()).isFalse();
          assertThat(e.getMessage()).contains("GET /api/customers/1", "no request was sent", "250 ms");
          // A sync report must not write an HTTP status the vendor never sent.
          assertThat(new VendorOutcome("acme", "1", VendorOutcome.Status.FAILED, null, e, 0, Duration.ZERO).statusCode())
              .isEmpty();
        })
        .isNotInstanceOf(VendorApiException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void noPermitForARetryCountsTheAttemptsThatWereSent() {
    AtomicInteger permits = new AtomicInteger();
    // A limit shorter than the call deadline: the limiter, not the deadline, is what ran out.
    http = builder().rateLimiter((key, timeout) -> permits.incrementAndGet() == 1)
        .rateLimitTimeout(Duration.ofSeconds(1)).build();
    server.enqueue(status(503));

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(RateLimitTimeoutException.class, e -> {
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.mayHaveReachedVendor()).isTrue();
          assertThat(e.getMessage()).contains("attempt 2 was not sent");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void gives429WithoutRetryAfterItsOwnBackoffThenRaisesRateLimitException() {
    http = builder().build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(429));
    }

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void refreshesTheTokenOnceAfterA401AndRetries() throws InterruptedException {
    AtomicInteger fetches = new AtomicInteger();
    AccessTokenProvider tokens = CachingAccessTokenProvider.builder()
        .fetcher(prev -> AccessToken.of("tok-" + fetches.incrementAndGet(), java.time.Instant.now().plusSeconds(3600)))
        .build();
    http = builder().accessTokenProvider(tokens).build();
    server.enqueue(status(401));
    server.enqueue(ok("{}"));

    VendorResponse r = http.execute(VendorRequest.post(url("update"), "{}".getBytes(StandardCharsets.UTF_8)).build());

    assertThat(r.attempts()).isEqualTo(2);
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
  }

  @Test
  void takesThePermitAfterTheTokenSoCallersReleasedByAFetchDoNotBurstPastTheLimiter() {
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger fetches = new AtomicInteger();
    AccessTokenProvider tokens = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          events.add("token fetched");
          return AccessToken.of("tok-" + fetches.incrementAndGet(), clock.instant().plusSeconds(3600));
        })
        .build();
    http = builder().accessTokenProvider(tokens).rateLimiter((key, timeout) -> events.add("permit")).build();
    server.enqueue(status(401));
    server.enqueue(ok("{}"));

    http.execute(VendorRequest.get(url("customers/1")).build());

    assertThat(events).containsExactly("token fetched", "permit", "token fetched", "permit");
  }

  @Test
  void aThousandRenewedTokensLeaveTheRedactorNoLargerThanTwoOfThem() throws IOException {
    AtomicInteger issued = new AtomicInteger();
    AccessTokenProvider renewedEveryCall = () -> String.format("tok-%05d", issued.incrementAndGet());
    try (MockWebServer fast = NoDelayServers.started()) {
      fast.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return ok("{}");
        }
      });
      http = builder().baseUrl(fast.url("/api/")).accessTokenProvider(renewedEveryCall).build();
      int before = http.redactor().size();

      for (int i = 0; i < 1_000; i++) {
        http.execute(VendorRequest.get(fast.url("/api/customers/1")).build());
      }

      assertThat(http.redactor().size()).isLessThanOrEqualTo(before + 2);
      assertThat(http.redact("tok-01000")).isEqualTo(Redactor.MASK);
    }
  }

  @Test
  void aThousandCallsFromFourThreadsWhileTheTokenEndpointAnswers500AskItOnlyAHandfulOfTimes() throws Exception {
    AtomicInteger tokenRequests = new AtomicInteger();
    AtomicInteger apiRequests = new AtomicInteger();
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    try (MockWebServer fast = NoDelayServers.started()) {
      fast.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getUrl().encodedPath().equals("/token")) {
            tokenRequests.incrementAndGet();
            return new MockResponse.Builder().code(500).setHeader("Content-Type", "application/json")
                .body("{\"error\":\"temporarily_unavailable\",\"error_description\":\"identity server is restarting\"}")
                .build();
          }
          apiRequests.incrementAndGet();
          return ok("{}");
        }
      });
      OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.clientCredentials(fast.url("/token").toString(), "c", "client-secret-1", null)
          .vendor("acme").okHttpClient(shared).retryPolicy(RetryPolicy.none()).clock(clock).build();
      AccessTokenProvider tokens = CachingAccessTokenProvider.builder().fetcher(fetcher).clock(clock).build();
      http = builder().baseUrl(fast.url("/api/")).accessTokenProvider(tokens).build();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> lanes = new ArrayList<>();
      for (int lane = 0; lane < 4; lane++) {
        lanes.add(pool.submit(() -> {
          for (int i = 0; i < 250; i++) {
            // 1,000 calls spread over 50 s of fake time: the back-off windows (5, 10, 20 s) elapse.
            clock.advance(Duration.ofMillis(50));
            try {
              http.execute(VendorRequest.get(fast.url("/api/customers/1")).build());
            } catch (RuntimeException e) {
              failures.add(e);
            }
          }
        }));
      }
      for (Future<?> lane : lanes) {
        lane.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }

    assertThat(tokenRequests.get()).as("token requests for 1,000 calls").isBetween(1, 5);
    assertThat(apiRequests).hasValue(0);
    assertThat(failures).hasSize(1_000).allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(VendorServerException.class, v -> assertThat(v.statusCode()).isEqualTo(500))
        .hasMessageContaining("identity server is restarting"));
    assertThat(failures).filteredOn(e -> e.getMessage().contains("token endpoint failed"))
        .hasSizeGreaterThanOrEqualTo(1_000 - 4 * tokenRequests.get());
  }

  @Test
  void twentyConcurrentRequestsRefusedWithTheSameTokenRenewItOnce() throws Exception {
    int requests = 20;
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch allSentWithTheFirstToken = new CountDownLatch(requests);
    AccessTokenProvider tokens = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> AccessToken.of("tok-" + fetches.incrementAndGet(), clock.instant().plusSeconds(3600)))
        .build();
    try (MockWebServer fast = NoDelayServers.started()) {
      fast.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if ("Bearer tok-1".equals(request.getHeaders().get("Authorization"))) {
            // Refuse none until all twenty hold the same token, so the refusals really overlap.
            allSentWithTheFirstToken.countDown();
            try {
              allSentWithTheFirstToken.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return status(401);
          }
          return ok("{}");
        }
      });
      http = builder().baseUrl(fast.url("/api/")).accessTokenProvider(tokens).build();
      ExecutorService pool = Executors.newFixedThreadPool(requests);
      List<Future<VendorResponse>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(pool.submit(() -> http.execute(VendorRequest.get(fast.url("/api/customers/1")).build())));
      }
      for (Future<VendorResponse> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS).attempts()).isEqualTo(2);
      }
      pool.shutdown();
    }

    assertThat(fetches).as("the first token, then one renewal for all twenty refusals").hasValue(2);
  }

  @Test
  void a401WithAStaticTokenIsAnAuthenticationExceptionWithoutRetry() {
    http = builder().accessTokenProvider(AccessTokenProvider.of("static-token-123")).build();
    server.enqueue(status(401));

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOf(dev.customersync.core.AuthenticationException.class)
        .hasMessageNotContaining("static-token-123");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusesABodyLargerThanTheLimitWithAClearError() {
    http = builder().maxResponseBytes(1024).build();
    server.enqueue(ok("x".repeat(10_000)));

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOf(VendorApiException.class)
        .hasMessageContaining("larger than the 1024-byte limit");
  }

  @Test
  void refusesAChunkedBodyLargerThanTheLimit() {
    http = builder().maxResponseBytes(1024).build();
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody("y".repeat(10_000), 100).build());

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .hasMessageContaining("larger than the 1024-byte limit");
  }

  @Test
  void doesNotFollowRedirectsSoCredentialsNeverReachAnotherHost() {
    http = builder().build();
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://evil.example/steal").build());

    assertThatThrownBy(() -> http.execute(VendorRequest.get(url("customers/1")).build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void sendsTheClientsHeadersTheRequestsHeadersAndTheBodyBytes() throws InterruptedException {
    http = builder().build();
    server.enqueue(ok("{}"));

    http.execute(VendorRequest.put(url("customers/1"), "{\"A\":1}".getBytes(StandardCharsets.UTF_8))
        .header("Accept", "application/json").build());

    RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(req.getMethod()).isEqualTo("PUT");
    assertThat(req.getUrl().encodedPath()).isEqualTo("/api/customers/1");
    assertThat(req.getHeaders().get("x-api-key")).isEqualTo(API_KEY);
    assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(req.getBody().utf8()).isEqualTo("{\"A\":1}");
  }

  @Test
  void secretsNeverAppearInExceptionMessagesRawBodiesOrLogs() {
    http = builder().build();
    try (LogCapture logs = new LogCapture()) {
      server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"bad key " + API_KEY + "\"}").build());
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(503).body("echo " + API_KEY).build());

      VendorApiException first = org.junit.jupiter.api.Assertions.assertThrows(VendorApiException.class,
          () -> http.execute(VendorRequest.get(url("customers/1")).build()));
      VendorApiException second = org.junit.jupiter.api.Assertions.assertThrows(VendorApiException.class,
          () -> http.execute(VendorRequest.get(url("customers/2")).build()));

      for (VendorApiException e : new VendorApiException[] {first, second}) {
        assertThat(e.getMessage()).doesNotContain(API_KEY);
        assertThat(e.rawBody()).doesNotContain(API_KEY).contains(Redactor.MASK);
        assertThat(e.toString()).doesNotContain(API_KEY);
      }
      assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(API_KEY));
      assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("GET /api/customers/2 -> 503 attempt 3"));
    }
  }

  @Test
  void rejectsAHeaderValueHttpCannotCarryWithoutShowingIt() {
    assertThatThrownBy(() -> VendorHttpClient.builder().defaultHeader("x-api-key", "secret-value\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x-api-key").hasMessageContaining("index 12").hasMessageNotContaining("secret-value");
  }

  @Test
  void keepsFieldErrorsInTheVendorsOrder() {
    VendorApiException e = VendorApiException.builder().vendor("v").statusCode(400)
        .fieldError("Zeta", "z").fieldError("Alpha", "a").fieldError("Mid", "m").build();

    assertThat(e.fieldErrors().keySet()).containsExactly("Zeta", "Alpha", "Mid");
  }

  @Test
  void closingAClientThatWasGivenAnOkHttpClientLeavesThatClientUsable() {
    http = builder().build();
    http.close();

    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
  }
}
