package dev.customersync.core.spi;

import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CallDeadline;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.DeadlineExceededException;
import dev.customersync.core.DeadlineExceededException.Phase;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.VendorOperation;
import dev.customersync.core.internal.Attempts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP engine every vendor client sends through: rate limiting, bearer tokens (with one
 * refresh after a 401), the {@link RetryPolicy}, bounded body reads, error parsing, redaction and
 * logging, on one {@link OkHttpClient}.
 *
 * <p>The OkHttp client is derived from the caller's (sharing its connection pool and dispatcher)
 * or created and then owned. Either way OkHttp's own silent retry and redirect following are
 * switched off: retries are the policy's alone, so a non-idempotent write is never replayed behind
 * its back, and credentials are never forwarded to whatever host a redirect names.
 *
 * <p><b>Deadline.</b> Each {@link #execute} runs under one {@link CallDeadline}: the one current
 * on the thread (see {@link #openDeadline()}, which read-merge-write and other multi-request
 * operations open around all their requests), else a fresh one of the client's {@code
 * callDeadline}. The token wait, the permit wait, each attempt (its whole-call timeout capped at
 * the time left), each back-off and each {@code Retry-After} come out of it; a wait that would pass
 * it is not started and the call fails with a {@link DeadlineExceededException} naming that wait.
 * A token fetch made for the call runs on the same thread, so it shares the deadline too.
 *
 * <p>Every response body is read and closed before {@link #execute} returns or throws. Thread-safe.
 */
public final class VendorHttpClient implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("dev.customersync.http");
  private static final java.util.concurrent.atomic.AtomicLong SLOTS = new java.util.concurrent.atomic.AtomicLong();

  private final String vendor;
  private final HttpUrl baseUrl;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final RetryPolicy retryPolicy;
  private final RateLimiter rateLimiter;
  private final Duration rateLimitTimeout;
  private final @Nullable Duration callDeadline;
  private final long callTimeoutNanos;
  private final String credentialFingerprint;
  private final AccessTokenProvider tokens;
  private final Headers defaultHeaders;
  // Content types are few per client; parsing one (a regex in OkHttp) on every request showed in
  // the B1 profile.
  private final Map<String, MediaType> mediaTypes = new ConcurrentHashMap<>();
  // Endpoint groups are a handful of constants; one key string each instead of one per request.
  private final Map<String, String> permitKeys = new ConcurrentHashMap<>();
  private final Redactor redactor;
  private final ErrorParser errorParser;
  private final long maxResponseBytes;
  private final java.util.Set<Integer> refreshTokenOn;
  private final VendorCallListener.Factory listeners;
  // One slot per client: a redactor shared by two clients must not let one's token evict the other's.
  private final String tokenSlot = "access token#" + SLOTS.incrementAndGet();

  private VendorHttpClient(Builder b) {
    this.vendor = b.vendor;
    this.baseUrl = b.baseUrl;
    this.ownsClient = b.okHttpClient == null;
    OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
    this.client = base.newBuilder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(b.timeouts.connect())
        .readTimeout(b.timeouts.read())
        .writeTimeout(b.timeouts.write())
        .callTimeout(b.timeouts.call())
        .addNetworkInterceptor(chain -> {
          SendTracker tracker = chain.request().tag(SendTracker.class);
          if (tracker != null) {
            tracker.reachedNetwork = true;
          }
          return chain.proceed(chain.request());
        })
        .build();
    this.retryPolicy = b.retryPolicy;
    this.rateLimiter = b.rateLimiter;
    this.rateLimitTimeout = b.rateLimitTimeout;
    this.callDeadline = b.callDeadline;
    this.callTimeoutNanos = b.timeouts.call().toNanos();
    this.credentialFingerprint = b.credentialFingerprint;
    this.tokens = b.tokens;
    this.defaultHeaders = Headers.of(b.defaultHeaders);
    this.redactor = b.redactor;
    this.errorParser = b.errorParser;
    this.maxResponseBytes = b.maxResponseBytes;
    this.refreshTokenOn = java.util.Set.copyOf(b.refreshTokenOn);
    this.listeners = b.listeners;
  }

  /** {@return a new builder; vendor, base URL and error parser are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the base URL, always ending in {@code /}} */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** {@return the vendor's short name} */
  public String vendor() {
    return vendor;
  }

  /** {@return the redactor holding this client's secrets} */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * {@return the OkHttp client requests go through (derived from the caller's when one was given)}
   */
  public OkHttpClient okHttpClient() {
    return client;
  }

  /**
   * Sends {@code request} until it succeeds or the policy gives up.
   *
   * @param request what to send, and whether it may be sent again
   * @return a 2xx answer, fully read
   * @throws VendorApiException (or a subclass) when the vendor answered with a failure status
   * @throws RateLimitException when the vendor kept answering 429, or asked for a wait above the
   *     policy's cap with a 429 (other statuses with such a wait keep their own type)
   * @throws RateLimitTimeoutException when the rate limiter gave no permit within {@code
   *     rateLimitTimeout}; that attempt was not sent
   * @throws TransportException when no answer could be had
   */
  public VendorResponse execute(VendorRequest request) {
    if (listeners == VendorCallListener.Factory.none()) {
      // The usual case: no event data is built at all.
      return run(request, null, null);
    }
    VendorCall call = VendorCall.of(vendor, request.operation(), request.method(), request.endpoint());
    VendorCallListener l = SafeVendorCallListener.wrap(listeners.create(call));
    long started = System.nanoTime();
    l.callStart(call);
    try {
      VendorResponse response = run(request, call, l);
      l.callEnd(call, response.status(), response.attempts(), since(started));
      return response;
    } catch (CustomerSyncException e) {
      l.callFailed(call, e, Attempts.of(e), since(started));
      throw e;
    }
  }

  /**
   * Makes a deadline of this client's {@code callDeadline} current on this thread, unless one is
   * current already (that one then stays). Every {@link #execute} on this thread until the scope
   * is closed shares it: open it around an operation of several requests (a read and its write, the
   * pages of a search) so the operation is bounded as a whole.
   *
   * @return the scope to close, on this thread, when the operation ends
   */
  public CallDeadline.Scope openDeadline() {
    return (callDeadline == null ? CallDeadline.none()
        : CallDeadline.after(callDeadline, retryPolicy.nanoClock())).enter();
  }

  /** {@return the deadline each call runs under when no scope is open; null for none} */
  public @Nullable Duration callDeadline() {
    return callDeadline;
  }

  /**
   * The listener for events that are not one HTTP call, such as an update's warnings.
   *
   * @param call the logical operation the events belong to
   * @return its listener, {@code none()} when this client is unobserved
   */
  public VendorCallListener listenerFor(VendorCall call) {
    return listeners == VendorCallListener.Factory.none()
        ? VendorCallListener.none() : SafeVendorCallListener.wrap(listeners.create(call));
  }

  private VendorResponse run(VendorRequest request, @Nullable VendorCall call, @Nullable VendorCallListener l) {
    try (CallDeadline.Scope scope = openDeadline()) {
      return run(request, call, l, scope.deadline());
    }
  }

  private VendorResponse run(VendorRequest request, @Nullable VendorCall call, @Nullable VendorCallListener l,
      CallDeadline deadline) {
    int attempt = 0;
    int policyTries = 0;
    boolean refreshedAfter401 = false;
    // Whether any attempt so far left this process: an interrupt or a failure later on must not
    // claim the vendor never saw the request when an earlier attempt was answered or sent.
    boolean reachedVendor = false;
    VendorOperation operation = operationOf(request);
    // Whether an attempt of a write failed in a way that may have applied it (a 5xx, or an I/O
    // failure after sending): a later refusal must not hide that.
    boolean writeMayHaveLanded = false;
    while (true) {
      attempt++;
      policyTries++;
      if (l != null) {
        l.attemptStart(call, attempt);
      }
      long tokenStarted = l == null ? 0 : System.nanoTime();
      // Token first: threads released together when a token fetch completes then still queue at
      // the limiter, instead of holding permits taken before the wait and sending them all at once.
      String token;
      try {
        token = tokens == null ? null : tokens.accessToken();
      } catch (DeadlineExceededException e) {
        if (!deadline.bounded()) {
          throw e;
        }
        throw exceeded(deadline, request, Phase.ACCESS_TOKEN, "would pass while waiting for an access token",
            attempt - 1, reachedVendor, null, e, " (" + e.getMessage() + ")");
      }
      if (token != null) {
        redactor.rotatingSecret(tokenSlot, token);
        if (l != null) {
          l.tokenAcquired(call, attempt, since(tokenStarted));
        }
      }
      long permitStarted = l == null ? 0 : System.nanoTime();
      acquirePermit(request, attempt, reachedVendor, deadline);
      if (l != null) {
        l.permitWaited(call, attempt, since(permitStarted));
      }
      SendTracker tracker = new SendTracker();
      Request okRequest = toOkHttp(request, token, tracker);
      long left = deadline.remainingNanos();
      if (left <= 0) {
        throw exceeded(deadline, request, Phase.ATTEMPT, "ran out before attempt " + attempt,
            attempt - 1, reachedVendor, null, null, "");
      }
      okhttp3.Call okCall = client.newCall(okRequest);
      // Connect, read and write timeouts all end within the whole-call timeout, so capping that one
      // keeps the attempt inside the deadline.
      boolean capped = left < callTimeoutNanos;
      if (capped) {
        okCall.timeout().timeout(left, TimeUnit.NANOSECONDS);
      }
      long started = System.nanoTime();
      VendorResponse response;
      try (Response r = okCall.execute()) {
        response = new VendorResponse(r.code(), r.headers(), readBounded(r), attempt, operation);
      } catch (BodyTooLargeException e) {
        throw VendorApiException.builder().vendor(vendor).statusCode(e.status).attempts(attempt).redactor(redactor::redact)
            // A write answered with success but a body too large to read still landed.
            .operation(operation).mayHaveReachedVendor(writeMayHaveLanded || operation.writes() && e.status < 400)
            .message("response body is larger than the " + maxResponseBytes
                + "-byte limit; it was not read (" + request + ")")
            .build();
      } catch (IOException e) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean neverSent = !tracker.reachedNetwork;
        reachedVendor |= !neverSent;
        writeMayHaveLanded |= !neverSent && operation.writes();
        if (capped && isWholeCallTimeout(e)) {
          throw exceeded(deadline, request, Phase.ATTEMPT, "ran out during attempt " + attempt + " of "
              + retryPolicy.maxAttempts() + " (its call timeout capped at " + CallDeadline.format(Duration.ofNanos(left))
              + ")", attempt, reachedVendor, null, e, "");
        }
        if (l != null) {
          l.attemptFailed(call, attempt, e.getClass().getSimpleName(), !neverSent, since(started));
        }
        int failedAttempt = attempt;
        LOG.log(Level.DEBUG, () -> vendor + " " + request + " failed: " + e.getClass().getSimpleName()
            + " attempt " + failedAttempt + " in " + ms + " ms" + (neverSent ? " (never sent)" : ""));
        if (policyTries < retryPolicy.maxAttempts() && retryPolicy.retriesIoFailure(request.idempotent(), neverSent)) {
          Duration backoff = retryPolicy.backoff(policyTries);
          if (l != null) {
            l.retryDecision(call, attempt, VendorCallListener.RetryReason.IO_FAILURE, 0, backoff);
          }
          sleep(backoff, Phase.BACKOFF, request, attempt, e, reachedVendor, deadline);
          continue;
        }
        throw new TransportException(vendor + " " + request + " failed after " + attempt
            + (attempt == 1 ? " attempt: " : " attempts: ") + describe(e)
            + (neverSent ? "" : request.idempotent() ? "" : "; the request may have reached " + vendor
                + " and was not repeated because it is not idempotent"),
            e, attempt, reachedVendor, operation);
      }
      reachedVendor = true;
      int status = response.status();
      if (l != null) {
        l.attemptEnd(call, attempt, status, since(started));
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (LOG.isLoggable(Level.DEBUG)) {
        int shownAttempt = attempt;
        LOG.log(Level.DEBUG, () -> vendor + " " + request + " -> " + status + " attempt " + shownAttempt + " in " + ms + " ms");
      }
      if (status >= 200 && status < 300) {
        return response;
      }
      if (refreshTokenOn.contains(status) && tokens != null && tokens.canRefresh() && !refreshedAfter401) {
        // A refused token means the vendor did not act on the request, so one retry is safe for any method.
        tokens.invalidate(token);
        refreshedAfter401 = true;
        if (l != null) {
          l.tokenRefused(call, attempt, status);
        }
        policyTries--;
        continue;
      }
      writeMayHaveLanded |= status >= 500 && operation.writes();
      Optional<Duration> retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), retryPolicy.clock());
      if (retryPolicy.retriesStatus(status, request.idempotent(), retryAfter.isPresent())) {
        if (retryAfter.isPresent() && retryAfter.get().compareTo(retryPolicy.retryAfterCap()) > 0) {
          VendorApiException.Builder b = errorFor(response).retryAfter(retryAfter.get())
              .mayHaveReachedVendor(writeMayHaveLanded);
          errorParser.parse(response, b);
          b.message(b.message().orElse("") + " (asked to wait " + retryAfter.get().toSeconds()
              + " s, longer than the retry policy's cap of " + retryPolicy.retryAfterCap().toSeconds() + " s)");
          // Only a 429 is throttling; a 503 asking for a long wait is still the vendor failing.
          throw b.build();
        }
        if (policyTries < retryPolicy.maxAttempts()) {
          Duration backoff = retryAfter.isPresent() ? retryAfter.get() : retryPolicy.backoff(policyTries);
          if (l != null) {
            l.retryDecision(call, attempt, retryAfter.isPresent()
                ? VendorCallListener.RetryReason.RETRY_AFTER : VendorCallListener.RetryReason.STATUS, status, backoff);
          }
          VendorApiException answered = null;
          if (!deadline.allows(backoff)) {
            // The wait will not start: the vendor's answer becomes the cause, with its status,
            // message and Retry-After, for a caller that wants to schedule the next try itself.
            VendorApiException.Builder b = errorFor(response);
            retryAfter.ifPresent(b::retryAfter);
            errorParser.parse(response, b);
            answered = b.build();
          }
          sleep(backoff, retryAfter.isPresent() ? Phase.RETRY_AFTER : Phase.BACKOFF, request, attempt, answered,
              reachedVendor, deadline);
          continue;
        }
      }
      VendorApiException.Builder b = errorFor(response).mayHaveReachedVendor(writeMayHaveLanded);
      retryAfter.ifPresent(b::retryAfter);
      errorParser.parse(response, b);
      throw b.build();
    }
  }

  /**
   * {@return a builder prefilled from a failed (or error-carrying) answer} It holds the vendor,
   * status, attempts, the request's operation and the redacted start of the body. Vendor modules
   * use it for errors found in 2xx bodies.
   *
   * @param response the answer
   */
  public VendorApiException.Builder errorFor(VendorResponse response) {
    String raw = response.bodyText();
    if (raw.length() > 2000) {
      raw = raw.substring(0, 2000) + "…(" + response.body().length + " bytes)";
    }
    return VendorApiException.builder()
        .vendor(vendor)
        .statusCode(response.status())
        .attempts(response.attempts())
        .rawBody(raw)
        .operation(response.operation().orElse(null))
        .redactor(redactor::redact);
  }

  /**
   * {@return {@code text} safe to show: secrets this client knows are masked}
   *
   * @param text any text, e.g. a message built from a response
   */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /** Releases the connection pool and threads, when this client created its own OkHttpClient. */
  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private void acquirePermit(VendorRequest request, int attempt, boolean reachedVendor, CallDeadline deadline) {
    String key = permitKeys.computeIfAbsent(request.endpointGroup(), group -> credentialFingerprint + "|" + group);
    boolean granted;
    long left = deadline.remainingNanos();
    boolean capped = left < rateLimitTimeout.toNanos();
    try {
      granted = rateLimiter.tryAcquire(key, capped ? Duration.ofNanos(Math.max(0, left)) : rateLimitTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(vendor + " " + request + " interrupted while waiting for a rate-limit permit",
          e, attempt - 1, reachedVendor, operationOf(request));
    }
    if (!granted && capped) {
      throw exceeded(deadline, request, Phase.RATE_LIMIT_PERMIT, "would pass while waiting for a rate-limit permit for"
          + " attempt " + attempt + " (not sent)", attempt - 1, reachedVendor, null, null, "");
    }
    if (!granted) {
      // The vendor never saw this attempt, so no vendor status may be attached to the failure.
      int sent = attempt - 1;
      throw new RateLimitTimeoutException(vendor + " " + request + ": "
          + (sent == 0 ? "no request was sent" : "attempt " + attempt + " was not sent (after " + sent
              + (sent == 1 ? " earlier attempt)" : " earlier attempts)"))
          + ": the client-side rate limiter gave no permit within " + rateLimitTimeout.toMillis() + " ms",
          vendor, rateLimitTimeout, sent, reachedVendor, operationOf(request));
    }
  }

  private Request toOkHttp(VendorRequest request, String token, SendTracker tracker) {
    // One prebuilt Headers instead of a header() call (a remove-then-add) per default header.
    Request.Builder b = new Request.Builder().url(request.url()).tag(SendTracker.class, tracker).headers(defaultHeaders);
    request.headers().forEach(b::header);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    RequestBody body = request.body() == null
        ? (request.method().equals("GET") ? null : RequestBody.create(new byte[0], null))
        : RequestBody.create(request.body(), mediaType(request.contentType()));
    return b.method(request.method(), body).build();
  }

  private MediaType mediaType(String contentType) {
    MediaType cached = mediaTypes.get(contentType);
    if (cached != null) {
      return cached;
    }
    MediaType parsed = MediaType.get(contentType);
    if (mediaTypes.size() < 64) {
      mediaTypes.put(contentType, parsed);
    }
    return parsed;
  }

  private byte[] readBounded(Response r) throws IOException {
    ResponseBody body = r.body();
    long declared = body.contentLength();
    if (declared > maxResponseBytes) {
      throw new BodyTooLargeException(r.code());
    }
    if (declared >= 0) {
      // Sized exactly and copied once, straight from Okio's segments: InputStream.readNBytes
      // gathers 8 KiB chunks and copies them again, twice per update, for bodies of 1-3 KiB.
      okio.BufferedSource source = body.source();
      byte[] bytes = new byte[(int) declared];
      try {
        source.readFully(bytes);
      } catch (java.io.EOFException cutShort) {
        throw new java.net.ProtocolException("response body ended after fewer than its Content-Length of "
            + declared + " bytes");
      }
      if (!source.exhausted()) {
        throw new BodyTooLargeException(r.code());
      }
      return bytes;
    }
    try (InputStream in = body.byteStream()) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(2048);
      byte[] chunk = new byte[2048];
      long total = 0;
      for (int n; (n = in.read(chunk)) != -1; ) {
        total += n;
        if (total > maxResponseBytes) {
          throw new BodyTooLargeException(r.code());
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    }
  }

  private void sleep(Duration delay, Phase phase, VendorRequest request, int attempt, @Nullable Exception cause,
      boolean reachedVendor, CallDeadline deadline) {
    if (!deadline.allows(delay)) {
      // Not started: sleeping until the deadline and failing then would only make the caller wait.
      throw exceeded(deadline, request, phase, "would pass while waiting " + CallDeadline.format(delay)
          + (phase == Phase.RETRY_AFTER ? " for Retry-After" : " of back-off") + " after attempt " + attempt
          + " of " + retryPolicy.maxAttempts(), attempt, reachedVendor, delay, cause, "");
    }
    LOG.log(Level.DEBUG, () -> vendor + " " + request + " retrying in " + delay.toMillis() + " ms after attempt " + attempt);
    try {
      retryPolicy.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(vendor + " " + request + " interrupted while waiting to retry", cause == null ? e : cause,
          attempt, reachedVendor, operationOf(request));
    }
  }

  private static VendorOperation operationOf(VendorRequest request) {
    return VendorOperation.categorize(request.operation(), request.method());
  }

  private DeadlineExceededException exceeded(CallDeadline deadline, VendorRequest request, Phase phase, String what,
      int attempts, boolean reachedVendor, @Nullable Duration pendingWait, @Nullable Throwable cause, String detail) {
    Duration budget = java.util.Objects.requireNonNull(deadline.budget(), "an unbounded deadline never passes");
    String left = phase == Phase.ATTEMPT ? "" : ", " + CallDeadline.format(deadline.remaining()) + " left";
    return new DeadlineExceededException(redactor.redact(vendor + " " + request.operation() + ": the "
        + CallDeadline.format(budget) + " deadline " + what + left
        + (reachedVendor && !request.idempotent() ? "; the request may have reached " + vendor : "")
        + detail), cause, phase, budget, pendingWait, attempts, reachedVendor, operationOf(request));
  }

  private static boolean isWholeCallTimeout(IOException e) {
    return e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
        && "timeout".equals(e.getMessage());
  }

  private static String describe(IOException e) {
    String type = isWholeCallTimeout(e) ? "whole-call timeout" : e.getClass().getSimpleName();
    return e.getMessage() == null ? type : type + " (" + e.getMessage() + ")";
  }

  /** Set by the network interceptor: once true, bytes of the request may have left this process. */
  private static final class SendTracker {
    volatile boolean reachedNetwork;
  }

  private static final class BodyTooLargeException extends IOException {
    final int status;

    BodyTooLargeException(int status) {
      super("response body too large");
      this.status = status;
    }
  }

  /** Builds {@link VendorHttpClient}s. */
  public static final class Builder {
    private String vendor;
    private HttpUrl baseUrl;
    private OkHttpClient okHttpClient;
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimiter rateLimiter = RateLimiter.unlimited();
    private Duration rateLimitTimeout = Duration.ofSeconds(60);
    private @Nullable Duration callDeadline = CallDeadline.DEFAULT;
    private String credentialFingerprint = "anonymous";
    private AccessTokenProvider tokens;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private Redactor redactor = new Redactor();
    private ErrorParser errorParser;
    private long maxResponseBytes = 4L * 1024 * 1024;
    private java.util.Set<Integer> refreshTokenOn = java.util.Set.of(401);
    private VendorCallListener.Factory listeners = VendorCallListener.Factory.none();

    private Builder() {}

    /**
     * Observes every call (see {@link VendorCallListener}); default {@link VendorCallListener.Factory#none()}.
     *
     * @param listeners creates each call's listener
     * @return this builder
     */
    public Builder listenerFactory(VendorCallListener.Factory listeners) {
      this.listeners = Objects.requireNonNull(listeners, "listeners");
      return this;
    }

    /**
     * The statuses that mean "this token was refused": the token is renewed once and the request
     * sent once more (safe for any method, since a refused request was not acted on). Default 401;
     * some vendors (Storm) also answer 403 for a token they no longer accept.
     *
     * @param statuses HTTP statuses
     * @return this builder
     */
    public Builder refreshTokenOn(java.util.Set<Integer> statuses) {
      this.refreshTokenOn = java.util.Set.copyOf(statuses);
      return this;
    }

    /**
     * The vendor's short name, used in errors, logs and the token's redaction slot; required.
     *
     * @param vendor e.g. {@code "storm"}
     * @return this builder
     */
    public Builder vendor(String vendor) {
      this.vendor = Objects.requireNonNull(vendor);
      return this;
    }

    /**
     * Already checked by {@link BaseUrls#parse}.
     *
     * @param baseUrl the URL every request path is resolved against
     * @return this builder
     */
    public Builder baseUrl(HttpUrl baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl);
      return this;
    }

    /**
     * The caller's client to share, or null to create (and own) one.
     *
     * @param okHttpClient the shared client, or null
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Connect, read, write and whole-call timeouts per attempt; default {@link
     * Timeouts#defaults()}.
     *
     * @param timeouts the timeouts
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts);
      return this;
    }

    /**
     * When and how long to wait before sending again; default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy);
      return this;
    }

    /**
     * The client-side throttle every attempt takes a permit from; default unlimited.
     *
     * @param rateLimiter the limiter
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter);
      return this;
    }

    /**
     * How long a call may wait for a rate-limit permit before failing with a {@link
     * RateLimitTimeoutException}; default 60 s.
     *
     * @param rateLimitTimeout the longest wait for a permit
     * @return this builder
     */
    public Builder rateLimitTimeout(Duration rateLimitTimeout) {
      this.rateLimitTimeout = Objects.requireNonNull(rateLimitTimeout);
      return this;
    }

    /**
     * How long one {@link #execute} may take as a whole when no {@link CallDeadline} scope is open
     * on the calling thread; default {@link CallDeadline#DEFAULT} (30 s). Null for none: calls then
     * wait as long as the retry policy, the rate-limit timeout and the token provider allow.
     *
     * @param callDeadline positive, or null for none
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder callDeadline(@Nullable Duration callDeadline) {
      this.callDeadline = callDeadline == null ? null : CallDeadline.requirePositive(callDeadline, "callDeadline");
      return this;
    }

    /**
     * See {@link Redactor#fingerprint}: the credential part of every rate-limit key.
     *
     * @param fingerprint a fingerprint of the credential, never the secret
     * @return this builder
     */
    public Builder credentialFingerprint(String fingerprint) {
      this.credentialFingerprint = Objects.requireNonNull(fingerprint);
      return this;
    }

    /**
     * Adds {@code Authorization: Bearer <token>} to every request.
     *
     * @param tokens the token source, or null for a vendor without bearer tokens
     * @return this builder
     */
    public Builder accessTokenProvider(AccessTokenProvider tokens) {
      this.tokens = tokens;
      return this;
    }

    /**
     * A header sent on every request (e.g. an API key). The value is checked here because OkHttp's
     * own error for a bad character would print the value, and this may be a secret.
     *
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     * @throws IllegalArgumentException when the value holds a character HTTP headers cannot carry
     */
    public Builder defaultHeader(String name, String value) {
      Objects.requireNonNull(value, () -> "header " + name + " needs a value");
      defaultHeaders.put(name, HeaderValues.requireValid("header " + name, value));
      return this;
    }

    /**
     * Holds the secrets to mask; the token of every request is added to it as a rotating secret.
     *
     * @param redactor the client's redactor
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor);
      return this;
    }

    /**
     * Reads the vendor's error format into the exceptions; required.
     *
     * @param errorParser the vendor's parser
     * @return this builder
     */
    public Builder errorParser(ErrorParser errorParser) {
      this.errorParser = Objects.requireNonNull(errorParser);
      return this;
    }

    /**
     * Bodies larger than this are refused unread; default 4 MiB.
     *
     * @param maxResponseBytes positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException when vendor, base URL or error parser is missing
     */
    public VendorHttpClient build() {
      OkHttpVersionCheck.requireOkHttp5();
      if (vendor == null || baseUrl == null || errorParser == null) {
        throw new IllegalStateException("vendor, baseUrl and errorParser are required");
      }
      return new VendorHttpClient(this);
    }
  }
}
