package dev.customersync.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Fetches a token when none is cached, renews it shortly before it expires and after the vendor
 * refused it, and hands the cached token to every caller in between.
 *
 * <p>At most one fetch is in flight: concurrent callers wait for it and share its token. When a
 * fetch fails, the callers that waited on it get that failure rather than each trying again, so a
 * failing token endpoint (Storm allows 3 requests a minute) is not hammered.
 *
 * <p>The token is renewed {@code refreshAhead} before expiry (default 60 s, but never more than
 * half the token's lifetime, so short-lived test tokens still get used).
 */
public final class CachingAccessTokenProvider implements AccessTokenProvider {

  /** Fetches a new token; {@code previous} is the last token (possibly expired) or null. */
  @FunctionalInterface
  public interface TokenFetcher {
    AccessToken fetch(AccessToken previous);
  }

  private final TokenFetcher fetcher;
  private final Clock clock;
  private final Duration refreshAhead;
  private final Object lock = new Object();

  private volatile AccessToken current;
  private volatile Instant fetchedAt;
  // Counts finished fetches; a caller that arrived before a fetch finished shares its outcome.
  private volatile long generation;
  private RuntimeException lastFailure;
  private long failedGeneration = -1;

  private CachingAccessTokenProvider(Builder b) {
    this.fetcher = b.fetcher;
    this.clock = b.clock;
    this.refreshAhead = b.refreshAhead;
  }

  /** Starts a provider; {@link Builder#fetcher} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String accessToken() {
    AccessToken t = current;
    if (t != null && fresh(t)) {
      return t.value();
    }
    long seen = generation;
    synchronized (lock) {
      t = current;
      if (t != null && fresh(t)) {
        return t.value();
      }
      if (failedGeneration > seen && lastFailure != null) {
        throw lastFailure;
      }
      try {
        AccessToken fetched = Objects.requireNonNull(fetcher.fetch(t), "token fetcher returned null");
        current = fetched;
        fetchedAt = clock.instant();
        lastFailure = null;
        generation = generation + 1;
        return fetched.value();
      } catch (RuntimeException e) {
        lastFailure = e;
        generation = generation + 1;
        failedGeneration = generation;
        throw e;
      }
    }
  }

  @Override
  public void invalidate(String token) {
    synchronized (lock) {
      AccessToken t = current;
      if (t != null && t.value().equals(token)) {
        current = t.expiredAt(clock.instant());
      }
    }
  }

  @Override
  public boolean canRefresh() {
    return true;
  }

  private boolean fresh(AccessToken t) {
    Instant now = clock.instant();
    Instant from = fetchedAt == null ? now : fetchedAt;
    Duration lifetime = Duration.between(from, t.expiresAt());
    Duration ahead = refreshAhead;
    if (lifetime.dividedBy(2).compareTo(ahead) < 0) {
      ahead = lifetime.dividedBy(2);
    }
    return now.isBefore(t.expiresAt().minus(ahead));
  }

  @Override
  public String toString() {
    return "CachingAccessTokenProvider{refreshAhead=" + refreshAhead + ", token=" + (current == null ? "none" : "****") + "}";
  }

  /** Builds {@link CachingAccessTokenProvider}s. */
  public static final class Builder {
    private TokenFetcher fetcher;
    private Clock clock = Clock.systemUTC();
    private Duration refreshAhead = Duration.ofSeconds(60);

    private Builder() {}

    public Builder fetcher(TokenFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder refreshAhead(Duration refreshAhead) {
      this.refreshAhead = Objects.requireNonNull(refreshAhead);
      return this;
    }

    public CachingAccessTokenProvider build() {
      if (fetcher == null) {
        throw new IllegalStateException("a token fetcher is required");
      }
      return new CachingAccessTokenProvider(this);
    }
  }
}
