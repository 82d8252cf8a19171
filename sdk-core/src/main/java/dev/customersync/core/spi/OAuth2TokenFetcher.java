package dev.customersync.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.AccessToken;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Fetches tokens from an OAuth2 / OpenID Connect token endpoint (RFC 6749): the client-credentials
 * grant, or the password grant with refresh-token renewal, falling back to a fresh login when the
 * refresh token has expired or is refused. Plug it into a {@link CachingAccessTokenProvider}.
 *
 * <p>Token endpoint failures become {@link AuthenticationException} (400/401 with the endpoint's
 * {@code error} and {@code error_description}) or the usual {@link VendorApiException} subtypes. The
 * client secret and password are registered for redaction, and so are the current and previous
 * access and refresh tokens (older ones are forgotten, so renewals do not grow the redactor).
 *
 * <p>A fetch made for a vendor call runs on that call's thread under its {@link
 * dev.customersync.core.CallDeadline}: the token request's retries, back-off and {@code
 * Retry-After} come out of the call's budget, so a token endpoint asking to wait longer than is
 * left fails the call at once. A fetch made outside any call uses {@link Builder#callDeadline}.
 */
public final class OAuth2TokenFetcher implements CachingAccessTokenProvider.TokenFetcher, AutoCloseable {

  private static final java.util.Set<String> CREDENTIAL_ERRORS =
      java.util.Set.of("invalid_grant", "invalid_client", "unauthorized_client");
  private static final java.util.concurrent.atomic.AtomicLong SLOTS = new java.util.concurrent.atomic.AtomicLong();

  private final VendorHttpClient http;
  private final HttpUrl tokenUrl;
  private final Map<String, String> loginForm;
  private final String clientId;
  private final Clock clock;
  private final ObjectMapper mapper = Json.newMapper();
  // Renewed tokens replace their predecessors in the redactor instead of piling up forever.
  private final String accessSlot;
  private final String refreshSlot;

  private OAuth2TokenFetcher(Builder b) {
    this.tokenUrl = b.tokenUrl;
    this.clientId = b.clientId;
    this.clock = b.clock;
    this.loginForm = new LinkedHashMap<>(b.form);
    long slot = SLOTS.incrementAndGet();
    this.accessSlot = "oauth2 access token#" + slot;
    this.refreshSlot = "oauth2 refresh token#" + slot;
    Redactor redactor = b.redactor;
    b.form.forEach((k, v) -> {
      if (k.equals("client_secret") || k.equals("password")) {
        redactor.secret(v);
      }
    });
    this.http = VendorHttpClient.builder()
        .vendor(b.vendor)
        .baseUrl(b.tokenUrl)
        .okHttpClient(b.okHttpClient)
        .timeouts(b.timeouts)
        .retryPolicy(b.retryPolicy)
        .callDeadline(b.callDeadline)
        .redactor(redactor)
        .defaultHeader("User-Agent", b.userAgent != null ? b.userAgent : UserAgent.forVendor(b.vendor))
        .listenerFactory(b.listeners)
        .errorParser(OAuth2TokenFetcher::parseError)
        .maxResponseBytes(256 * 1024)
        .build();
  }

  /**
   * {@return a builder for a fetcher of the client-credentials grant}
   *
   * @param tokenUrl the token endpoint, {@code https} (or {@code http} on a loopback host)
   * @param clientId the OAuth2 client id
   * @param clientSecret the client secret; registered for redaction
   * @param scope the scope to ask for; null or blank asks for none
   */
  public static Builder clientCredentials(String tokenUrl, String clientId, String clientSecret, String scope) {
    Builder b = new Builder(tokenUrl, clientId);
    b.form.put("grant_type", "client_credentials");
    b.form.put("client_id", clientId);
    b.form.put("client_secret", Objects.requireNonNull(clientSecret, "clientSecret"));
    if (scope != null && !scope.isBlank()) {
      b.form.put("scope", scope);
    }
    return b;
  }

  /**
   * {@return a builder for a fetcher of the resource-owner password grant, with refresh-token
   * renewal}
   *
   * @param tokenUrl the token endpoint, {@code https} (or {@code http} on a loopback host)
   * @param clientId the OAuth2 client id
   * @param username the user's name
   * @param password the user's password; registered for redaction
   */
  public static Builder password(String tokenUrl, String clientId, String username, String password) {
    Builder b = new Builder(tokenUrl, clientId);
    b.form.put("grant_type", "password");
    b.form.put("client_id", clientId);
    b.form.put("username", Objects.requireNonNull(username, "username"));
    b.form.put("password", Objects.requireNonNull(password, "password"));
    return b;
  }

  @Override
  public AccessToken fetch(AccessToken previous) {
    if (previous != null && previous.canRefreshAt(clock.instant())) {
      Map<String, String> refresh = new LinkedHashMap<>();
      refresh.put("grant_type", "refresh_token");
      refresh.put("client_id", clientId);
      refresh.put("refresh_token", previous.refreshToken().orElseThrow());
      try {
        return request(refresh);
      } catch (AuthenticationException refused) {
        // The refresh token was revoked or expired early (a Keycloak session ends on restart or
        // logout): log in again with the original grant.
      }
    }
    return request(loginForm);
  }

  /** {@return the URL tokens are fetched from} */
  public HttpUrl tokenUrl() {
    return tokenUrl;
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "OAuth2TokenFetcher{tokenUrl=" + tokenUrl + ", grant=" + loginForm.get("grant_type") + ", clientId=" + clientId + "}";
  }

  private AccessToken request(Map<String, String> form) {
    String encoded = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    VendorResponse response;
    try {
      response = http.execute(VendorRequest.post(tokenUrl, encoded.getBytes(StandardCharsets.UTF_8))
          .contentType("application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .endpointGroup("token")
          .operation("token")
          .endpoint("token")
          // Asking again for a token changes nothing at the vendor.
          .idempotent(true)
          .build());
    } catch (VendorApiException e) {
      // RFC 6749 §5.2: refused credentials and grants come back as 400; they are authentication
      // failures, whatever the status says.
      if (e.statusCode() == 400 && e.errorCode().filter(CREDENTIAL_ERRORS::contains).isPresent()) {
        throw e.toBuilder().buildAuthentication();
      }
      throw e;
    }
    JsonNode json;
    try {
      json = mapper.readTree(response.body());
    } catch (IOException e) {
      // Jackson's message can quote the body, which may echo a credential: only its redacted
      // original message is kept, and the exception itself is not attached as a cause.
      throw http.errorFor(response).message("token endpoint answered without an access_token: the body is not JSON ("
          + http.redact(jacksonReason(e)) + ")").build();
    }
    if (json == null || !json.path("access_token").isTextual()) {
      throw http.errorFor(response).message("token endpoint answered without an access_token").build();
    }
    Instant now = clock.instant();
    String access = json.get("access_token").asText();
    String refresh = json.path("refresh_token").isTextual() ? json.get("refresh_token").asText() : null;
    http.redactor().rotatingSecret(accessSlot, access).rotatingSecret(refreshSlot, refresh);
    long expiresIn = json.path("expires_in").asLong(300);
    Instant refreshExpiresAt = json.hasNonNull("refresh_expires_in") && json.get("refresh_expires_in").asLong() > 0
        ? now.plusSeconds(json.get("refresh_expires_in").asLong()) : null;
    return new AccessToken(access, now.plusSeconds(expiresIn), refresh, refreshExpiresAt);
  }

  private static String jacksonReason(IOException e) {
    String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void parseError(VendorResponse response, VendorApiException.Builder into) {
    try {
      JsonNode json = Json.newMapper().readTree(response.body());
      if (json != null && json.path("error").isTextual()) {
        into.errorCode(json.get("error").asText());
        into.message(json.path("error_description").isTextual()
            ? json.get("error_description").asText() : json.get("error").asText());
      }
    } catch (IOException notJson) {
      // Left as is: the status and raw body still say what happened.
    }
  }

  /** Builds {@link OAuth2TokenFetcher}s. */
  public static final class Builder {
    private final Map<String, String> form = new LinkedHashMap<>();
    private final String tokenUrlText;
    private final String clientId;
    private HttpUrl tokenUrl;
    private String vendor = "oauth2";
    private OkHttpClient okHttpClient;
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable Duration callDeadline = dev.customersync.core.CallDeadline.DEFAULT;
    private Redactor redactor = new Redactor();
    private Clock clock = Clock.systemUTC();
    private boolean allowInsecureHttp;
    private @Nullable String userAgent;
    private VendorCallListener.Factory listeners = VendorCallListener.Factory.none();

    private Builder(String tokenUrl, String clientId) {
      this.tokenUrlText = tokenUrl;
      this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * The vendor name used in errors and logs, e.g. {@code "storm"}.
     *
     * @param vendor the vendor's short name
     * @return this builder
     */
    public Builder vendor(String vendor) {
      this.vendor = vendor;
      return this;
    }

    /**
     * The caller's OkHttp client to share, or null to create (and own) one.
     *
     * @param okHttpClient the client to share, or null
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Timeouts of each token request; default {@link Timeouts#defaults()}.
     *
     * @param timeouts the timeouts
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = timeouts;
      return this;
    }

    /**
     * Retries of the token request itself; default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * How long a fetch made outside any vendor call may take as a whole; default 30 s, null for
     * none. A fetch made for a vendor call shares that call's deadline instead.
     *
     * @param callDeadline positive, or null for none
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder callDeadline(@Nullable Duration callDeadline) {
      this.callDeadline = callDeadline == null ? null
          : dev.customersync.core.CallDeadline.requirePositive(callDeadline, "callDeadline");
      return this;
    }

    /**
     * Share the vendor client's redactor so its messages hide these tokens too.
     *
     * @param redactor the vendor client's redactor
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = redactor;
      return this;
    }

    /**
     * The clock token lifetimes are computed with; tests pass a fake one.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Observes token requests as calls with operation {@code token}; default none.
     *
     * @param listeners creates each token call's listener
     * @return this builder
     */
    public Builder listenerFactory(VendorCallListener.Factory listeners) {
      this.listeners = Objects.requireNonNull(listeners, "listeners");
      return this;
    }

    /**
     * The {@code User-Agent} of token requests; default {@link UserAgent#forVendor} of the vendor.
     *
     * @param userAgent the header's value
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Allows a plain-http token URL on a non-loopback host; only for test servers.
     *
     * @param allow true to allow it
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * {@return the fetcher}
     *
     * @throws IllegalArgumentException when the token URL is malformed or insecure
     */
    public OAuth2TokenFetcher build() {
      this.tokenUrl = BaseUrls.parseEndpoint(tokenUrlText, "tokenUrl", allowInsecureHttp);
      return new OAuth2TokenFetcher(this);
    }
  }
}
