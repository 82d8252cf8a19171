package dev.customersync.core.spi;

import dev.customersync.core.CallDeadline;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.VendorCallListener;
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
  /** Retries of API and token calls. */
  protected RetryPolicy retryPolicy = RetryPolicy.defaults();
  /** The client-side throttle; the vendor's default unless the caller set one. */
  protected RateLimiter rateLimiter;
  /** How long a call may wait for a rate-limit permit. */
  protected Duration rateLimitTimeout = Duration.ofSeconds(60);
  /** How long one call may take as a whole; null for none. */
  protected @Nullable Duration callDeadline = CallDeadline.DEFAULT;
  /** The timeouts of each attempt. */
  protected Timeouts timeouts = Timeouts.defaults();
  /** Whether plain {@code http} to non-loopback hosts is allowed. */
  protected boolean allowInsecureHttp;
  /** The caller's {@code User-Agent}, or null for the SDK's default. */
  protected @Nullable String userAgent;
  /** The listeners every call reports to; {@code none()} unless set. */
  protected VendorCallListener.Factory listenerFactory = VendorCallListener.Factory.none();
  /**
   * The caller's executor for the client's async methods, or null: the client then uses its
   * default.
   */
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

  /** {@return the retry policy set, or the default} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the rate limiter set, or the vendor's default} */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** {@return how long a call may wait for a rate-limit permit} */
  public Duration rateLimitTimeout() {
    return rateLimitTimeout;
  }

  /**
   * {@return how long one call may take as a whole: {@link CallDeadline#DEFAULT} unless set, null
   * after {@link #noDeadline()}}
   */
  public @Nullable Duration callDeadline() {
    return callDeadline;
  }

  /** {@return the timeouts set, or the defaults} */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** {@return whether plain {@code http} to non-loopback hosts is allowed} */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** {@return the listeners set with {@link #listener} or {@link #listenerFactory}; {@code none()} by default} */
  public VendorCallListener.Factory listenerFactory() {
    return listenerFactory;
  }

  /** {@return the {@code User-Agent} set, or null for {@link UserAgent#forVendor}} */
  public @Nullable String userAgent() {
    return userAgent;
  }

  /**
   * {@return the {@code User-Agent} set, else the SDK's default for {@code vendor}}
   *
   * @param vendor the vendor's short name, named in the default
   */
  public String userAgentFor(String vendor) {
    return userAgent != null ? userAgent : UserAgent.forVendor(vendor);
  }

  /**
   * {@return the executor set with {@link #executor(Executor)}, or null} With null the client's
   * async methods run on its default, the shared bounded pool of {@link
   * dev.customersync.core.internal.BlockingCalls} unless the vendor client's Javadoc says
   * otherwise.
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
   *
   * @param okHttpClient the client to share
   * @return this builder
   */
  public B okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = okHttpClient;
    return self();
  }

  /**
   * Retries of API (and token) calls; default {@link RetryPolicy#defaults()}.
   *
   * @param retryPolicy the policy
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * The client-side throttle every call asks for a permit; the default is the vendor's (see the
   * vendor client's Javadoc). Pass a distributed limiter when several processes share credentials.
   *
   * @param rateLimiter the limiter
   * @return this builder
   */
  public B rateLimiter(RateLimiter rateLimiter) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    return self();
  }

  /**
   * How long a call may wait for a client-side rate-limit permit before a {@code
   * RateLimitTimeoutException} (the request is then not sent); default 60 s. The {@link
   * #callDeadline} bounds the wait too: when less time is left, the call fails with a {@code
   * DeadlineExceededException} instead.
   *
   * @param rateLimitTimeout not negative; zero fails at once when no permit is free
   * @return this builder
   * @throws IllegalArgumentException when negative
   */
  public B rateLimitTimeout(Duration rateLimitTimeout) {
    Objects.requireNonNull(rateLimitTimeout, "rateLimitTimeout");
    if (rateLimitTimeout.isNegative()) {
      throw new IllegalArgumentException("rateLimitTimeout must not be negative, was " + rateLimitTimeout);
    }
    this.rateLimitTimeout = rateLimitTimeout;
    return self();
  }

  /**
   * How long one public call ({@code update}, {@code plan}, {@code getCustomer}, a token fetch made
   * for it…) may take as a whole: the wait for a rate-limit permit, the wait for an access token,
   * every attempt, the back-off between attempts and any {@code Retry-After}. A wait that would pass
   * it is not started; the call fails at once with a {@link
   * dev.customersync.core.DeadlineExceededException} that names the wait. An update's read and
   * write share one deadline.
   *
   * <p>Default {@link CallDeadline#DEFAULT}, 30 s: without it one call could block for minutes (a
   * minute for a permit, three attempts of up to a minute, a minute of {@code Retry-After}), which
   * on a web request is a hung page. Use {@link #noDeadline()} for a batch job that prefers waiting.
   *
   * @param callDeadline positive
   * @return this builder
   * @throws IllegalArgumentException when zero or negative
   * @throws NullPointerException when null (use {@link #noDeadline()})
   */
  public B callDeadline(Duration callDeadline) {
    this.callDeadline = CallDeadline.requirePositive(callDeadline, "callDeadline");
    return self();
  }

  /**
   * No overall deadline: a call waits as long as the retry policy, {@link #rateLimitTimeout} and
   * the token provider allow (minutes, in the worst case). For batch jobs, not for web requests.
   *
   * @return this builder
   */
  public B noDeadline() {
    this.callDeadline = null;
    return self();
  }

  /**
   * Connect, read, write and whole-call timeouts; default {@link Timeouts#defaults()}.
   *
   * @param timeouts the timeouts of each attempt
   * @return this builder
   */
  public B timeouts(Timeouts timeouts) {
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    return self();
  }

  /**
   * The {@code User-Agent} of every request, token requests included; default {@code
   * customer-sync/<version> (<vendor>) Java/<version>}. Prefix your application's own name to the
   * default (see {@link UserAgent#forVendor}) rather than hiding the SDK's, so a vendor's support
   * can tell which release sent a call.
   *
   * @param userAgent not blank, printable ASCII
   * @return this builder
   * @throws IllegalArgumentException when blank or holding a character HTTP headers cannot carry
   */
  public B userAgent(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    this.userAgent = HeaderValues.requireValid("userAgent", userAgent);
    return self();
  }

  /**
   * Observes every call this client makes, token requests included (see {@link
   * VendorCallListener} for the events and their contract). Replaces an earlier listener; combine
   * several with {@link VendorCallListener#compose}. Default: none, at no cost.
   *
   * @param listener the listener, thread-safe
   * @return this builder
   */
  public B listener(VendorCallListener listener) {
    this.listenerFactory = VendorCallListener.Factory.of(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Like {@link #listener}, with one listener per call (for per-call state such as a timer or a span).
   *
   * @param factory creates each call's listener
   * @return this builder
   */
  public B listenerFactory(VendorCallListener.Factory factory) {
    this.listenerFactory = Objects.requireNonNull(factory, "factory");
    return self();
  }

  /**
   * Allows plain {@code http} to non-loopback hosts; only for test servers, never production.
   *
   * @param allowInsecureHttp true to allow it
   * @return this builder
   */
  public B allowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
    return self();
  }

  /**
   * Where the client's async methods ({@code customerUpdater().updateAsync(..)} and the like) run.
   * The client never shuts it down. Default: a bounded pool of daemon threads (see {@link
   * #executor()}); give your own to size it for your load or to share one across clients.
   *
   * @param executor the executor
   * @return this builder
   */
  public B executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }
}
