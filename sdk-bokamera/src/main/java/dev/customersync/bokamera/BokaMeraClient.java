package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.AccessTokenCache;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.Violations;
import dev.customersync.core.internal.BlockingCalls;
import dev.customersync.core.json.Json;
import dev.customersync.core.spi.BaseUrls;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.HeaderValues;
import dev.customersync.core.spi.DirectoryCustomerUpdater;
import dev.customersync.core.spi.ReadMergeWriteUpdater;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.SharedOkHttpClient;
import dev.customersync.core.spi.VendorClientBuilder;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorRequest;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The BokaMera API client: updates customers ({@code PUT /customers/{Id}}), reads one customer
 * ({@code GET /customers?CustomerId=…}) and updates customer articles ({@code PUT
 * /customerarticle/{Id}}), and hands out the neutral {@link #customerUpdater()}.
 *
 * <p>Every request carries {@code Authorization: Bearer <token>}, {@code x-api-key}, JSON {@code
 * Accept} and {@code Content-Type}, and {@code x-language} when a language is set. Failures become
 * {@link VendorApiException}s carrying ServiceStack's {@code ErrorCode}, message and per-field
 * errors. PUTs are idempotent, so the {@link RetryPolicy} retries them on 5xx, 429 and I/O errors;
 * after a 401 a refreshable token provider is asked for a new token and the call is repeated once.
 *
 * <pre>{@code
 * try (BokaMeraClient bokamera = BokaMeraClient.builder()
 *     .apiKey(apiKey)
 *     .login("api-user@example.com", password)   // OIDC password grant, tokens cached and renewed
 *     .language("sv")
 *     .build()) {
 *   UpdateResult r = bokamera.customerUpdater().update(customerGuid, customer);
 * }
 * }</pre>
 *
 * <p>Thread-safe; build one per API key and share it. Close it to release what it created (its own
 * OkHttp client and token provider); a caller's {@link OkHttpClient} is never shut down.
 */
public final class BokaMeraClient implements AutoCloseable {

  /** BokaMera's production API. */
  public static final String PRODUCTION_BASE_URL = "https://api.bokamera.se";

  /** BokaMera's test API, paired with {@link BokaMeraOidcTokenProvider#TEST_TOKEN_URL}. */
  public static final String TEST_BASE_URL = "https://testapi.bokamera.se";

  static final String VENDOR = "bokamera";

  private static final Set<String> LANGUAGES = Set.of("sv", "en");

  private final VendorHttpClient http;
  // Built once: re-parsing the path on every call showed in the B1 profile.
  private final HttpUrl customersUrl;
  private final ObjectMapper mapper;
  private final BokaMeraErrorParser errorParser;
  private final UUID companyId;
  private final BokaMeraOidcTokenProvider ownedTokens;
  private final SharedOkHttpClient okHttp;
  private final BokaMeraCustomerStore customerStore;
  private final BokaMeraCustomerDirectory customerDirectory;
  private final CustomerUpdater customerUpdater;
  private final String language;

  private BokaMeraClient(Builder b, HttpUrl baseUrl, SharedOkHttpClient okHttp, AccessTokenProvider tokens,
      @Nullable BokaMeraOidcTokenProvider ownedTokens, Redactor redactor) {
    this.mapper = Json.newMapper();
    this.errorParser = new BokaMeraErrorParser(mapper, redactor);
    this.companyId = b.companyId;
    this.ownedTokens = ownedTokens;
    this.okHttp = okHttp;
    this.language = b.language;
    VendorHttpClient.Builder http = VendorHttpClient.builder()
        .vendor(VENDOR)
        .baseUrl(baseUrl)
        .okHttpClient(okHttp.client())
        .timeouts(b.timeouts())
        .retryPolicy(b.retryPolicy())
        .rateLimiter(b.rateLimiter())
        .rateLimitTimeout(b.rateLimitTimeout())
        .callDeadline(b.callDeadline())
        .credentialFingerprint(Redactor.fingerprint(VENDOR, b.apiKey))
        .accessTokenProvider(tokens)
        .defaultHeader("x-api-key", b.apiKey)
        .defaultHeader("Accept", "application/json")
        .defaultHeader("User-Agent", b.userAgentFor(VENDOR))
        .redactor(redactor)
        .listenerFactory(b.listenerFactory())
        .errorParser(errorParser);
    if (b.language != null) {
      http.defaultHeader("x-language", b.language);
    }
    this.http = http.build();
    this.customersUrl = this.http.baseUrl().newBuilder().addPathSegment("customers").build();
    this.customerStore = new BokaMeraCustomerStore(this.http, customersUrl, mapper, errorParser, companyId);
    // Only what names the account, never a credential: see accountFingerprint().
    String fingerprint = Redactor.fingerprint(VENDOR, this.http.baseUrl().toString(),
        companyId == null ? "" : companyId.toString(), b.username == null ? "" : b.username);
    // The fields this client warned about, shared by its updater and directory: see WarnOnce.
    dev.customersync.core.spi.WarnOnce warnOnce = new dev.customersync.core.spi.WarnOnce();
    this.customerDirectory = new BokaMeraCustomerDirectory(customerStore, mapper, fingerprint, b.maxSearchPages,
        warnOnce);
    this.customerUpdater = new DirectoryCustomerUpdater<>(new ReadMergeWriteUpdater<>(customerStore,
        b.executor() != null ? b.executor() : BlockingCalls.executor(), warnOnce), customerDirectory);
  }

  /** {@return a builder for a client; {@link Builder#apiKey} and a token source are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Updates a customer with {@code PUT /customers/{Id}}. The {@code CompanyId} (the body's, else
   * the client's default) is sent both in the body and as a query parameter.
   *
   * <p>BokaMera requires Firstname, Lastname, Phone and Email in every update, and whether it
   * clears properties left out is not documented; {@link #customerUpdater()} reads and merges for
   * you.
   *
   * @param id the BokaMera customer GUID, sent in the path
   * @param update the properties to write; its {@code CompanyId}, when absent, is the client's default
   * @return the customer as BokaMera holds it afterwards
   * @throws dev.customersync.core.CustomerValidationException when {@code update.id()} is set and
   *     differs from {@code id}; nothing is sent
   * @throws VendorApiException when BokaMera refuses (400 with field errors, 401/403, 404, 409, 5xx)
   * @throws TransportException when no answer could be had
   */
  public CustomerQueryResponse updateCustomer(UUID id, UpdateCustomer update) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(update, "update");
    if (update.id() != null && !update.id().equals(id)) {
      Violations violations = new Violations();
      violations.add("UpdateCustomer.Id", "must equal the customer id in the path (" + id + ")", update.id().toString());
      violations.throwIfAny();
    }
    UUID company = update.companyId() != null ? update.companyId() : companyId;
    UpdateCustomer body = update.companyId() == null && company != null
        ? update.toBuilder().companyId(company).build() : update;
    HttpUrl.Builder url = customersUrl.newBuilder()
        .addPathSegment(id.toString());
    if (company != null) {
      url.addQueryParameter("CompanyId", company.toString());
    }
    VendorResponse response = http.execute(VendorRequest.put(url.build(), write(body))
        .endpointGroup("customers")
        .operation("update-customer")
        .endpoint("customers/{id}")
        .build());
    return read(response, CustomerQueryResponse.class);
  }

  /**
   * Reads one customer with {@code GET /customers?CustomerId=…}, including the invoice address,
   * custom-field values and access keys. The client's default company id, when set, is sent as
   * {@code CompanyId}.
   *
   * @param id the BokaMera customer GUID
   * @return the customer as BokaMera holds it
   * @throws NotFoundException when BokaMera answers 404 or no customer with this id
   * @throws UnexpectedCustomerException when the first result is another customer or names none
   * @throws VendorApiException when BokaMera refuses
   * @throws TransportException when no answer could be had
   */
  public CustomerQueryResponse getCustomer(UUID id) {
    Objects.requireNonNull(id, "id");
    CustomerTree read = customerStore.read(id);
    String found = read.customer().isObject() ? customerStore.idOf(read.customer()) : null;
    if (!id.toString().equals(found)) {
      // Handing out another customer's data as this one's would be worse than failing.
      throw new UnexpectedCustomerException(http.errorFor(read.response())
          .message(found == null ? "asked for customer " + id + " but the first result names no customer"
              : "asked for customer " + id + " but the first result is customer " + found),
          id.toString(), found);
    }
    try {
      return mapper.treeToValue(read.customer(), CustomerQueryResponse.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorJson.unreadable(http, read.response(), "body is not a readable CustomerQueryResponse", e);
    }
  }

  /**
   * Reads a page of customers with {@code GET /customers?Search=…&Skip=…&Take=…}, each with its
   * invoice address, custom-field values and access keys (the Include flags of {@link
   * #getCustomer}). The client's default company id, when set, is sent as {@code CompanyId}.
   *
   * <p>{@code Search} is BokaMera's free-text search over name and e-mail (third-party-documented;
   * whether it matches exactly is unconfirmed, so {@link #customerDirectory()} filters for an exact
   * e-mail itself). BokaMera may answer fewer than {@code take} customers per page (ServiceStack's
   * {@code MaxLimit}, unpublished for BokaMera). An answer that is a bare JSON array of customers
   * is read as a page with only {@link CustomerQueryPage#results()} set.
   *
   * @param search the free-text search, or null to list every customer
   * @param skip how many customers to skip; not negative
   * @param take how many customers to ask for; positive
   * @return the page as BokaMera answered it
   * @throws dev.customersync.core.CustomerValidationException when {@code skip} or {@code take} is
   *     out of range; nothing is sent
   * @throws VendorApiException when BokaMera refuses
   * @throws TransportException when no answer could be had
   */
  public CustomerQueryPage queryCustomers(@Nullable String search, int skip, int take) {
    Violations violations = new Violations();
    if (skip < 0) {
      violations.add("skip", "must not be negative", Integer.toString(skip));
    }
    if (take < 1) {
      violations.add("take", "must be positive", Integer.toString(take));
    }
    violations.throwIfAny();
    BokaMeraResultPage page = customerStore.query(search, skip, take);
    try {
      if (page.bare()) {
        // The results are all the answer holds.
        CustomerQueryPage.Builder results = CustomerQueryPage.builder();
        for (JsonNode customer : page.results()) {
          results.addResults(mapper.treeToValue(customer, CustomerQueryResponse.class));
        }
        return results.build();
      }
      return mapper.readValue(page.response().body(), CustomerQueryPage.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorJson.unreadable(http, page.response(), "body is not a readable CustomerQueryPage", e);
    }
  }

  /**
   * Creates a customer with {@code POST /customers}. The {@code CompanyId} (the body's, else the
   * client's default) is sent both in the body and as a query parameter, as for {@link
   * #updateCustomer}.
   *
   * <p>Sent at most once: the retry policy repeats it only when it provably never reached
   * BokaMera (no connection, or a 429, or a 503 with {@code Retry-After}). After a failure whose
   * {@link TransportException#mayHaveReachedVendor()} is true, look the customer up before creating
   * it again. Each entry of {@link CreateCustomer#accessKeys()} creates an access key.
   *
   * @param create the customer to create; {@code Firstname}, {@code Lastname} and {@code Phone}
   *     are required
   * @return BokaMera's answer, the new customer's id in {@link UpdateCustomerResponse#id()}
   * @throws dev.customersync.core.CustomerValidationException when a required property is missing
   *     or blank; nothing is sent
   * @throws VendorApiException when BokaMera refuses, or answers without the new customer's id
   * @throws TransportException when no answer could be had
   */
  public UpdateCustomerResponse createCustomer(CreateCustomer create) {
    Objects.requireNonNull(create, "create");
    Violations violations = new Violations();
    for (String[] required : new String[][] {{"Firstname", create.firstname()}, {"Lastname", create.lastname()},
        {"Phone", create.phone()}}) {
      if (required[1] == null || required[1].isBlank()) {
        violations.add("CreateCustomer." + required[0], "is required to create a BokaMera customer", required[1]);
      }
    }
    violations.throwIfAny();
    CreateCustomer body = create.companyId() == null && companyId != null
        ? create.toBuilder().companyId(companyId).build() : create;
    CustomerTree created = customerStore.create(write(body), body.companyId());
    customerStore.createdId(created);
    try {
      return mapper.treeToValue(created.customer(), UpdateCustomerResponse.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorJson.unreadable(http, created.response(), "body is not a readable UpdateCustomerResponse", e);
    }
  }

  /**
   * The {@link CustomerDirectory} for BokaMera: finds customers by e-mail ({@code GET
   * /customers?Search=…}, filtered for an exact match) and creates missing ones ({@code POST
   * /customers}); the same one {@link #customerUpdater()}{@code .directory()} hands out.
   *
   * @return the directory, shared by every call on this client
   */
  public BokaMeraCustomerDirectory customerDirectory() {
    return customerDirectory;
  }

  /**
   * Updates a customer article (membership, punch card, ...) with {@code PUT
   * /customerarticle/{Id}}. The body's {@code Id} is set to {@code id}, and its {@code CompanyId}
   * to the client's default when it has none.
   *
   * @param id the customer article id, sent in the path; must be positive
   * @param update the new status, price, VAT and currency
   * @return the customer article as BokaMera holds it afterwards
   * @throws dev.customersync.core.CustomerValidationException when {@code id} is not positive or
   *     {@code update.id()} differs from it; nothing is sent
   * @throws VendorApiException when BokaMera refuses
   * @throws TransportException when no answer could be had
   */
  public CustomerArticleResponse updateCustomerArticle(int id, UpdateCustomerArticle update) {
    Objects.requireNonNull(update, "update");
    Violations violations = new Violations();
    BokaMeraIds.customerArticleId(id, violations);
    if (update.id() != null && update.id() != id) {
      violations.add("UpdateCustomerArticle.Id", "must equal the customer article id in the path (" + id + ")",
          update.id().toString());
    }
    violations.throwIfAny();
    UpdateCustomerArticle.Builder body = update.toBuilder().id(id);
    if (update.companyId() == null && companyId != null) {
      body.companyId(companyId);
    }
    HttpUrl url = http.baseUrl().newBuilder()
        .addPathSegment("customerarticle")
        .addPathSegment(Integer.toString(id))
        .build();
    VendorResponse response = http.execute(VendorRequest.put(url, write(body.build()))
        .endpointGroup("customerarticles")
        .operation("update-customer-article")
        .endpoint("customerarticle/{id}")
        .build());
    return read(response, CustomerArticleResponse.class);
  }

  /**
   * The neutral updater for BokaMera ({@code vendor()} is {@code "bokamera"}): the customer id is
   * the BokaMera customer GUID; the customer is read, the fields the caller set are merged into the
   * read projected onto UpdateCustomer, and the PUT is sent only when that changed something. See
   * the package documentation for the field mapping and what travels back unchanged. Its {@code
   * directory()} is {@link #customerDirectory()}.
   *
   * @return the updater, shared by every call on this client
   */
  public CustomerUpdater customerUpdater() {
    return customerUpdater;
  }

  /** {@return the default company id sent with every call, or empty when none was configured} */
  public Optional<UUID> companyId() {
    return Optional.ofNullable(companyId);
  }

  /** Releases the OkHttp client and token provider this client created; shared ones stay open. */
  @Override
  public void close() {
    http.close();
    if (ownedTokens != null) {
      ownedTokens.close();
    }
    okHttp.close();
  }

  @Override
  public String toString() {
    return "BokaMeraClient{baseUrl=" + http.baseUrl() + ", apiKey=****"
        + (companyId == null ? "" : ", companyId=" + companyId)
        + (language == null ? "" : ", language=" + language) + "}";
  }

  private byte[] write(Object body) {
    return VendorJson.write(mapper, body);
  }

  private <T> T read(VendorResponse response, Class<T> type) {
    if (response.bodyIsBlank()) {
      throw http.errorFor(response).message("empty body where a " + type.getSimpleName() + " was expected").build();
    }
    JsonNode tree = null;
    T value;
    try {
      if (BokaMeraErrorParser.mayReportFailure(response.body())) {
        tree = mapper.readTree(response.body());
        value = mapper.treeToValue(tree, type);
      } else {
        // No error property anywhere: bind directly instead of reading every answer twice.
        value = mapper.readValue(response.body(), type);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw VendorJson.unreadable(http, response, "body is not a readable " + type.getSimpleName(), e);
    }
    if (value == null) {
      throw http.errorFor(response).message("body is null where a " + type.getSimpleName() + " was expected").build();
    }
    if (tree != null && BokaMeraErrorParser.reportsFailure(BokaMeraErrorParser.responseStatusOf(tree))) {
      // ServiceStack normally fails with an error status, but a ResponseStatus with an error code
      // inside a 2xx answer still means the call failed.
      VendorApiException.Builder error = http.errorFor(response);
      errorParser.parse(response, error);
      throw error.build();
    }
    return value;
  }

  /**
   * Builds {@link BokaMeraClient}s; {@link #apiKey} and one token source are required. The default
   * rate limiter is unlimited, because BokaMera publishes no limits; a limiter's keys are {@code
   * <API-key fingerprint>|customers} and {@code …|customerarticles}.
   */
  public static final class Builder extends VendorClientBuilder<Builder> {
    private String baseUrl = PRODUCTION_BASE_URL;
    private String apiKey;
    private String accessToken;
    private AccessTokenProvider accessTokenProvider;
    private String username;
    private String password;
    private String tokenUrl = BokaMeraOidcTokenProvider.PRODUCTION_TOKEN_URL;
    private String language;
    private UUID companyId;
    private AccessTokenCache tokenCache;
    private int maxSearchPages = BokaMeraEmailSearch.MAX_PAGES;

    private Builder() {
      super(RateLimiter.unlimited());
    }

    /**
     * Applies connection settings by name, e.g. those a {@code FakeBokaMera} hands out: {@code
     * baseUrl}, {@code tokenUrl}, {@code apiKey}, {@code username} and {@code password} (for
     * {@link #login}), {@code companyId}, {@code accessToken}.
     *
     * @param settings settings for {@code bokamera}
     * @return this builder
     * @throws IllegalArgumentException the settings are for another vendor, name a setting this
     *     builder does not know, give only one of {@code username} and {@code password}, or a
     *     {@code companyId} that is not a GUID
     */
    public Builder settings(dev.customersync.core.ClientSettings settings) {
      settings.requireFor(VENDOR, java.util.Set.of("baseUrl", "tokenUrl", "apiKey", "username", "password",
          "companyId", "accessToken"));
      settings.get("baseUrl").ifPresent(this::baseUrl);
      settings.get("tokenUrl").ifPresent(this::tokenUrl);
      settings.get("apiKey").ifPresent(this::apiKey);
      if (settings.get("username").isPresent() != settings.get("password").isPresent()) {
        throw new IllegalArgumentException("bokamera settings need both username and password, or neither");
      }
      settings.get("username").ifPresent(u -> login(u, settings.get("password").orElseThrow()));
      settings.get("companyId").ifPresent(v -> {
        try {
          companyId(UUID.fromString(v));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("companyId must be a GUID, was '" + v + "'", e);
        }
      });
      settings.get("accessToken").ifPresent(this::accessToken);
      return this;
    }

    /**
     * Sets the API root.
     *
     * @param baseUrl the API root; default {@link #PRODUCTION_BASE_URL}. It may carry a path prefix
     *     (e.g. a gateway's {@code https://gw.example.com/bokamera/}); paths are resolved below it.
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Uses BokaMera's test system: {@link #TEST_BASE_URL} and the test token URL.
     *
     * @return this builder
     */
    public Builder testEnvironment() {
      this.baseUrl = TEST_BASE_URL;
      this.tokenUrl = BokaMeraOidcTokenProvider.TEST_TOKEN_URL;
      return this;
    }

    /**
     * Sets the API key; required.
     *
     * @param apiKey the API key (a GUID issued by BokaMera), sent as {@code x-api-key}
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Authenticates with a fixed access token; it cannot be renewed, so a 401 fails at once.
     *
     * @param accessToken the bearer token
     * @return this builder
     */
    public Builder accessToken(String accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /**
     * Authenticates with your own token source; the client does not close it.
     *
     * @param accessTokenProvider the token source, e.g. a {@link BokaMeraOidcTokenProvider} shared by several
     *     clients
     * @return this builder
     */
    public Builder accessTokenProvider(AccessTokenProvider accessTokenProvider) {
      this.accessTokenProvider = accessTokenProvider;
      return this;
    }

    /**
     * Logs in as a BokaMera API user through Keycloak's password grant (see {@link
     * BokaMeraOidcTokenProvider}); tokens are cached, renewed with the refresh token, and the user
     * logs in again when the refresh token has expired. The client owns and closes this provider.
     *
     * @param username the API user's name
     * @param password the API user's password
     * @return this builder
     */
    public Builder login(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * Keeps the tokens {@link #login} fetches in {@code tokenCache} instead of this client's memory,
     * e.g. the Redis module's {@code RedisAccessTokenCache}, so that every instance of an application
     * logs in once and uses one token (see {@link BokaMeraOidcTokenProvider.Builder#tokenCache}).
     * Only with {@link #login}.
     *
     * @param tokenCache where the tokens live
     * @return this builder
     */
    public Builder tokenCache(AccessTokenCache tokenCache) {
      this.tokenCache = Objects.requireNonNull(tokenCache, "tokenCache");
      return this;
    }

    /**
     * Sets the token endpoint {@link #login} uses.
     *
     * @param tokenUrl the Keycloak token endpoint; default {@link BokaMeraOidcTokenProvider#PRODUCTION_TOKEN_URL}
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /**
     * Sets the language of BokaMera's messages, sent as {@code x-language}.
     *
     * @param language {@code "sv"} or {@code "en"}; without one the header is left out
     * @return this builder
     */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /**
     * Sets the company sent with every call that takes one, unless the request names its own.
     *
     * @param companyId the company's GUID
     * @return this builder
     */
    public Builder companyId(UUID companyId) {
      this.companyId = companyId;
      return this;
    }

    /** For tests: the most pages one search by e-mail reads before it fails. */
    Builder maxSearchPages(int maxSearchPages) {
      this.maxSearchPages = maxSearchPages;
      return this;
    }

    /**
     * Builds the client from the settings.
     *
     * @return a new client, to be closed when no longer needed
     * @throws IllegalStateException when the API key or a token source is missing, or more than
     *     one token source is set
     * @throws IllegalArgumentException when a URL or the language is malformed
     */
    public BokaMeraClient build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException("apiKey is required: the BokaMera API key sent as x-api-key");
      }
      HeaderValues.requireCredential("apiKey", apiKey);
      int sources = (accessToken != null ? 1 : 0) + (accessTokenProvider != null ? 1 : 0)
          + (username != null || password != null ? 1 : 0);
      if (sources == 0) {
        throw new IllegalStateException("an access token source is required: accessToken(..), "
            + "accessTokenProvider(..) or login(username, password)");
      }
      if (sources > 1) {
        throw new IllegalStateException("set only one of accessToken(..), accessTokenProvider(..) and login(..)");
      }
      if (tokenCache != null && username == null && password == null) {
        throw new IllegalStateException("tokenCache(..) keeps the tokens login(..) fetches; set login(..) too");
      }
      if (language != null && !LANGUAGES.contains(language)) {
        throw new IllegalArgumentException("language must be \"sv\" or \"en\", was \"" + language + "\"");
      }
      HttpUrl parsed = BaseUrls.parse(baseUrl, "baseUrl", allowInsecureHttp);
      // One connection pool for the API and the token endpoint; owned (and closed) when the caller
      // gave none.
      SharedOkHttpClient okHttp = SharedOkHttpClient.of(okHttpClient);
      Redactor redactor = new Redactor().secret(apiKey);
      AccessTokenProvider tokens = accessTokenProvider;
      BokaMeraOidcTokenProvider owned = null;
      if (accessToken != null) {
        HeaderValues.requireCredential("accessToken", accessToken);
        redactor.secret(accessToken);
        tokens = AccessTokenProvider.of(accessToken);
      } else if (accessTokenProvider == null) {
        BokaMeraOidcTokenProvider.Builder login = BokaMeraOidcTokenProvider.builder(username, password);
        if (tokenCache != null) {
          login.tokenCache(tokenCache);
        }
        owned = login
            .tokenUrl(tokenUrl)
            .okHttpClient(okHttp.client())
            .timeouts(timeouts)
            .retryPolicy(retryPolicy)
            .allowInsecureHttp(allowInsecureHttp)
            .redactor(redactor)
            .userAgent(userAgentFor(VENDOR))
            .listenerFactory(listenerFactory)
            .build();
        tokens = owned;
      }
      return new BokaMeraClient(this, parsed, okHttp, tokens, owned, redactor);
    }

  }
}
