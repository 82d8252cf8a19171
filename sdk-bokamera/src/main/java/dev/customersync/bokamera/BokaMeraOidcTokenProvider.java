package dev.customersync.bokamera;

import dev.customersync.core.AccessTokenCache;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.spi.OAuth2TokenFetcher;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.UserAgent;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Access tokens for the BokaMera API from BokaMera's Keycloak (OpenID Connect), by the password
 * grant of an API user: {@code grant_type=password}, {@code client_id=bm-external-api-users},
 * {@code username}, {@code password}, form-encoded.
 *
 * <p>The token is cached and shared by all threads; it is renewed with the refresh token shortly
 * before it expires and after BokaMera refuses it (HTTP 401), and when the refresh token itself
 * has expired or is refused, the provider logs in again with the password. At most one token
 * request is in flight at a time.
 *
 * <pre>{@code
 * BokaMeraOidcTokenProvider tokens = BokaMeraOidcTokenProvider.builder("api-user@example.com", password)
 *     .tokenUrl(BokaMeraOidcTokenProvider.TEST_TOKEN_URL)
 *     .build();
 * }</pre>
 *
 * <p>Usually {@link BokaMeraClient.Builder#login(String, String)} builds one for you. Close it
 * when you built it yourself and it created its own OkHttp client. The password and every token
 * are kept out of {@code toString()} and exception messages.
 */
public final class BokaMeraOidcTokenProvider implements AccessTokenProvider, AutoCloseable {

  /** The production Keycloak token endpoint. */
  public static final String PRODUCTION_TOKEN_URL =
      "https://identity.bookmore.com/realms/bookmore-admin/protocol/openid-connect/token";

  /** The test Keycloak token endpoint, paired with {@link BokaMeraClient#TEST_BASE_URL}. */
  public static final String TEST_TOKEN_URL =
      "https://identity.bookmore.dev/realms/bookmore-admin/protocol/openid-connect/token";

  /** The OpenID Connect client BokaMera's external API users log in through. */
  public static final String CLIENT_ID = "bm-external-api-users";

  private final OAuth2TokenFetcher fetcher;
  private final AccessTokenProvider cache;

  private BokaMeraOidcTokenProvider(Builder b) {
    this.fetcher = OAuth2TokenFetcher.password(b.tokenUrl, b.clientId, b.username, b.password)
        .vendor(BokaMeraClient.VENDOR)
        .okHttpClient(b.okHttpClient)
        .timeouts(b.timeouts)
        .retryPolicy(b.retryPolicy)
        .redactor(b.redactor)
        .clock(b.clock)
        .allowInsecureHttp(b.allowInsecureHttp)
        .userAgent(b.userAgent != null ? b.userAgent : UserAgent.forVendor(BokaMeraClient.VENDOR))
        .listenerFactory(b.listeners)
        .build();
    // Keyed by what the tokens are issued for (token URL, client, user), never the password.
    this.cache = b.tokenCache != null
        ? b.tokenCache.provider(BokaMeraClient.VENDOR, Redactor.fingerprint(b.tokenUrl, b.clientId, b.username), fetcher)
        : CachingAccessTokenProvider.builder()
            .fetcher(fetcher)
            .clock(b.clock)
            .refreshAhead(b.refreshAhead)
            .build();
  }

  /**
   * Starts a provider for one BokaMera API user.
   *
   * @param username the user's login (usually an e-mail address)
   * @param password the user's password; kept out of every message
   * @return a builder; the other settings have defaults
   * @throws IllegalArgumentException when the user name is blank or the password empty
   */
  public static Builder builder(String username, String password) {
    return new Builder(username, password);
  }

  @Override
  public String accessToken() {
    return cache.accessToken();
  }

  @Override
  public void invalidate(String token) {
    cache.invalidate(token);
  }

  @Override
  public boolean canRefresh() {
    return true;
  }

  /** Releases the OkHttp resources the provider created (none when it shares the caller's client). */
  @Override
  public void close() {
    fetcher.close();
  }

  @Override
  public String toString() {
    return "BokaMeraOidcTokenProvider{tokenUrl=" + fetcher.tokenUrl() + ", clientId=" + CLIENT_ID + ", password=****, "
        + cache + "}";
  }

  /** Builds {@link BokaMeraOidcTokenProvider}s; only the user name and password are required. */
  public static final class Builder {
    private final String username;
    private final String password;
    private String tokenUrl = PRODUCTION_TOKEN_URL;
    private String clientId = CLIENT_ID;
    private OkHttpClient okHttpClient;
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration refreshAhead = Duration.ofSeconds(60);
    private boolean allowInsecureHttp;
    private Redactor redactor = new Redactor();
    private @Nullable String userAgent;
    private VendorCallListener.Factory listeners = VendorCallListener.Factory.none();
    private @Nullable AccessTokenCache tokenCache;

    private Builder(String username, String password) {
      if (username == null || username.isBlank()) {
        throw new IllegalArgumentException("username is required for the BokaMera login");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("password is required for the BokaMera login");
      }
      this.username = username;
      this.password = password;
    }

    /**
     * Sets the token endpoint.
     *
     * @param tokenUrl the Keycloak token endpoint; default {@link #PRODUCTION_TOKEN_URL}, or {@link #TEST_TOKEN_URL}
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * Sets the OpenID Connect client the user logs in through.
     *
     * @param clientId the client id; default {@link #CLIENT_ID}
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * Shares the caller's OkHttp client; by default the provider creates its own.
     *
     * @param okHttpClient the client to send token requests with; the provider does not close it
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Sets the timeouts of token requests.
     *
     * @param timeouts the timeouts; default {@link Timeouts#defaults()}
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /**
     * Sets how the token request itself is retried.
     *
     * @param retryPolicy the retry policy; default {@link RetryPolicy#defaults()}
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets the clock token lifetimes are measured with; tests pass a fake one.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long before expiry a token is renewed.
     *
     * @param refreshAhead the margin; default 60 s (at most half the token's lifetime is used)
     * @return this builder
     */
    public Builder refreshAhead(Duration refreshAhead) {
      this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
      return this;
    }

    /**
     * Allows a plain-http token URL on a non-loopback host; only for test servers.
     *
     * @param allow true to allow plain http; default false
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** Shares the API client's redactor, so its messages hide these tokens too. */
    Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor);
      return this;
    }

    /**
     * Observes token requests as calls with operation {@code token}.
     *
     * @param listeners the listener factory; default none
     * @return this builder
     */
    public Builder listenerFactory(VendorCallListener.Factory listeners) {
      this.listeners = Objects.requireNonNull(listeners, "listeners");
      return this;
    }

    /**
     * Sets the {@code User-Agent} of token requests.
     *
     * @param userAgent the header value; default {@code customer-sync/<version> (bokamera) Java/<version>}
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Keeps the tokens in {@code tokenCache} instead of this provider's memory, e.g. the Redis
     * module's {@code RedisAccessTokenCache}, so that every instance of an application logs in once
     * and uses one token. Keyed by a fingerprint of the token URL, client id and user name, never the
     * password. {@link #refreshAhead} and {@link #clock} then do not apply: the cache renews tokens
     * by its own settings.
     *
     * @param tokenCache where the tokens live
     * @return this builder
     */
    public Builder tokenCache(AccessTokenCache tokenCache) {
      this.tokenCache = Objects.requireNonNull(tokenCache, "tokenCache");
      return this;
    }

    /**
     * Builds the provider from the settings.
     *
     * @return a new provider, to be closed when no longer needed
     * @throws IllegalArgumentException when the token URL is malformed or plain http to a
     *     non-loopback host
     */
    public BokaMeraOidcTokenProvider build() {
      return new BokaMeraOidcTokenProvider(this);
    }
  }
}
