package dev.customersync.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code customersync.*} properties: one group per vendor, each mirroring its client builder.
 * A vendor's client bean is made when any {@code customersync.<vendor>.*} property is set; a value
 * left unset keeps the builder's default. Secrets ({@code api-key}, {@code api-password}, {@code
 * password}, {@code client-secret}, {@code access-token}) are masked in {@code
 * /actuator/configprops} and never appear in {@link #toString()}.
 */
@ConfigurationProperties(prefix = "customersync")
public class CustomerSyncProperties {

  @NestedConfigurationProperty
  private final Billbee billbee = new Billbee();

  @NestedConfigurationProperty
  private final BokaMera bokamera = new BokaMera();

  @NestedConfigurationProperty
  private final Storm storm = new Storm();

  @NestedConfigurationProperty
  private final Sync sync = new Sync();

  /** {@return the Billbee settings, {@code customersync.billbee.*}} */
  public Billbee getBillbee() {
    return billbee;
  }

  /** {@return the BokaMera settings, {@code customersync.bokamera.*}} */
  public BokaMera getBokamera() {
    return bokamera;
  }

  /** {@return the Storm Commerce settings, {@code customersync.storm.*}} */
  public Storm getStorm() {
    return storm;
  }

  /** {@return the sync engine's settings, {@code customersync.sync.*}} */
  public Sync getSync() {
    return sync;
  }

  /** Names the groups only: the values may hold secrets. */
  @Override
  public String toString() {
    return "CustomerSyncProperties{billbee, bokamera, storm, sync}";
  }

  /** Settings every vendor client builder shares ({@code VendorClientBuilder}). */
  public abstract static class Vendor {

    /** User-Agent of every request; default names the SDK, the vendor and the Java version. */
    private @Nullable String userAgent;

    /** Whether plain http to a non-loopback host is allowed; only for test servers. */
    private boolean allowInsecureHttp;

    /** Longest wait for a client-side rate-limit permit before the call fails unsent; default 60s. */
    private @Nullable Duration rateLimitTimeout;

    /**
     * Longest one call may take as a whole (permit and token waits, attempts, back-off,
     * Retry-After); default 30s. Must be positive.
     */
    private @Nullable Duration callDeadline;

    @NestedConfigurationProperty
    private final Timeouts timeouts = new Timeouts();

    @NestedConfigurationProperty
    private final Retry retry = new Retry();

    /** {@return the User-Agent set, or null for the SDK's default} */
    public @Nullable String getUserAgent() {
      return userAgent;
    }

    /** @param userAgent User-Agent of every request */
    public void setUserAgent(@Nullable String userAgent) {
      this.userAgent = userAgent;
    }

    /** {@return whether plain http to a non-loopback host is allowed} */
    public boolean isAllowInsecureHttp() {
      return allowInsecureHttp;
    }

    /** @param allowInsecureHttp whether plain http to a non-loopback host is allowed */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
    }

    /** {@return the rate-limit permit timeout set, or null for the default} */
    public @Nullable Duration getRateLimitTimeout() {
      return rateLimitTimeout;
    }

    /** @param rateLimitTimeout longest wait for a rate-limit permit */
    public void setRateLimitTimeout(@Nullable Duration rateLimitTimeout) {
      this.rateLimitTimeout = rateLimitTimeout;
    }

    /** {@return the per-call deadline set, or null for the default} */
    public @Nullable Duration getCallDeadline() {
      return callDeadline;
    }

    /** @param callDeadline longest one call may take as a whole */
    public void setCallDeadline(@Nullable Duration callDeadline) {
      this.callDeadline = callDeadline;
    }

    /** {@return the HTTP timeouts} */
    public Timeouts getTimeouts() {
      return timeouts;
    }

    /** {@return the retry settings} */
    public Retry getRetry() {
      return retry;
    }
  }

  /** Time limits of one HTTP attempt ({@code dev.customersync.core.Timeouts}); unset keeps the default. */
  public static class Timeouts {

    /** Connect timeout; default 10s. */
    private @Nullable Duration connect;

    /** Read timeout; default 30s. */
    private @Nullable Duration read;

    /** Write timeout; default 30s. */
    private @Nullable Duration write;

    /** Whole-call timeout (connect, send, wait and read together); default 60s. */
    private @Nullable Duration call;

    /** {@return the connect timeout set, or null} */
    public @Nullable Duration getConnect() {
      return connect;
    }

    /** @param connect connect timeout */
    public void setConnect(@Nullable Duration connect) {
      this.connect = connect;
    }

    /** {@return the read timeout set, or null} */
    public @Nullable Duration getRead() {
      return read;
    }

    /** @param read read timeout */
    public void setRead(@Nullable Duration read) {
      this.read = read;
    }

    /** {@return the write timeout set, or null} */
    public @Nullable Duration getWrite() {
      return write;
    }

    /** @param write write timeout */
    public void setWrite(@Nullable Duration write) {
      this.write = write;
    }

    /** {@return the whole-call timeout set, or null} */
    public @Nullable Duration getCall() {
      return call;
    }

    /** @param call whole-call timeout */
    public void setCall(@Nullable Duration call) {
      this.call = call;
    }

    boolean isSet() {
      return connect != null || read != null || write != null || call != null;
    }
  }

  /** Retries of API and token calls ({@code dev.customersync.core.RetryPolicy}); unset keeps the default. */
  public static class Retry {

    /** Attempts in all, at least 1 (1 turns retries off); default 3. */
    private @Nullable Integer maxAttempts;

    /** Back-off before the second attempt, before jitter; default 500ms. */
    private @Nullable Duration baseDelay;

    /** Longest back-off, before jitter; default 8s. */
    private @Nullable Duration maxDelay;

    /** Longest Retry-After waited out; a longer one fails at once. Default 60s. */
    private @Nullable Duration retryAfterCap;

    /** {@return the attempts set, or null} */
    public @Nullable Integer getMaxAttempts() {
      return maxAttempts;
    }

    /** @param maxAttempts attempts in all */
    public void setMaxAttempts(@Nullable Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** {@return the base delay set, or null} */
    public @Nullable Duration getBaseDelay() {
      return baseDelay;
    }

    /** @param baseDelay back-off before the second attempt */
    public void setBaseDelay(@Nullable Duration baseDelay) {
      this.baseDelay = baseDelay;
    }

    /** {@return the longest back-off set, or null} */
    public @Nullable Duration getMaxDelay() {
      return maxDelay;
    }

    /** @param maxDelay longest back-off */
    public void setMaxDelay(@Nullable Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    /** {@return the Retry-After cap set, or null} */
    public @Nullable Duration getRetryAfterCap() {
      return retryAfterCap;
    }

    /** @param retryAfterCap longest Retry-After waited out */
    public void setRetryAfterCap(@Nullable Duration retryAfterCap) {
      this.retryAfterCap = retryAfterCap;
    }

    boolean isSet() {
      return maxAttempts != null || baseDelay != null || maxDelay != null || retryAfterCap != null;
    }
  }

  /** {@code customersync.billbee.*}: a {@code BillbeeClient}. */
  public static class Billbee extends Vendor {

    /** Billbee's API root; default https://api.billbee.io (a trailing /api/v1 is taken too). */
    private @Nullable String baseUrl;

    /** Developer API key, sent as X-Billbee-Api-Key. Required. */
    private @Nullable String apiKey;

    /** Billbee user name for HTTP Basic. Required. */
    private @Nullable String username;

    /** User's API password (set in Billbee's settings, not the login password). Required. */
    private @Nullable String apiPassword;

    /** Billbee LanguageId per BCP 47 language tag, e.g. de=1. */
    private Map<String, Integer> languageIds = new LinkedHashMap<>();

    /** {@return the base URL set, or null} */
    public @Nullable String getBaseUrl() {
      return baseUrl;
    }

    /** @param baseUrl Billbee's API root */
    public void setBaseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** {@return the API key} */
    public @Nullable String getApiKey() {
      return apiKey;
    }

    /** @param apiKey developer API key */
    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    /** {@return the user name} */
    public @Nullable String getUsername() {
      return username;
    }

    /** @param username Billbee user name */
    public void setUsername(@Nullable String username) {
      this.username = username;
    }

    /** {@return the API password} */
    public @Nullable String getApiPassword() {
      return apiPassword;
    }

    /** @param apiPassword the user's API password */
    public void setApiPassword(@Nullable String apiPassword) {
      this.apiPassword = apiPassword;
    }

    /** {@return the language ids, by tag} */
    public Map<String, Integer> getLanguageIds() {
      return languageIds;
    }

    /** @param languageIds Billbee LanguageId per language tag */
    public void setLanguageIds(Map<String, Integer> languageIds) {
      this.languageIds = languageIds;
    }

    /** Shows whether each secret is set, never its value. */
    @Override
    public String toString() {
      return "Billbee{baseUrl=" + baseUrl + ", username=" + username + ", apiKey=" + Secrets.shown(apiKey)
          + ", apiPassword=" + Secrets.shown(apiPassword) + "}";
    }
  }

  /** {@code customersync.bokamera.*}: a {@code BokaMeraClient}. */
  public static class BokaMera extends Vendor {

    /** BokaMera's API root; default the production API. */
    private @Nullable String baseUrl;

    /** Whether to use BokaMera's test system (its API and token URL) instead of production. */
    private boolean testEnvironment;

    /** API key (a GUID issued by BokaMera), sent as x-api-key. Required. */
    private @Nullable String apiKey;

    /** Fixed access token; it cannot be renewed. Either this or username and password. */
    private @Nullable String accessToken;

    /** API user for BokaMera's Keycloak password grant; with password. */
    private @Nullable String username;

    /** Password of the API user; with username. */
    private @Nullable String password;

    /** Keycloak token endpoint used with username and password; default the production one. */
    private @Nullable String tokenUrl;

    /** Language of BokaMera's messages, sent as x-language: sv or en. */
    private @Nullable String language;

    /** Company sent with every call that takes one, unless the request names its own. */
    private @Nullable UUID companyId;

    /** {@return the base URL set, or null} */
    public @Nullable String getBaseUrl() {
      return baseUrl;
    }

    /** @param baseUrl BokaMera's API root */
    public void setBaseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** {@return whether the test system is used} */
    public boolean isTestEnvironment() {
      return testEnvironment;
    }

    /** @param testEnvironment whether to use BokaMera's test system */
    public void setTestEnvironment(boolean testEnvironment) {
      this.testEnvironment = testEnvironment;
    }

    /** {@return the API key} */
    public @Nullable String getApiKey() {
      return apiKey;
    }

    /** @param apiKey BokaMera API key */
    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    /** {@return the fixed access token} */
    public @Nullable String getAccessToken() {
      return accessToken;
    }

    /** @param accessToken fixed access token */
    public void setAccessToken(@Nullable String accessToken) {
      this.accessToken = accessToken;
    }

    /** {@return the API user} */
    public @Nullable String getUsername() {
      return username;
    }

    /** @param username API user */
    public void setUsername(@Nullable String username) {
      this.username = username;
    }

    /** {@return the API user's password} */
    public @Nullable String getPassword() {
      return password;
    }

    /** @param password the API user's password */
    public void setPassword(@Nullable String password) {
      this.password = password;
    }

    /** {@return the token URL set, or null} */
    public @Nullable String getTokenUrl() {
      return tokenUrl;
    }

    /** @param tokenUrl Keycloak token endpoint */
    public void setTokenUrl(@Nullable String tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    /** {@return the language set, or null} */
    public @Nullable String getLanguage() {
      return language;
    }

    /** @param language sv or en */
    public void setLanguage(@Nullable String language) {
      this.language = language;
    }

    /** {@return the default company, or null} */
    public @Nullable UUID getCompanyId() {
      return companyId;
    }

    /** @param companyId default company */
    public void setCompanyId(@Nullable UUID companyId) {
      this.companyId = companyId;
    }

    /** Shows whether each secret is set, never its value. */
    @Override
    public String toString() {
      return "BokaMera{baseUrl=" + baseUrl + ", username=" + username + ", apiKey=" + Secrets.shown(apiKey)
          + ", accessToken=" + Secrets.shown(accessToken) + ", password=" + Secrets.shown(password) + "}";
    }
  }

  /** {@code customersync.storm.*}: a {@code StormClient}. */
  public static class Storm extends Vendor {

    /** Storm's API root with its prefix, e.g. https://demo.storm.io/api/1.1/. Required. */
    private @Nullable String baseUrl;

    /** Storm application id, sent as the ApplicationId header. Required. */
    private @Nullable Integer applicationId;

    /** Fixed bearer token; a 401 is then final. Either this or client-id and client-secret. */
    private @Nullable String accessToken;

    /** OAuth2 client id for the client-credentials grant; with client-secret. */
    private @Nullable String clientId;

    /** OAuth2 client secret; with client-id. */
    private @Nullable String clientSecret;

    /** Token scope: lab, qa or production; left out of the token request when unset. */
    private @Nullable String scope;

    /** Token endpoint; default Storm's identity server. */
    private @Nullable String tokenUrl;

    /** Default cultureCode of every call, e.g. sv-SE; unset means the application's culture. */
    private @Nullable String cultureCode;

    /** Account id UpdateCustomer3 records as updatedBy; default 1, Storm's default account. */
    private @Nullable Integer updatedBy;

    /** Whether writes ask Storm to send its customer mail; syncing never mails customers unless set. */
    private boolean sendMail;

    /** Whether a different company name renames the customer's shared first company. */
    private boolean renameSharedCompany;

    /** How long before expiry a cached token is renewed; default 60s. */
    private @Nullable Duration tokenRefreshAhead;

    /** Largest answer body read, in bytes; default 4 MiB. */
    private @Nullable Long maxResponseBytes;

    /** {@return the base URL} */
    public @Nullable String getBaseUrl() {
      return baseUrl;
    }

    /** @param baseUrl Storm's API root with its prefix */
    public void setBaseUrl(@Nullable String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** {@return the application id} */
    public @Nullable Integer getApplicationId() {
      return applicationId;
    }

    /** @param applicationId Storm application id */
    public void setApplicationId(@Nullable Integer applicationId) {
      this.applicationId = applicationId;
    }

    /** {@return the fixed access token} */
    public @Nullable String getAccessToken() {
      return accessToken;
    }

    /** @param accessToken fixed bearer token */
    public void setAccessToken(@Nullable String accessToken) {
      this.accessToken = accessToken;
    }

    /** {@return the OAuth2 client id} */
    public @Nullable String getClientId() {
      return clientId;
    }

    /** @param clientId OAuth2 client id */
    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId;
    }

    /** {@return the OAuth2 client secret} */
    public @Nullable String getClientSecret() {
      return clientSecret;
    }

    /** @param clientSecret OAuth2 client secret */
    public void setClientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
    }

    /** {@return the token scope} */
    public @Nullable String getScope() {
      return scope;
    }

    /** @param scope token scope */
    public void setScope(@Nullable String scope) {
      this.scope = scope;
    }

    /** {@return the token URL set, or null} */
    public @Nullable String getTokenUrl() {
      return tokenUrl;
    }

    /** @param tokenUrl token endpoint */
    public void setTokenUrl(@Nullable String tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    /** {@return the default culture code} */
    public @Nullable String getCultureCode() {
      return cultureCode;
    }

    /** @param cultureCode default culture code */
    public void setCultureCode(@Nullable String cultureCode) {
      this.cultureCode = cultureCode;
    }

    /** {@return the updatedBy account id set, or null} */
    public @Nullable Integer getUpdatedBy() {
      return updatedBy;
    }

    /** @param updatedBy account id UpdateCustomer3 records */
    public void setUpdatedBy(@Nullable Integer updatedBy) {
      this.updatedBy = updatedBy;
    }

    /** {@return whether writes ask Storm to mail the customer} */
    public boolean isSendMail() {
      return sendMail;
    }

    /** @param sendMail whether writes ask Storm to mail the customer */
    public void setSendMail(boolean sendMail) {
      this.sendMail = sendMail;
    }

    /** {@return whether a shared company may be renamed} */
    public boolean isRenameSharedCompany() {
      return renameSharedCompany;
    }

    /** @param renameSharedCompany whether a shared company may be renamed */
    public void setRenameSharedCompany(boolean renameSharedCompany) {
      this.renameSharedCompany = renameSharedCompany;
    }

    /** {@return the token refresh margin set, or null} */
    public @Nullable Duration getTokenRefreshAhead() {
      return tokenRefreshAhead;
    }

    /** @param tokenRefreshAhead how long before expiry a token is renewed */
    public void setTokenRefreshAhead(@Nullable Duration tokenRefreshAhead) {
      this.tokenRefreshAhead = tokenRefreshAhead;
    }

    /** {@return the largest answer body set, or null} */
    public @Nullable Long getMaxResponseBytes() {
      return maxResponseBytes;
    }

    /** @param maxResponseBytes largest answer body read, in bytes */
    public void setMaxResponseBytes(@Nullable Long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
    }

    /** Shows whether each secret is set, never its value. */
    @Override
    public String toString() {
      return "Storm{baseUrl=" + baseUrl + ", applicationId=" + applicationId + ", clientId=" + clientId
          + ", accessToken=" + Secrets.shown(accessToken) + ", clientSecret=" + Secrets.shown(clientSecret) + "}";
    }
  }

  /** {@code customersync.sync.*}: the {@code CustomerSync} bean. */
  public static class Sync {

    /** Concurrent updates per vendor in bulk runs unless set per vendor; default 4. */
    private @Nullable Integer defaultConcurrency;

    /** Concurrent updates in bulk runs per vendor name (billbee, bokamera, storm). */
    private Map<String, Integer> concurrency = new LinkedHashMap<>();

    /** {@return the default concurrency set, or null} */
    public @Nullable Integer getDefaultConcurrency() {
      return defaultConcurrency;
    }

    /** @param defaultConcurrency concurrent updates per vendor */
    public void setDefaultConcurrency(@Nullable Integer defaultConcurrency) {
      this.defaultConcurrency = defaultConcurrency;
    }

    /** {@return concurrency per vendor} */
    public Map<String, Integer> getConcurrency() {
      return concurrency;
    }

    /** @param concurrency concurrent updates per vendor name */
    public void setConcurrency(Map<String, Integer> concurrency) {
      this.concurrency = concurrency;
    }
  }

  /** What a toString may say about a secret. */
  static final class Secrets {
    private Secrets() {}

    static String shown(@Nullable String secret) {
      return secret == null ? "unset" : "****";
    }
  }
}
