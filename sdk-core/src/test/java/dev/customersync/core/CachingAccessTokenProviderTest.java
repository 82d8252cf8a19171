package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingAccessTokenProviderTest {

  private final FakeClock clock = new FakeClock();
  private final AtomicInteger fetches = new AtomicInteger();

  private CachingAccessTokenProvider provider(Duration lifetime) {
    return CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> AccessToken.of("token-" + fetches.incrementAndGet(), clock.instant().plus(lifetime)))
        .build();
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
          awaitOthersBlocked(waiting, callers - 1);
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
  void callersWaitingOnAFailedFetchShareItsFailureButLaterCallersTryAgain() {
    AtomicInteger attempts = new AtomicInteger();
    CachingAccessTokenProvider p = CachingAccessTokenProvider.builder().clock(clock)
        .fetcher(prev -> {
          if (attempts.incrementAndGet() == 1) {
            throw new CustomerSyncException("token endpoint down");
          }
          return AccessToken.of("ok", clock.instant().plusSeconds(3600));
        })
        .build();

    assertThatThrownBy(p::accessToken).hasMessage("token endpoint down");
    assertThat(p.accessToken()).isEqualTo("ok");
    assertThat(attempts).hasValue(2);
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

  /** Waits until {@code count} other pool threads are blocked on the provider's lock. */
  private static void awaitOthersBlocked(List<Thread> threads, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      long blocked;
      synchronized (threads) {
        blocked = threads.stream().filter(t -> t != Thread.currentThread() && t.getState() == Thread.State.BLOCKED).count();
      }
      if (blocked >= count) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the other callers never queued behind the fetch");
  }
}
