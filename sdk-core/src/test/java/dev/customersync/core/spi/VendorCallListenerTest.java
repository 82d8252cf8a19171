package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.AccessToken;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.VendorServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The exact event sequence a call produces, per scenario; and that a listener never breaks a call. */
class VendorCallListenerTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final Recorder events = new Recorder();

  private VendorHttpClient.Builder client() {
    return VendorHttpClient.builder().vendor("acme").baseUrl(server.url("/api/"))
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).jitter(() -> 1.0).build())
        .errorParser((response, into) -> { })
        .listenerFactory(VendorCallListener.Factory.of(events));
  }

  private VendorResponse get(VendorHttpClient http) {
    return http.execute(VendorRequest.get(server.url("/api/customers/1")).operation("get-customer")
        .endpoint("customers/{id}").build());
  }

  @Test
  void aSuccessfulCallStartsAttemptsWaitsForAPermitAndEnds() {
    server.enqueue(new MockResponse.Builder().body("{}").build());

    get(client().build());

    assertThat(events.names).containsExactly("callStart acme get-customer (GET customers/{id})",
        "attemptStart 1", "permitWaited 1", "attemptEnd 1 200", "callEnd 200 1");
  }

  @Test
  void aRetriedStatusIsOneCallWithTwoAttemptsAndARetryDecision() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    get(client().build());

    assertThat(events.names).containsExactly("callStart acme get-customer (GET customers/{id})",
        "attemptStart 1", "permitWaited 1", "attemptEnd 1 503", "retryDecision 1 STATUS 503",
        "attemptStart 2", "permitWaited 2", "attemptEnd 2 200", "callEnd 200 2");
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheTokenRequestIsItselfAnObservedCall() {
    server.enqueue(new MockResponse.Builder().code(401).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    AtomicInteger fetches = new AtomicInteger();
    CachingAccessTokenProvider tokens = CachingAccessTokenProvider.builder()
        .fetcher(previous -> new AccessToken("token-" + fetches.incrementAndGet() + "-abcdef",
            Instant.now().plusSeconds(3600), null, null))
        .build();

    get(client().accessTokenProvider(tokens).build());

    assertThat(events.names).containsExactly("callStart acme get-customer (GET customers/{id})",
        "attemptStart 1", "tokenAcquired 1", "permitWaited 1", "attemptEnd 1 401", "tokenRefused 1 401",
        "attemptStart 2", "tokenAcquired 2", "permitWaited 2", "attemptEnd 2 200", "callEnd 200 2");
  }

  @Test
  void anIoFailureIsAFailedAttemptThenARetry() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    get(client().build());

    assertThat(events.names).contains("retryDecision 1 IO_FAILURE 0", "callEnd 200 2")
        .anySatisfy(e -> assertThat(e).startsWith("attemptFailed 1 "));
  }

  @Test
  void aFailedCallEndsWithCallFailedCarryingTheException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
    }

    assertThatThrownBy(() -> get(client().build())).isInstanceOf(VendorServerException.class);

    assertThat(events.names).last().isEqualTo("callFailed VendorServerException 3");
  }

  @Test
  void aPermitTimeoutIsACallFailedWithNothingSent() {
    VendorHttpClient http = client().rateLimiter((key, timeout) -> false).rateLimitTimeout(Duration.ZERO).build();

    assertThatThrownBy(() -> get(http)).isInstanceOf(RateLimitTimeoutException.class);

    assertThat(events.names).containsExactly("callStart acme get-customer (GET customers/{id})",
        "attemptStart 1", "callFailed RateLimitTimeoutException 0");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aListenerThatThrowsNeverBreaksTheCall() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    VendorCallListener throwing = new VendorCallListener() {
      @Override
      public void callStart(VendorCall call) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void callEnd(VendorCall call, int status, int attempts, Duration took) {
        throw new IllegalStateException("listener bug");
      }
    };

    VendorResponse r = get(client().listenerFactory(VendorCallListener.Factory.of(throwing)).build());

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void composingWithNoneCostsNothingAndNoneCreatesNoListener() {
    assertThat(VendorCallListener.compose(VendorCallListener.none(), events)).isSameAs(events);
    assertThat(VendorCallListener.compose(VendorCallListener.none())).isSameAs(VendorCallListener.none());
    assertThat(VendorCallListener.Factory.of(VendorCallListener.none())).isSameAs(VendorCallListener.Factory.none());
    assertThat(VendorCallListener.Factory.compose(VendorCallListener.Factory.none())).isSameAs(VendorCallListener.Factory.none());

    AtomicInteger created = new AtomicInteger();
    VendorCallListener.Factory counting = call -> {
      created.incrementAndGet();
      return events;
    };
    server.enqueue(new MockResponse.Builder().body("{}").build());
    get(client().listenerFactory(VendorCallListener.Factory.compose(VendorCallListener.Factory.none(), counting)).build());
    assertThat(created).hasValue(1);
  }

  /** Records events as short lines. */
  private static final class Recorder implements VendorCallListener {
    final List<String> names = new CopyOnWriteArrayList<>();

    @Override
    public void callStart(VendorCall call) {
      names.add("callStart " + call);
    }

    @Override
    public void attemptStart(VendorCall call, int attempt) {
      names.add("attemptStart " + attempt);
    }

    @Override
    public void tokenAcquired(VendorCall call, int attempt, Duration waited) {
      names.add("tokenAcquired " + attempt);
    }

    @Override
    public void permitWaited(VendorCall call, int attempt, Duration waited) {
      names.add("permitWaited " + attempt);
    }

    @Override
    public void attemptEnd(VendorCall call, int attempt, int status, Duration took) {
      names.add("attemptEnd " + attempt + " " + status);
    }

    @Override
    public void attemptFailed(VendorCall call, int attempt, String failure, boolean mayHaveReachedVendor, Duration took) {
      names.add("attemptFailed " + attempt + " " + failure);
    }

    @Override
    public void tokenRefused(VendorCall call, int attempt, int status) {
      names.add("tokenRefused " + attempt + " " + status);
    }

    @Override
    public void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {
      names.add("retryDecision " + attempt + " " + reason + " " + status);
    }

    @Override
    public void callEnd(VendorCall call, int status, int attempts, Duration took) {
      names.add("callEnd " + status + " " + attempts);
    }

    @Override
    public void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {
      names.add("callFailed " + error.getClass().getSimpleName() + " " + attempts);
    }
  }
}
