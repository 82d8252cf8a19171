package dev.customersync.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a token when none is cached, renews it shortly before it expires and after the vendor
 * refused it, and hands the cached token to every caller in between.
 *
 * <p><b>One fetch at a time.</b> The caller that finds no usable token runs the fetch on its own
 * thread; every caller arriving meanwhile waits for that fetch's outcome, for at most {@code
 * maxWait} (default 60 s) and interruptibly, and shares its token or its failure. No lock is held
 * while the fetch talks to the network, so a stalled token endpoint never leaves callers stuck
 * behind a monitor that neither times out nor answers an interrupt.
 *
 * <p><b>Failures are remembered.</b> After a failed fetch the provider does not ask again for a
 * back-off window measured on the injected {@link Clock}: 5 s after the first failure, doubling
 * with each failure in a row up to 60 s, and back to 5 s after a success (both configurable with
 * {@link Builder#failureBackoff}). Within the window every caller fails at once with an exception
 * of the failure's own type and status, whose message says when the endpoint failed, when it will
 * be asked again and what it said, and whose cause is the original failure. So a failing token
 * endpoint (Storm allows 3 requests a minute) sees a handful of requests, not one per update.
 *
 * <p>The token is renewed {@code refreshAhead} before expiry (default 60 s, but never more than
 * half the token's lifetime, so short-lived test tokens still get used). {@link #invalidate} only
 * drops the token when it is still the current one, so many requests refused with the same token
 * cause one renewal.
 *
 * <p><b>Deadlines.</b> A fetch runs on the caller's thread, so the caller's {@link CallDeadline}
 * bounds it (its retries, back-off and {@code Retry-After} included). A caller waiting for another
 * caller's fetch waits at most {@code maxWait} or until its own deadline, whichever comes first,
 * and then fails with a {@link DeadlineExceededException} of phase {@code ACCESS_TOKEN}.
 */
public final class CachingAccessTokenProvider implements AccessTokenProvider {

  /** Fetches a new token; {@code previous} is the last token (possibly expired) or null. */
  @FunctionalInterface
  public interface TokenFetcher {
    /**
     * Fetches a new token, blocking the calling thread until the token endpoint answers.
     *
     * @param previous the last token (possibly expired, possibly carrying a refresh token), or null
     * @return the new token, never null
     */
    AccessToken fetch(AccessToken previous);
  }

  private final TokenFetcher fetcher;
  private final Clock clock;
  private final Duration refreshAhead;
  private final Duration maxWait;
  private final Duration firstFailureBackoff;
  private final Duration maxFailureBackoff;
  // Guards the fields below it. Held only for a few field reads and writes, never across a fetch.
  private final Object state = new Object();

  private volatile Cached cached;
  private CompletableFuture<AccessToken> inFlight;
  private RuntimeException lastFailure;
  private Instant failedAt;
  private Instant nextTryAt;
  private int failuresInARow;

  private CachingAccessTokenProvider(Builder b) {
    this.fetcher = b.fetcher;
    this.clock = b.clock;
    this.refreshAhead = b.refreshAhead;
    this.maxWait = b.maxWait;
    this.firstFailureBackoff = b.firstFailureBackoff;
    this.maxFailureBackoff = b.maxFailureBackoff;
  }

  /** {@return a new builder; {@link Builder#fetcher} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The cached token, or a new one: fetched on this thread when no fetch is in flight, or the
   * outcome of the fetch another caller started.
   *
   * @throws CustomerSyncException the fetch's failure (the same instance for every caller that
   *     waited on it), or, within the back-off window after a failure, a new exception of the same
   *     type and status naming it
   * @throws TransportException when the fetch in flight took longer than {@code maxWait}, or this
   *     thread was interrupted while waiting for it (its interrupt status is kept)
   * @throws DeadlineExceededException when this thread's {@link CallDeadline} ran out first
   */
  @Override
  public String accessToken() {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      Cached c = cached;
      if (c != null && fresh(c)) {
        return c.token.value();
      }
      CompletableFuture<AccessToken> fetch;
      boolean mine = false;
      synchronized (state) {
        c = cached;
        if (c != null && fresh(c)) {
          return c.token.value();
        }
        if (inFlight == null) {
          Instant now = clock.instant();
          if (lastFailure != null && now.isBefore(nextTryAt)) {
            throw failFast(now);
          }
          inFlight = new CompletableFuture<>();
          mine = true;
        }
        fetch = inFlight;
      }
      if (mine) {
        return fetchNow(fetch, c == null ? null : c.token);
      }
      AccessToken shared = await(fetch, deadline);
      if (shared != null) {
        return shared.value();
      }
      // The fetch was abandoned (its thread was interrupted): try again, maybe as the fetcher.
    }
  }

  /** Drops {@code token} when it is still the current one; a token already replaced is left alone. */
  @Override
  public void invalidate(String token) {
    synchronized (state) {
      Cached c = cached;
      if (c != null && c.token.value().equals(token)) {
        cached = new Cached(c.token.expiredAt(clock.instant()), c.fetchedAt);
      }
    }
  }

  /** Always true: an invalidated token is replaced by a fetch. */
  @Override
  public boolean canRefresh() {
    return true;
  }

  private String fetchNow(CompletableFuture<AccessToken> fetch, AccessToken previous) {
    AccessToken fetched;
    try {
      fetched = Objects.requireNonNull(fetcher.fetch(previous), "token fetcher returned null");
    } catch (RuntimeException | Error e) {
      // An interrupt is this caller giving up, not the token endpoint failing: it must not shut
      // every other caller out for a back-off window, so waiters are told to try again instead.
      boolean abandoned = Thread.currentThread().isInterrupted() || !(e instanceof RuntimeException);
      synchronized (state) {
        if (!abandoned) {
          recordFailure((RuntimeException) e);
        }
        inFlight = null;
      }
      fetch.completeExceptionally(abandoned ? Abandoned.INSTANCE : e);
      throw e;
    }
    synchronized (state) {
      cached = new Cached(fetched, clock.instant());
      lastFailure = null;
      failedAt = null;
      nextTryAt = null;
      failuresInARow = 0;
      inFlight = null;
    }
    fetch.complete(fetched);
    return fetched.value();
  }

  /** The shared token, or null when the fetch was abandoned and the caller should try again. */
  private AccessToken await(CompletableFuture<AccessToken> fetch, long deadline) {
    long wait = Math.max(0, deadline - System.nanoTime());
    CallDeadline callDeadline = CallDeadline.current();
    long left = callDeadline == null ? Long.MAX_VALUE : Math.max(0, callDeadline.remainingNanos());
    boolean capped = left < wait;
    try {
      return fetch.get(capped ? left : wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for the access token another call is fetching",
          e, 0, false, VendorOperation.TOKEN);
    } catch (TimeoutException e) {
      if (capped) {
        Duration budget = Objects.requireNonNull(callDeadline.budget());
        throw new DeadlineExceededException("the " + CallDeadline.format(budget) + " deadline ran out while waiting "
            + "for the access token another call is fetching; that fetch is still running", null,
            DeadlineExceededException.Phase.ACCESS_TOKEN, budget, null, 0, false, VendorOperation.TOKEN);
      }
      throw new TransportException("waited " + maxWait.toMillis() + " ms for the access token another call is "
          + "fetching; that fetch is still running", null, 0, false, VendorOperation.TOKEN);
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof Abandoned) {
        return null;
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error err) {
        throw err;
      }
      throw new CustomerSyncException("the access token fetch failed", failure);
    }
  }

  // Called with the state lock held.
  private void recordFailure(RuntimeException e) {
    Instant now = clock.instant();
    failuresInARow++;
    // 2^20 windows of even a second are past any sensible maximum; the cap keeps the product finite.
    Duration window = firstFailureBackoff.multipliedBy(1L << Math.min(failuresInARow - 1, 20));
    if (window.compareTo(maxFailureBackoff) > 0) {
      window = maxFailureBackoff;
    }
    lastFailure = e;
    failedAt = now;
    nextTryAt = now.plus(window);
  }

  // Called with the state lock held, within the back-off window.
  private RuntimeException failFast(Instant now) {
    RuntimeException failure = lastFailure;
    String note = "token endpoint failed " + Duration.between(failedAt, now).toSeconds() + " s ago, next try after "
        + nextTryAt + " (in " + ceilSeconds(Duration.between(now, nextTryAt)) + " s)";
    if (failure instanceof VendorApiException v) {
      VendorApiException.Builder b = v.toBuilder().attempts(0).cause(v)
          .message(v.vendorMessage().map(m -> note + ": " + m).orElse(note));
      VendorApiException again = v instanceof AuthenticationException ? b.buildAuthentication()
          : v instanceof NotFoundException ? b.buildNotFound() : b.build();
      // A vendor module's own subtype cannot be rebuilt from a status; the original says it all.
      return again.getClass() == v.getClass() ? again : v;
    }
    if (failure instanceof TransportException t) {
      return new TransportException(note + ": " + t.getMessage(), t, 0, false, VendorOperation.TOKEN);
    }
    if (failure instanceof RateLimitTimeoutException r) {
      return new RateLimitTimeoutException(note + ": " + r.getMessage(), r.vendor(), r.waited(), 0, false,
          VendorOperation.TOKEN);
    }
    return new CustomerSyncException(note + ": " + failure, failure);
  }

  private static long ceilSeconds(Duration d) {
    long s = d.toSeconds();
    return d.minusSeconds(s).isZero() ? s : s + 1;
  }

  private boolean fresh(Cached c) {
    Instant now = clock.instant();
    Duration lifetime = Duration.between(c.fetchedAt, c.token.expiresAt());
    Duration ahead = refreshAhead;
    if (lifetime.dividedBy(2).compareTo(ahead) < 0) {
      ahead = lifetime.dividedBy(2);
    }
    return now.isBefore(c.token.expiresAt().minus(ahead));
  }

  @Override
  public String toString() {
    return "CachingAccessTokenProvider{refreshAhead=" + refreshAhead + ", maxWait=" + maxWait + ", token="
        + (cached == null ? "none" : "****") + "}";
  }

  /** The token and when it was fetched, read together without a lock. */
  private record Cached(AccessToken token, Instant fetchedAt) {}

  /** Completes a fetch whose thread was interrupted, so its waiters try again. */
  private static final class Abandoned extends RuntimeException {
    static final Abandoned INSTANCE = new Abandoned();

    private Abandoned() {
      super("token fetch abandoned", null, false, false);
    }
  }

  /** Builds {@link CachingAccessTokenProvider}s. */
  public static final class Builder {
    private TokenFetcher fetcher;
    private Clock clock = Clock.systemUTC();
    private Duration refreshAhead = Duration.ofSeconds(60);
    private Duration maxWait = Duration.ofSeconds(60);
    private Duration firstFailureBackoff = Duration.ofSeconds(5);
    private Duration maxFailureBackoff = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Fetches new tokens, e.g. an {@code OAuth2TokenFetcher}; required.
     *
     * @param fetcher the fetcher
     * @return this builder
     */
    public Builder fetcher(TokenFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher);
      return this;
    }

    /**
     * The clock expiry and the failure back-off are measured with; tests pass a fake one.
     *
     * @param clock default the system clock in UTC
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * How long before expiry a token is renewed; default 60 s (at most half its lifetime).
     *
     * @param refreshAhead the margin before expiry
     * @return this builder
     */
    public Builder refreshAhead(Duration refreshAhead) {
      this.refreshAhead = Objects.requireNonNull(refreshAhead);
      return this;
    }

    /**
     * How long a caller waits for a fetch another caller started before giving up with a {@link
     * TransportException}; default 60 s, the default whole-call timeout. Real time, not the clock.
     *
     * @param maxWait not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxWait(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /**
     * How long a failed fetch is remembered before the token endpoint is asked again: {@code
     * first} after one failure, doubling with each further failure in a row up to {@code max}.
     * Default 5 s and 60 s. {@link Duration#ZERO} for both asks again on every call.
     *
     * @param first the window after one failure
     * @param max the longest window, not below {@code first}
     * @return this builder
     * @throws IllegalArgumentException when {@code first} is negative or above {@code max}
     */
    public Builder failureBackoff(Duration first, Duration max) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(max, "max");
      if (first.isNegative() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException("failure back-off needs 0 <= first <= max, was " + first + " and " + max);
      }
      this.firstFailureBackoff = first;
      this.maxFailureBackoff = max;
      return this;
    }

    /**
     * {@return the provider}
     *
     * @throws IllegalStateException when no fetcher was set
     */
    public CachingAccessTokenProvider build() {
      if (fetcher == null) {
        throw new IllegalStateException("a token fetcher is required");
      }
      return new CachingAccessTokenProvider(this);
    }
  }
}
