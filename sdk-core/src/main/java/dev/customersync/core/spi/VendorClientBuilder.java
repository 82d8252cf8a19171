package dev.customersync.core.spi;

import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP settings every vendor client's builder shares, so each vendor module adds only what is
 * its own (credentials, base URL, vendor defaults). Vendor builders extend it with themselves as
 * {@code B}, so these setters chain with the vendor's own.
 *
 * @param <B> the vendor builder type
 */
public abstract class VendorClientBuilder<B extends VendorClientBuilder<B>> {

  /** The caller's client to share, or null: the vendor client then creates and owns one. */
  protected @Nullable OkHttpClient okHttpClient;
  protected RetryPolicy retryPolicy = RetryPolicy.defaults();
  protected RateLimiter rateLimiter;
  protected Duration rateLimitTimeout = Duration.ofSeconds(60);
  protected Timeouts timeouts = Timeouts.defaults();
  protected boolean allowInsecureHttp;
  protected @Nullable String userAgent;
  /** The caller's executor for the client's async methods, or null: the client then uses its default. */
  protected @Nullable Executor executor;

  /** @param defaultRateLimiter the vendor's default client-side throttle */
  protected VendorClientBuilder(RateLimiter defaultRateLimiter) {
    // The first thing a client does: an older OkHttp ahead on the class path fails here, clearly,
    // not on the first call with NoSuchFieldError.
    OkHttpVersionCheck.requireOkHttp5();
    this.rateLimiter = Objects.requireNonNull(defaultRateLimiter);
  }

  /** {@return the OkHttp client set, or null} */
  public @Nullable OkHttpClient okHttpClient() {
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

  /** {@return the {@code User-Agent} set, or null for {@link UserAgent#forVendor}} */
  public @Nullable String userAgent() {
    return userAgent;
  }

  /** {@code userAgent} when set, else the SDK's default for {@code vendor}. */
  public String userAgentFor(String vendor) {
    return userAgent != null ? userAgent : UserAgent.forVendor(vendor);
  }

  /**
   * The executor set with {@link #executor(Executor)}, or null: the client's async methods then run
   * on its default, the shared bounded pool of {@link dev.customersync.core.internal.BlockingCalls}
   * unless the vendor client's Javadoc says otherwise.
   */
  public @Nullable Executor executor() {
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

  /**
   * How long a call may wait for a client-side rate-limit permit before a {@code
   * RateLimitTimeoutException} (the request is then not sent); default 60 s.
   */
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

  /**
   * The {@code User-Agent} of every request, token requests included; default {@code
   * customer-sync/<version> (<vendor>) Java/<version>}. Prefix your application's own name to the
   * default (see {@link UserAgent#forVendor}) rather than hiding the SDK's, so a vendor's support
   * can tell which release sent a call.
   */
  public B userAgent(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    this.userAgent = HeaderValues.requireValid("userAgent", userAgent);
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
