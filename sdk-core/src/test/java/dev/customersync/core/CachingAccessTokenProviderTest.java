package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class CachingAccessTokenProviderTest {

  private final FakeClock clock = new FakeClock();
  private final AtomicInteger fetches = new AtomicInteger();

  private CachingAccessTokenProvider provider(Duration lifetime) {
    return CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> AccessToken.of("token-" + fetches.incrementAndGet(), clock.instant().plus(lifetime)))
        .build();
  }

  private static VendorServerException unavailable() {
    return (VendorServerException) VendorApiException.builder().vendor("storm").statusCode(503)
        .errorCode("temporarily_unavailable").message("identity server is restarting").attempts(3).build();
  }

  @Test
  void cachesTheTokenUntilShortlyBeforeExpiry() {
    CachingAccessTokenProvider p = provider(Duration.ofHours(1));

    assertThat(p.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(3539));
    assertThat(p.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(p.accessToken()).isEqualTo("token-2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void shortLivedTokensAreUsedForHalfTheirLifetime() {
    CachingAccessTokenProvider p = provider(Duration.ofSeconds(20));

    p.accessToken();
    clock.advance(Duration.ofSeconds(9));
    assertThat(p.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(p.accessToken()).isEqualTo("token-2");
  }

  @Test
  void invalidatingTheRefusedTokenFetchesANewOneButAnOlderInvalidationDoesNot() {
    CachingAccessTokenProvider p = provider(Duration.ofHours(1));
    p.accessToken();

    p.invalidate("token-1");
    assertThat(p.accessToken()).isEqualTo("token-2");
    p.invalidate("token-1");
    assertThat(p.accessToken()).isEqualTo("token-2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void sixteenConcurrentCallersShareExactlyOneFetch() throws Exception {
    int callers = 16;
    CyclicBarrier start = new CyclicBarrier(callers);
    List<Thread> waiting = new ArrayList<>();
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          awaitParkedOnTheFetch(waiting, callers - 1);
          return AccessToken.of("token-" + fetches.incrementAndGet(), clock.instant().plusSeconds(3600));
        })
        .build();
    ExecutorService pool = Executors.newFixedThreadPool(callers, r -> {
      Thread t = new Thread(r);
      synchronized (waiting) {
        waiting.add(t);
      }
      return t;
    });
    List<Future<String>> tokens = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      tokens.add(pool.submit(() -> {
        start.await();
        return p.accessToken();
      }));
    }
    for (Future<String> f : tokens) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("token-1");
    }
    pool.shutdown();

    assertThat(fetches).hasValue(1);
  }

  @Test
  void callersWaitingOnAFailedFetchShareItsFailureAndLaterCallersTryAgainAfterTheBackoff() {
    AtomicInteger attempts = new AtomicInteger();
    CustomerSyncException down = new CustomerSyncException("token endpoint down");
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          if (attempts.incrementAndGet() == 1) {
            throw down;
          }
          return AccessToken.of("ok", clock.instant().plusSeconds(3600));
        })
        .build();

    assertThatThrownBy(p::accessToken).isSameAs(down);
    assertThatThrownBy(p::accessToken).isInstanceOf(CustomerSyncException.class)
        .hasMessageContaining("token endpoint down").hasCause(down);
    clock.advance(Duration.ofSeconds(5));
    assertThat(p.accessToken()).isEqualTo("ok");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aFailedFetchIsRememberedForFiveSecondsDoublingToAMinuteAndForgottenAfterASuccess() {
    AtomicBoolean endpointUp = new AtomicBoolean();
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          fetches.incrementAndGet();
          if (!endpointUp.get()) {
            throw unavailable();
          }
          return AccessToken.of("ok", clock.instant().plusSeconds(3600));
        })
        .build();
    List<Long> windows = new ArrayList<>();

    // Each round: call every 500 ms of fake time until the provider asks the endpoint again.
    for (int round = 0; round < 7; round++) {
      int asked = fetches.get();
      long waited = 0;
      while (true) {
        assertThatThrownBy(p::accessToken).isInstanceOf(VendorServerException.class);
        if (fetches.get() > asked || waited > 120_000) {
          break;
        }
        clock.advance(Duration.ofMillis(500));
        waited += 500;
      }
      windows.add(waited);
    }

    assertThat(windows).containsExactly(0L, 5_000L, 10_000L, 20_000L, 40_000L, 60_000L, 60_000L);
    endpointUp.set(true);
    clock.advance(Duration.ofSeconds(60));
    assertThat(p.accessToken()).isEqualTo("ok");
    endpointUp.set(false);
    p.invalidate("ok");
    assertThatThrownBy(p::accessToken).isInstanceOf(VendorServerException.class);
    clock.advance(Duration.ofSeconds(5));
    int before = fetches.get();
    assertThatThrownBy(p::accessToken).isInstanceOf(VendorServerException.class);
    assertThat(fetches.get()).as("the window is 5 s again after a success").isEqualTo(before + 1);
  }

  @Test
  void duringTheBackoffEveryCallerFailsFastWithTheSameStatusAndAMessageNamingTheCause() {
    VendorServerException first = unavailable();
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          fetches.incrementAndGet();
          throw first;
        })
        .build();
    assertThatThrownBy(p::accessToken).isSameAs(first);

    clock.advance(Duration.ofSeconds(2));

    assertThatThrownBy(p::accessToken).isInstanceOfSatisfying(VendorServerException.class, e -> {
      assertThat(e).isNotSameAs(first).hasCause(first);
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.errorCode()).contains("temporarily_unavailable");
      assertThat(e.attempts()).isZero();
      assertThat(e.getMessage()).contains("token endpoint failed 2 s ago", "next try after 2026-01-15T10:00:05Z",
          "identity server is restarting");
    });
    assertThat(fetches).hasValue(1);
  }

  @Test
  void refusedCredentialsStayAnAuthenticationExceptionDuringTheBackoff() {
    AuthenticationException refused = VendorApiException.builder().vendor("bokamera").statusCode(400)
        .errorCode("invalid_grant").message("Invalid user credentials").buildAuthentication();
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          throw refused;
        })
        .build();
    assertThatThrownBy(p::accessToken).isSameAs(refused);

    assertThatThrownBy(p::accessToken).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.getMessage()).contains("token endpoint failed 0 s ago", "Invalid user credentials");
    });
  }

  @Test
  void theBackoffWindowsAreConfigurable() {
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .failureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
        .fetcher(prev -> {
          fetches.incrementAndGet();
          throw unavailable();
        })
        .build();

    List<Integer> fetchesAfterEachCall = new ArrayList<>();
    for (Duration step : List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofMillis(1), Duration.ofMillis(1999),
        Duration.ofMillis(1), Duration.ofMillis(1999), Duration.ofMillis(1))) {
      clock.advance(step);
      assertThatThrownBy(p::accessToken).isInstanceOf(VendorServerException.class);
      fetchesAfterEachCall.add(fetches.get());
    }

    // Windows of 1 s, then 2 s, then still 2 s (the cap).
    assertThat(fetchesAfterEachCall).containsExactly(1, 1, 2, 2, 3, 3, 4);
  }

  @Test
  void aFetchCutShortByAnInterruptIsNotHeldAgainstTheNextCaller() {
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          if (fetches.incrementAndGet() == 1) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", null, 1, false);
          }
          return AccessToken.of("ok", clock.instant().plusSeconds(3600));
        })
        .build();

    assertThatThrownBy(p::accessToken).isInstanceOf(TransportException.class);
    assertThat(Thread.interrupted()).isTrue();

    assertThat(p.accessToken()).isEqualTo("ok");
  }

  @Test
  void aWaiterGivesUpAfterMaxWaitWhileAnotherCallersFetchIsStillRunning() throws Exception {
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CachingAccessTokenProvider p = blockingProvider(fetching, release, Duration.ofMillis(100));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(p::accessToken, Executors.newSingleThreadExecutor());
    try {
      assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();

      // Run apart from the test thread: a caller stuck behind the fetch must fail the test, not hang it.
      CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
        try {
          p.accessToken();
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      }, Executors.newSingleThreadExecutor());

      assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(TransportException.class, e -> {
        assertThat(e.getMessage()).contains("waited 100 ms for the access token", "still running");
        assertThat(e.attempts()).isZero();
        assertThat(e.mayHaveReachedVendor()).isFalse();
      });
    } finally {
      release.countDown();
    }
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
    assertThat(p.accessToken()).isEqualTo("token-1");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aWaiterGivesUpWhenItsCallDeadlineRunsOutBeforeMaxWait() throws Exception {
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CachingAccessTokenProvider p = blockingProvider(fetching, release, Duration.ofSeconds(60));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(p::accessToken, Executors.newSingleThreadExecutor());
    try {
      assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
        // 50 ms left of a 10 s deadline: the waiter must not sit out the 60 s maxWait.
        CallDeadline deadline = CallDeadline.after(Duration.ofSeconds(10), clock::nanoTime);
        clock.advance(Duration.ofMillis(9_950));
        try (CallDeadline.Scope scope = deadline.enter()) {
          p.accessToken();
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      }, Executors.newSingleThreadExecutor());

      assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
        assertThat(e.phase()).isEqualTo(DeadlineExceededException.Phase.ACCESS_TOKEN);
        assertThat(e.getMessage()).contains("the 10 s deadline ran out while waiting for the access token");
        assertThat(e.attempts()).isZero();
      });
    } finally {
      release.countDown();
    }
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
  }

  @Test
  void anInterruptedWaiterReturnsPromptlyAndKeepsItsInterruptStatus() throws Exception {
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CachingAccessTokenProvider p = blockingProvider(fetching, release, Duration.ofMinutes(5));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread fetcher = new Thread(p::accessToken);
    Thread waiter = new Thread(() -> {
      try {
        p.accessToken();
      } catch (RuntimeException e) {
        thrown.set(e);
        interruptKept.set(Thread.currentThread().isInterrupted());
      }
    });
    try {
      fetcher.start();
      assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
      waiter.start();
      awaitParkedOnTheFetch(List.of(waiter), 1);

      waiter.interrupt();
      waiter.join(TimeUnit.SECONDS.toMillis(10));

      assertThat(waiter.isAlive()).as("the waiter returned").isFalse();
      assertThat(thrown.get()).isInstanceOf(TransportException.class).hasMessageContaining("interrupted");
      assertThat(interruptKept).isTrue();
    } finally {
      release.countDown();
    }
    fetcher.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(p.accessToken()).isEqualTo("token-1");
  }

  @Test
  void passesThePreviousTokenSoARefreshTokenCanBeUsed() {
    List<AccessToken> seen = new ArrayList<>();
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          seen.add(prev);
          return new AccessToken("a" + seen.size(), clock.instant().plusSeconds(300), "r" + seen.size(), null);
        })
        .build();

    p.accessToken();
    clock.advance(Duration.ofSeconds(300));
    p.accessToken();

    assertThat(seen.get(0)).isNull();
    assertThat(seen.get(1).refreshToken()).contains("r1");
  }

  @Test
  void toStringNeverShowsTheToken() {
    CachingAccessTokenProvider p = provider(Duration.ofHours(1));
    p.accessToken();

    assertThat(p.toString()).doesNotContain("token-1");
    assertThat(AccessTokenProvider.of("s3cr3t-token").toString()).doesNotContain("s3cr3t-token");
    assertThat(new AccessToken("s3cr3t-a", Instant.EPOCH, "s3cr3t-r", null).toString())
        .doesNotContain("s3cr3t-a").doesNotContain("s3cr3t-r");
  }

  /** A provider whose fetch signals {@code fetching}, then holds until {@code release}. */
  private CachingAccessTokenProvider blockingProvider(CountDownLatch fetching, CountDownLatch release, Duration maxWait) {
    return CachingAccessTokenProvider.builder().clock(clock).maxWait(maxWait)
        .fetcher(prev -> {
          fetching.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return AccessToken.of("token-" + fetches.incrementAndGet(), clock.instant().plusSeconds(3600));
        })
        .build();
  }

  /**
   * Waits until {@code count} of {@code threads} other than this one are parked on a
   * CompletableFuture, i.e. waiting for the fetch in flight rather than blocked on a lock.
   */
  private static void awaitParkedOnTheFetch(List<Thread> threads, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      long parked;
      synchronized (threads) {
        parked = threads.stream().filter(t -> t != Thread.currentThread())
            .filter(t -> {
              Object blocker = LockSupport.getBlocker(t);
              return blocker != null && blocker.getClass().getName().startsWith(CompletableFuture.class.getName());
            })
            .count();
      }
      if (parked >= count) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the other callers never waited on the fetch in flight");
  }
}
