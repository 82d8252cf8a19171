package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.CallDeadline;
import dev.customersync.core.DeadlineExceededException;
import dev.customersync.core.DeadlineExceededException.Phase;
import dev.customersync.core.FakeClock;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.TokenBucketRateLimiter;
import dev.customersync.core.TransportException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * One deadline bounds a whole call: the permit wait, the token wait, the attempts, the back-off and
 * {@code Retry-After}. Time is a {@link FakeClock} that the retry sleeper and the limiter advance;
 * nothing here sleeps, except one attempt stalled for the 300 ms its capped timeout allows.
 */
class VendorHttpClientDeadlineTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final FakeClock clock = new FakeClock();

  private RetryPolicy policy() {
    return RetryPolicy.builder().clock(clock).nanoClock(clock::nanoTime).sleeper(clock.sleeper()).jitter(() -> 1.0)
        .build();
  }

  private VendorHttpClient.Builder builder() {
    return VendorHttpClient.builder()
        .vendor("acme")
        .baseUrl(server.url("/api/"))
        .retryPolicy(policy())
        .errorParser((response, into) -> { });
  }

  private HttpUrl url(String path) {
    return server.url("/api/" + path);
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("{}").build();
  }

  /** Answers from a queue, moving the fake clock on by {@code each} per request: a slow vendor. */
  private Dispatcher slow(Duration each, MockResponse... answers) {
    Queue<MockResponse> queue = new ArrayDeque<>(java.util.List.of(answers));
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        clock.advance(each);
        synchronized (queue) {
          return queue.isEmpty() ? status(500) : queue.remove();
        }
      }
    };
  }

  private VendorRequest get(String path) {
    return VendorRequest.get(url(path)).operation("get-customer").build();
  }

  @Test
  void defaultsToThirtySecondsWellUnderAMinute() {
    assertThat(CallDeadline.DEFAULT).isEqualTo(Duration.ofSeconds(30));
    assertThat(builder().build().callDeadline()).isEqualTo(Duration.ofSeconds(30));
    assertThat(new ToyClientBuilder().callDeadline()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesAZeroNegativeOrNullDeadlineNamingTheOption() {
    ToyClientBuilder b = new ToyClientBuilder();

    assertThatThrownBy(() -> b.callDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callDeadline must be positive")
        .hasMessageContaining("noDeadline()");
    assertThatThrownBy(() -> b.callDeadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callDeadline must be positive");
    assertThatThrownBy(() -> b.callDeadline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("callDeadline");
    assertThatThrownBy(() -> builder().callDeadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callDeadline must be positive");
    assertThat(b.callDeadline(Duration.ofSeconds(5)).callDeadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(b.noDeadline().callDeadline()).isNull();
  }

  @Test
  void failsAtOnceNamingRetryAfterWhenA429AsksForMoreThanTheDeadlineLeaves() {
    VendorHttpClient http = builder().callDeadline(Duration.ofSeconds(30)).build();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "45").build());

    assertThatThrownBy(() -> http.execute(get("customers/1")))
        .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.phase()).isEqualTo(Phase.RETRY_AFTER);
          assertThat(e.deadline()).isEqualTo(Duration.ofSeconds(30));
          assertThat(e.pendingWait()).contains(Duration.ofSeconds(45));
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.getMessage()).isEqualTo("acme get-customer: the 30 s deadline would pass while waiting 45 s"
              + " for Retry-After after attempt 1 of 3, 30 s left");
          // The vendor's answer travels as the cause, for a caller that schedules the retry itself.
          assertThat(e.getCause()).isInstanceOfSatisfying(RateLimitException.class, cause -> {
            assertThat(cause.statusCode()).isEqualTo(429);
            assertThat(cause.retryAfter()).contains(Duration.ofSeconds(45));
          });
        })
        .isInstanceOf(TransportException.class);
    // Failed fast: it did not sleep until the deadline first.
    assertThat(clock.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void waitsOutTheSameRetryAfterWithoutADeadline() {
    VendorHttpClient http = builder().callDeadline(null).build();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "45").build());
    server.enqueue(ok());

    assertThat(http.execute(get("customers/1")).attempts()).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(45));
  }

  @Test
  void failsBeforeABackoffThatWouldPassTheDeadline() {
    VendorHttpClient http = builder().callDeadline(Duration.ofSeconds(30)).build();
    server.setDispatcher(slow(Duration.ofMillis(29_800), status(503), ok()));

    assertThatThrownBy(() -> http.execute(get("customers/1")))
        .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.phase()).isEqualTo(Phase.BACKOFF);
          assertThat(e.pendingWait()).contains(Duration.ofMillis(500));
          assertThat(e.mayHaveReachedVendor()).isTrue();
          assertThat(e.getMessage()).contains("the 30 s deadline would pass while waiting 500 ms of back-off after "
              + "attempt 1 of 3, 200 ms left");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void capsTheThirdOfThreeSlowAttemptsAtTheTimeLeft() {
    VendorHttpClient http = builder().callDeadline(Duration.ofSeconds(30)).build();
    // 14.1 s per answer and 0.5 s + 1 s of back-off leave 0.3 s for the third attempt, which stalls.
    server.setDispatcher(slow(Duration.ofMillis(14_100), status(503), status(503),
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build()));

    long started = System.nanoTime();
    assertThatThrownBy(() -> http.execute(get("customers/1")))
        .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.phase()).isEqualTo(Phase.ATTEMPT);
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.mayHaveReachedVendor()).isTrue();
          assertThat(e.getMessage()).isEqualTo("acme get-customer: the 30 s deadline ran out during attempt 3 of 3"
              + " (its call timeout capped at 300 ms)");
        });
    // Without the cap the stalled attempt would have held the call for the 60 s whole-call timeout.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void boundsThePermitWaitByTheDeadlineAndSendsNothing() {
    // One permit a minute: the second call would wait 60 s, within the 60 s rate-limit timeout.
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder().permitsPerSecond(1 / 60.0).burst(1)
        .nanoClock(clock::nanoTime).sleeper(clock.sleeper()).build();
    VendorHttpClient http = builder().rateLimiter(limiter).rateLimitTimeout(Duration.ofSeconds(60))
        .callDeadline(Duration.ofSeconds(30)).build();
    server.enqueue(ok());
    http.execute(get("customers/1"));

    assertThatThrownBy(() -> http.execute(get("customers/2")))
        .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.phase()).isEqualTo(Phase.RATE_LIMIT_PERMIT);
          assertThat(e.attempts()).isZero();
          assertThat(e.mayHaveReachedVendor()).isFalse();
          assertThat(e.getMessage()).isEqualTo("acme get-customer: the 30 s deadline would pass while waiting for a "
              + "rate-limit permit for attempt 1 (not sent), 30 s left");
        });
    assertThat(clock.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void failsFastNamingTheTokenWaitWhenTheTokenEndpointAsksForMoreThanTheDeadlineLeaves() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getUrl().encodedPath().equals("/token")
            ? new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build()
            : ok();
      }
    });
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.clientCredentials(server.url("/token").toString(), "client",
        "s3cret-client-secret", null).vendor("acme").retryPolicy(policy()).clock(clock).build();
    CachingAccessTokenProvider tokens = CachingAccessTokenProvider.builder().fetcher(fetcher).clock(clock).build();
    VendorHttpClient http = builder().accessTokenProvider(tokens).callDeadline(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> http.execute(get("customers/1")))
        .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.phase()).isEqualTo(Phase.ACCESS_TOKEN);
          assertThat(e.attempts()).isZero();
          assertThat(e.getMessage()).startsWith("acme get-customer: the 10 s deadline would pass while waiting for"
              + " an access token, 10 s left (acme token: the 10 s deadline would pass while waiting 30 s for"
              + " Retry-After after attempt 1 of 3")
              .doesNotContain("s3cret");
          assertThat(e.getCause()).isInstanceOfSatisfying(DeadlineExceededException.class,
              token -> assertThat(token.phase()).isEqualTo(Phase.RETRY_AFTER));
        });
    // One token request, no wait, and the API never called.
    assertThat(clock.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callsInsideAnOpenScopeShareItsBudget() {
    VendorHttpClient http = builder().callDeadline(Duration.ofSeconds(30)).build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/1")) {
          clock.advance(Duration.ofSeconds(20));
          return ok();
        }
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "15").build();
      }
    });

    try (CallDeadline.Scope scope = http.openDeadline()) {
      http.execute(get("customers/1"));
      // A fresh 30 s would allow 15 s of Retry-After; the 10 s left of the shared one does not.
      assertThatThrownBy(() -> http.execute(get("customers/2")))
          .isInstanceOfSatisfying(DeadlineExceededException.class,
              e -> assertThat(e.getMessage()).contains("waiting 15 s for Retry-After", "10 s left"));
      assertThat(scope.deadline().remaining()).isEqualTo(Duration.ofSeconds(10));
    }
    assertThat(CallDeadline.current()).isNull();
  }

  /** The smallest vendor builder, to pin what every vendor client inherits. */
  private static final class ToyClientBuilder extends VendorClientBuilder<ToyClientBuilder> {
    ToyClientBuilder() {
      super(dev.customersync.core.RateLimiter.unlimited());
    }
  }
}
