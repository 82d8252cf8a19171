package dev.customersync.core.spi;

import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The HTTP settings every vendor client's builder shares, so each vendor module adds only what is
 * its own (credentials, base URL, vendor defaults). Vendor builders extend it with themselves as
 * {@code B}, so these setters chain with the vendor's own.
 *
 * @param <B> the vendor builder type
 */
public abstract class VendorClientBuilder<B extends VendorClientBuilder<B>> {

  /** The caller's client to share, or null: the vendor client then creates and owns one. */
  protected OkHttpClient okHttpClient;
  protected RetryPolicy retryPolicy = RetryPolicy.defaults();
  protected RateLimiter rateLimiter;
  protected Duration rateLimitTimeout = Duration.ofSeconds(60);
  protected Timeouts timeouts = Timeouts.defaults();
  protected boolean allowInsecureHttp;
  /** The caller's executor for the client's async methods, or null: the client then uses its default. */
  protected Executor executor;

  /** @param defaultRateLimiter the vendor's default client-side throttle */
  protected VendorClientBuilder(RateLimiter defaultRateLimiter) {
    this.rateLimiter = Objects.requireNonNull(defaultRateLimiter);
  }

  /** The OkHttp client set, or null. */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  public Duration rateLimitTimeout() {
    return rateLimitTimeout;
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * The executor set with {@link #executor(Executor)}, or null: the client's async methods then run
   * on its default, the shared bounded pool of {@link dev.customersync.core.internal.BlockingCalls}
   * unless the vendor client's Javadoc says otherwise.
   */
  public Executor executor() {
    return executor;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * An OkHttp client to share (its connection pool and dispatcher); the vendor client never shuts
   * it down. Default: one the vendor client creates, owns and closes.
   */
  public B okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = okHttpClient;
    return self();
  }

  /** Retries of API (and token) calls; default {@link RetryPolicy#defaults()}. */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * The client-side throttle every call asks for a permit; the default is the vendor's (see the
   * vendor client's Javadoc). Pass a distributed limiter when several processes share credentials.
   */
  public B rateLimiter(RateLimiter rateLimiter) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    return self();
  }

  /** How long a call may wait for a rate-limit permit before a {@code RateLimitException}; default 60 s. */
  public B rateLimitTimeout(Duration rateLimitTimeout) {
    Objects.requireNonNull(rateLimitTimeout, "rateLimitTimeout");
    if (rateLimitTimeout.isNegative()) {
      throw new IllegalArgumentException("rateLimitTimeout must not be negative, was " + rateLimitTimeout);
    }
    this.rateLimitTimeout = rateLimitTimeout;
    return self();
  }

  /** Connect, read, write and whole-call timeouts; default {@link Timeouts#defaults()}. */
  public B timeouts(Timeouts timeouts) {
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    return self();
  }

  /** Allows plain {@code http} to non-loopback hosts; only for test servers, never production. */
  public B allowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
    return self();
  }

  /**
   * Where the client's async methods ({@code customerUpdater().updateAsync(..)} and the like) run.
   * The client never shuts it down. Default: a bounded pool of daemon threads (see {@link
   * #executor()}); give your own to size it for your load or to share one across clients.
   */
  public B executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }
}
