package dev.customersync.storm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.AccessTokenCache;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.Violations;
import dev.customersync.core.internal.BlockingCalls;
import dev.customersync.core.json.Json;
import dev.customersync.core.spi.BaseUrls;
import dev.customersync.core.spi.OAuth2TokenFetcher;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.SharedOkHttpClient;
import dev.customersync.core.spi.VendorClientBuilder;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorRequest;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A client for Storm Commerce's (Norce's) customer API, {@code CustomerService.svc/rest}: reads a
 * customer with {@code GetCustomer}, writes one with {@code UpdateCustomer3}, finds one with {@code
 * GetCustomerByEmail} or {@code GetCustomerByCode}, creates one with {@code CreateCustomer3}
 * (without mail), and hands out a {@link CustomerUpdater} that pushes a neutral customer by reading
 * it, changing only what the caller set and writing the whole customer back exactly as read
 * otherwise (nothing at all when nothing changed), and a {@link StormCustomerDirectory} that finds
 * and creates neutral customers. Every call asks for JSON with {@code format=json}, as Storm's own REST clients do.
 *
 * <pre>{@code
 * try (StormClient storm = StormClient.builder()
 *     .baseUrl("https://demo.storm.io/api/1.1/")
 *     .applicationId(1234)
 *     .clientCredentials("my-client", secret, "production")
 *     .cultureCode("sv-SE")
 *     .build()) {
 *   UpdateResult r = storm.customerUpdater().update("42", Customer.builder().firstName("Ada").build());
 * }
 * }</pre>
 *
 * <p><b>Authentication.</b> Every call sends {@code Authorization: Bearer …} and {@code
 * ApplicationId: …}. The token is either fixed ({@link Builder#accessToken}) or fetched with the
 * OAuth2 client-credentials grant from Storm's identity server ({@link Builder#clientCredentials});
 * a fetched token is cached until 60 s before its {@code expires_in} and fetched once for all
 * concurrent callers, because Storm's token endpoint allows only 3 requests a minute. A 401 or 403
 * leads to one token refresh and one retry, then to an {@link AuthenticationException}.
 *
 * <p><b>No mail.</b> Writes go to {@code UpdateCustomer3} with {@code doSendMail=false} and an
 * empty {@code password} (the password the obsolete {@code UpdateCustomer} passes, which leaves the
 * account's password alone). {@code UpdateCustomer} itself always passes {@code doSendMail=true},
 * so every call of it may e-mail the customer; this client never calls it. {@link
 * Builder#sendMail(boolean)} opts in to Storm's mail.
 *
 * <p><b>Retries.</b> The reads are retried under the {@link RetryPolicy} on every retryable
 * failure. {@code UpdateCustomer3} and {@code CreateCustomer3} are POSTs that may send mail and may
 * create customers, accounts or companies, so they are retried only when they provably never reached Storm: the connection could
 * not be made, Storm answered 429, or 503 with {@code Retry-After}. After a 500, a timeout or a
 * reset once sending began it is never replayed; a {@link TransportException} then says whether
 * the request may have reached Storm ({@link TransportException#mayHaveReachedVendor()}).
 *
 * <p>Thread-safe. Close it to release what it created (its OkHttp client, when none was given).
 * {@link #toString()} never shows the client secret or a token.
 */
public final class StormClient implements AutoCloseable {

  /** The vendor's short name. */
  public static final String VENDOR = "storm";

  /** The legacy Storm identity server's token endpoint (FACTS.md). */
  public static final String DEFAULT_TOKEN_URL = "https://identity.storm.io/1.0/connect/token";

  private static final String CUSTOMER_SERVICE = "CustomerService.svc/rest";

  private final VendorHttpClient http;
  // Built once: re-parsing the service path on every call showed in the B1 profile.
  private final HttpUrl getCustomerUrl;
  private final HttpUrl updateCustomer3Url;
  private final HttpUrl getCustomerByEmailUrl;
  private final HttpUrl getCustomerByCodeUrl;
  private final HttpUrl createCustomer3Url;
  private final AccessTokenProvider tokens;
  // The fields this client warned about, shared by its updater and directory: see WarnOnce.
  final dev.customersync.core.spi.WarnOnce warnOnce = new dev.customersync.core.spi.WarnOnce();
  private final OAuth2TokenFetcher tokenFetcher;
  private final SharedOkHttpClient okHttp;
  private final ObjectMapper mapper = Json.newWcfMapper();
  private final int applicationId;
  private final String cultureCode;
  private final int updatedBy;
  private final boolean sendMail;
  private final boolean renameSharedCompany;
  private final @Nullable Integer newsletterFlagId;
  private final String description;
  private final StormCustomerUpdater updater;
  private final StormCustomerDirectory directory;

  private StormClient(Builder b, HttpUrl baseUrl) {
    this.applicationId = b.applicationId;
    this.cultureCode = b.cultureCode;
    this.updatedBy = b.updatedBy;
    this.sendMail = b.sendMail;
    this.renameSharedCompany = b.renameSharedCompany;
    this.newsletterFlagId = b.newsletterFlagId;
    Redactor redactor = new Redactor();
    this.okHttp = SharedOkHttpClient.of(b.okHttpClient());
    OkHttpClient shared = okHttp.client();
    String userAgent = b.userAgentFor(VENDOR);
    String auth;
    String credential;
    if (b.accessToken != null) {
      redactor.secret(b.accessToken);
      this.tokenFetcher = null;
      this.tokens = AccessTokenProvider.of(b.accessToken);
      auth = "static access token";
      credential = b.accessToken;
    } else {
      redactor.secret(b.clientSecret);
      this.tokenFetcher = OAuth2TokenFetcher.clientCredentials(b.tokenUrl, b.clientId, b.clientSecret, b.scope)
          .vendor(VENDOR)
          .okHttpClient(shared)
          .timeouts(b.timeouts())
          .retryPolicy(b.retryPolicy())
          .redactor(redactor)
          .clock(b.clock)
          .allowInsecureHttp(b.allowInsecureHttp())
          .userAgent(userAgent)
          .listenerFactory(b.listenerFactory())
          .build();
      // What the tokens are issued for, never the secret: clients of one Storm client id share them.
      this.tokens = b.tokenCache != null
          ? b.tokenCache.provider(VENDOR, Redactor.fingerprint(tokenFetcher.tokenUrl().toString(), b.clientId, b.scope),
              tokenFetcher)
          : CachingAccessTokenProvider.builder()
              .fetcher(tokenFetcher)
              .clock(b.clock)
              .refreshAhead(b.tokenRefreshAhead)
              .build();
      auth = "OAuth2 client credentials (clientId=" + b.clientId + ", scope=" + b.scope + ", tokenUrl="
          + tokenFetcher.tokenUrl() + ")";
      credential = b.clientId + "\u0000" + b.clientSecret;
    }
    this.http = VendorHttpClient.builder()
        // Storm may answer 403 for a token it no longer accepts; renew it then too.
        .refreshTokenOn(java.util.Set.of(401, 403))
        .vendor(VENDOR)
        .baseUrl(baseUrl)
        .okHttpClient(shared)
        .timeouts(b.timeouts())
        .retryPolicy(b.retryPolicy())
        .rateLimiter(b.rateLimiter())
        .rateLimitTimeout(b.rateLimitTimeout())
        .callDeadline(b.callDeadline())
        .credentialFingerprint(Redactor.fingerprint(baseUrl.toString(), Integer.toString(b.applicationId), credential))
        .accessTokenProvider(tokens)
        .defaultHeader("ApplicationId", Integer.toString(b.applicationId))
        .defaultHeader("Accept", "application/json")
        .defaultHeader("User-Agent", userAgent)
        .redactor(redactor)
        .listenerFactory(b.listenerFactory())
        .errorParser(new StormErrorParser(redactor))
        .maxResponseBytes(b.maxResponseBytes)
        .build();
    HttpUrl service = http.baseUrl().newBuilder().addPathSegments(CUSTOMER_SERVICE).build();
    this.getCustomerUrl = service.newBuilder().addPathSegment("GetCustomer").build();
    this.updateCustomer3Url = service.newBuilder().addPathSegment("UpdateCustomer3").build();
    this.getCustomerByEmailUrl = service.newBuilder().addPathSegment("GetCustomerByEmail").build();
    this.getCustomerByCodeUrl = service.newBuilder().addPathSegment("GetCustomerByCode").build();
    this.createCustomer3Url = service.newBuilder().addPathSegment("CreateCustomer3").build();
    this.description = "StormClient{baseUrl=" + baseUrl + ", applicationId=" + applicationId + ", auth=" + auth
        + ", cultureCode=" + cultureCode + ", updatedBy=" + updatedBy + ", sendMail=" + sendMail
        + ", renameSharedCompany=" + renameSharedCompany
        + (newsletterFlagId == null ? "" : ", newsletterFlagId=" + newsletterFlagId) + "}";
    this.directory = new StormCustomerDirectory(this);
    this.updater = new StormCustomerUpdater(this, b.executor() != null ? b.executor() : BlockingCalls.executor());
  }

  /**
   * {@return a builder for a client; {@code baseUrl}, {@code applicationId} and one way to authenticate are required}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a customer with {@code GET {base}CustomerService.svc/rest/GetCustomer?id=…&cultureCode=…
   * &format=json} in the client's default culture.
   *
   * @param id Storm's internal {@code Id} of the customer; must be positive
   * @return the customer as Storm holds it
   * @throws NotFoundException when Storm answers {@code null}: it has no such customer
   * @throws CustomerValidationException when {@code id} is not positive; nothing was sent
   */
  public StormCustomer getCustomer(int id) {
    return getCustomer(id, cultureCode);
  }

  /**
   * Like {@link #getCustomer(int)} in the given culture.
   *
   * @param id Storm's internal {@code Id} of the customer; must be positive
   * @param cultureCode the language of culture-specific values, e.g. {@code sv-SE}; {@code null} for the
   *     client's default, and without a default Storm uses the application's
   * @return the customer as Storm holds it
   * @throws NotFoundException when Storm answers {@code null}: it has no such customer
   * @throws CustomerValidationException when {@code id} is not positive; nothing was sent
   */
  public StormCustomer getCustomer(int id, String cultureCode) {
    VendorResponse response = getCustomerResponse(id, cultureCode);
    StormCustomer customer = read(response, "GetCustomer");
    if (customer == null) {
      throw notFound(response, id);
    }
    return customer;
  }

  /**
   * Writes the whole customer with {@code POST {base}CustomerService.svc/rest/UpdateCustomer3
   * ?password=&doSendMail=…&updatedBy=…&cultureCode=…&format=json}, with the client's default
   * {@code updatedBy}, culture and {@link Builder#sendMail(boolean) sendMail} setting.
   *
   * @param customer the customer to write, with its positive {@code Id}; {@code null} properties are left out
   * @return the customer as Storm answered it (as sent, should Storm answer without a body)
   * @throws CustomerValidationException when the customer has no positive {@code Id} or a value is
   *     longer than Storm allows; nothing was sent
   * @see #updateCustomer(StormCustomer, int, String)
   */
  public StormCustomer updateCustomer(StormCustomer customer) {
    return updateCustomer(customer, updatedBy, cultureCode);
  }

  /**
   * Writes {@code customer} with {@code UpdateCustomer3}: an empty {@code password} (the account's
   * password is left as it is, as Storm's obsolete {@code UpdateCustomer} does) and {@code
   * doSendMail} from {@link Builder#sendMail(boolean)} ({@code false} unless the client opted in),
   * so that no mail goes out unasked. The customer is sent as the DTO holds it: properties that are
   * {@code null} are left out, and so are properties the DTOs do not model; whether Storm then
   * keeps or clears them is not documented. For an update that sends back everything it does not
   * change exactly as Storm holds it, use {@link #customerUpdater()}. Companies or an account
   * without an {@code Id} are created.
   *
   * <p>Never replayed once it may have reached Storm (see the class documentation).
   *
   * @param customer the customer to write, with its positive {@code Id}
   * @param updatedBy Storm's id of the account making the change; 1 is the default account
   * @param cultureCode the language of culture-specific information and of any mail Storm sends;
   *     {@code null} for the client's default
   * @return the customer as Storm answered it (as sent, should Storm answer without a body)
   * @throws CustomerValidationException when the customer has no positive {@code Id}, a value
   *     is longer than Storm allows, or {@code updatedBy} is not positive; nothing was sent
   */
  public StormCustomer updateCustomer(StormCustomer customer, int updatedBy, String cultureCode) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    Violations v = new Violations();
    if (customer.id() == null || customer.id() < 1) {
      v.add("Id", "required: UpdateCustomer3 changes an existing customer, named by its positive Id",
          String.valueOf(customer.id()));
    }
    if (updatedBy < 1) {
      v.add("updatedBy", "must be a positive Storm account id (1 is the default account)", Integer.toString(updatedBy));
    }
    v.addAll(StormLimits.violationsOf(customer));
    v.throwIfAny();
    VendorResponse response = postUpdateCustomer3(VendorJson.write(mapper, customer), updatedBy, cultureCode);
    StormCustomer answer = read(response, "UpdateCustomer3");
    return answer != null ? answer : customer;
  }

  /**
   * Finds a customer by e-mail with {@code GET {base}CustomerService.svc/rest/GetCustomerByEmail
   * ?email=…&cultureCode=…&includeCompanies=true&format=json} in the client's default culture.
   * Storm documents one customer or {@code null}; whether it compares e-mails ignoring case is not
   * documented. The answer is returned as Storm sent it: {@link #customerDirectory()} also checks
   * that it carries the e-mail asked for.
   *
   * @param email the e-mail address, sent as given
   * @return the customer, or empty when Storm answers {@code null} (or nothing)
   * @throws CustomerValidationException when {@code email} is null or blank; nothing was sent
   */
  public Optional<StormCustomer> getCustomerByEmail(String email) {
    VendorResponse response = getCustomerByResponse(LookupBy.EMAIL, email, cultureCode);
    return Optional.ofNullable(read(response, LookupBy.EMAIL.operation));
  }

  /**
   * Finds a customer by its external {@code Code} (usually the id in the ERP) with {@code GET
   * {base}CustomerService.svc/rest/GetCustomerByCode?code=…&cultureCode=…&includeCompanies=true
   * &format=json} in the client's default culture.
   *
   * @param code the customer's {@code Code}, sent as given
   * @return the customer, or empty when Storm answers {@code null} (or nothing)
   * @throws CustomerValidationException when {@code code} is null or blank; nothing was sent
   */
  public Optional<StormCustomer> getCustomerByCode(String code) {
    VendorResponse response = getCustomerByResponse(LookupBy.CODE, code, cultureCode);
    return Optional.ofNullable(read(response, LookupBy.CODE.operation));
  }

  /**
   * Creates a customer with {@code POST {base}CustomerService.svc/rest/CreateCustomer3?password=
   * &doSendMail=false&createdBy=…&cultureCode=…&format=json}, with the client's {@link
   * #updatedBy()} as {@code createdBy} and its default culture.
   *
   * @param customer the customer to create, without {@code Id}; {@code null} properties are left out
   * @return the customer as Storm created it, with its new {@code Id}
   * @throws CustomerValidationException when the customer has an {@code Id}, lacks {@code Email},
   *     {@code FirstName} or {@code LastName}, or holds a value longer than Storm allows; nothing was sent
   * @throws VendorApiException when Storm refuses (e.g. {@code CustomerAlreadyExists}: another
   *     customer has the e-mail), or answers without the created customer's {@code Id}
   * @see #createCustomer(StormCustomer, int, String)
   */
  public StormCustomer createCustomer(StormCustomer customer) {
    return createCustomer(customer, updatedBy, cultureCode);
  }

  /**
   * Creates {@code customer} with {@code CreateCustomer3}: an empty {@code password} and {@code
   * doSendMail=false} always, whatever {@link Builder#sendMail(boolean)} says, because the
   * registration mail Storm would send is a side effect no sync asks for (the obsolete {@code
   * CreateCustomer} and {@code CreateCustomer2} send it, so this client never calls them).
   * Companies and an account without an {@code Id} are created with it.
   *
   * <p>Sent at most once: no vendor offers an idempotency key, so the request is repeated only when
   * it provably never reached Storm (no connection, 429, 503 with {@code Retry-After}). After a
   * {@link TransportException} with {@link TransportException#mayHaveReachedVendor()} the customer
   * may exist: find it ({@link #getCustomerByEmail}) before creating it again.
   *
   * <p>Storm lists no required properties for a create; its admin UI needs an e-mail, a first and
   * a last name, and so does this method, before any request.
   *
   * @param customer the customer to create, without {@code Id}
   * @param createdBy Storm's id of the account making the change; 1 is the default account
   * @param cultureCode the language of culture-specific information; {@code null} for the client's default
   * @return the customer as Storm created it, with its new {@code Id}
   * @throws CustomerValidationException when the customer has an {@code Id}, lacks {@code Email},
   *     {@code FirstName} or {@code LastName}, holds a value longer than Storm allows, or {@code
   *     createdBy} is not positive; nothing was sent
   * @throws VendorApiException when Storm refuses (e.g. {@code CustomerAlreadyExists}: another
   *     customer has the e-mail), or answers without the created customer's {@code Id}
   */
  public StormCustomer createCustomer(StormCustomer customer, int createdBy, String cultureCode) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    Violations v = new Violations();
    if (customer.id() != null) {
      v.add("Id", "must be left out: Storm generates the Id of a customer it creates", customer.id().toString());
    }
    requireText(v, "Email", customer.email());
    requireText(v, "FirstName", customer.firstName());
    requireText(v, "LastName", customer.lastName());
    if (createdBy < 1) {
      v.add("createdBy", "must be a positive Storm account id (1 is the default account)", Integer.toString(createdBy));
    }
    v.addAll(StormLimits.violationsOf(customer));
    v.throwIfAny();
    VendorResponse response = postCreateCustomer3(VendorJson.write(mapper, customer), createdBy, cultureCode);
    StormCustomer created = read(response, "CreateCustomer3");
    if (created == null || created.id() == null) {
      throw createdWithoutId(response);
    }
    return created;
  }

  /**
   * {@return the updater that pushes neutral customers to Storm; its {@link CustomerUpdater#vendor()} is
   * {@code "storm"}}
   */
  public CustomerUpdater customerUpdater() {
    return updater;
  }

  /**
   * {@return the directory that finds Storm customers by e-mail ({@code GetCustomerByEmail}) or
   * external code ({@code GetCustomerByCode}) and creates missing ones ({@code CreateCustomer3},
   * without mail)} The same one {@code customerUpdater().directory()} hands out.
   */
  public StormCustomerDirectory customerDirectory() {
    return directory;
  }

  /** {@return the base URL with its API prefix, ending in {@code /}} */
  public HttpUrl baseUrl() {
    return http.baseUrl();
  }

  /** {@return the Storm application id this client sends as the {@code ApplicationId} header} */
  public int applicationId() {
    return applicationId;
  }

  /** {@return the default culture code, or empty when none was set (Storm then uses the application's)} */
  public Optional<String> cultureCode() {
    return Optional.ofNullable(cultureCode);
  }

  /** {@return the default {@code updatedBy} account id of writes} */
  public int updatedBy() {
    return updatedBy;
  }

  /** {@return whether writes ask Storm to send its mail ({@code doSendMail=true}); false unless opted in} */
  public boolean sendMail() {
    return sendMail;
  }

  /** {@return whether the updater may rename the customer's first company, which other customers may share} */
  public boolean renameSharedCompany() {
    return renameSharedCompany;
  }

  /** {@return the Storm Flag id that holds {@code newsletterSubscribed}, or empty when none is configured} */
  public Optional<Integer> newsletterFlagId() {
    return Optional.ofNullable(newsletterFlagId);
  }

  @Override
  public void close() {
    http.close();
    if (tokenFetcher != null) {
      tokenFetcher.close();
    }
    okHttp.close();
  }

  @Override
  public String toString() {
    return description;
  }

  VendorHttpClient http() {
    return http;
  }

  /** {@code GET GetCustomer?id=…&cultureCode=…&format=json}, answered with a 2xx, not yet read. */
  VendorResponse getCustomerResponse(int id, String cultureCode) {
    if (id < 1) {
      throw new CustomerValidationException("id", "must be a positive Storm customer id", Integer.toString(id));
    }
    String culture = cultureOrDefault(cultureCode);
    HttpUrl.Builder url = getCustomerUrl.newBuilder()
        .addQueryParameter("id", Integer.toString(id));
    if (culture != null) {
      url.addQueryParameter("cultureCode", culture);
    }
    url.addQueryParameter("format", "json");
    return http.execute(VendorRequest.get(url.build()).endpointGroup("customers")
        .operation("get-customer").endpoint("CustomerService.svc/rest/GetCustomer").build());
  }

  /**
   * {@code POST UpdateCustomer3?password=&doSendMail=…&updatedBy=…&cultureCode=…&format=json} with
   * {@code body}, answered with a 2xx, not yet read.
   */
  VendorResponse postUpdateCustomer3(byte[] body, int updatedBy, String cultureCode) {
    String culture = cultureOrDefault(cultureCode);
    // Empty password: the account's password stays as it is (UpdateCustomer passes the same).
    // doSendMail is a string-typed flag at Storm, "true" or "false" (CustomerService4.xsd).
    HttpUrl.Builder url = updateCustomer3Url.newBuilder()
        .addQueryParameter("password", "")
        .addQueryParameter("doSendMail", Boolean.toString(sendMail))
        .addQueryParameter("updatedBy", Integer.toString(updatedBy));
    if (culture != null) {
      url.addQueryParameter("cultureCode", culture);
    }
    url.addQueryParameter("format", "json");
    // VendorRequest.post is non-idempotent: the retry policy repeats it only when Storm provably
    // never got it (no connection, 429, 503 with Retry-After), never after a 500 or a timeout.
    return http.execute(VendorRequest.post(url.build(), body).endpointGroup("customers")
        .operation("update-customer").endpoint("CustomerService.svc/rest/UpdateCustomer3").build());
  }

  /** The two lookups by a customer's key, with their query parameter. */
  enum LookupBy {
    EMAIL("GetCustomerByEmail", "email", "get-customer-by-email", "Email"),
    CODE("GetCustomerByCode", "code", "get-customer-by-code", "Code");

    final String operation;
    final String parameter;
    final String metricName;
    final String property;

    LookupBy(String operation, String parameter, String metricName, String property) {
      this.operation = operation;
      this.parameter = parameter;
      this.metricName = metricName;
      this.property = property;
    }
  }

  /**
   * {@code GET GetCustomerByEmail?email=…} or {@code GetCustomerByCode?code=…}, then {@code
   * &cultureCode=…&includeCompanies=true&format=json}, answered with a 2xx, not yet read.
   * {@code includeCompanies} is Storm's default, sent so that a customer read here and written back
   * never loses companies on a deployment with another default.
   */
  VendorResponse getCustomerByResponse(LookupBy by, String value, String cultureCode) {
    if (value == null || value.isBlank()) {
      throw new CustomerValidationException(by.parameter, "is required: " + by.operation + " needs a value to look up",
          value);
    }
    String culture = cultureOrDefault(cultureCode);
    HttpUrl.Builder url = (by == LookupBy.EMAIL ? getCustomerByEmailUrl : getCustomerByCodeUrl).newBuilder()
        .addQueryParameter(by.parameter, value);
    if (culture != null) {
      url.addQueryParameter("cultureCode", culture);
    }
    url.addQueryParameter("includeCompanies", "true");
    url.addQueryParameter("format", "json");
    return http.execute(VendorRequest.get(url.build()).endpointGroup("customers")
        .operation(by.metricName).endpoint("CustomerService.svc/rest/" + by.operation).build());
  }

  /**
   * {@code POST CreateCustomer3?password=&doSendMail=false&createdBy=…&cultureCode=…&format=json}
   * with {@code body}, answered with a 2xx, not yet read.
   */
  VendorResponse postCreateCustomer3(byte[] body, int createdBy, String cultureCode) {
    String culture = cultureOrDefault(cultureCode);
    // doSendMail=false whatever sendMail says: a create's registration mail is never what a sync wants.
    HttpUrl.Builder url = createCustomer3Url.newBuilder()
        .addQueryParameter("password", "")
        .addQueryParameter("doSendMail", "false")
        .addQueryParameter("createdBy", Integer.toString(createdBy));
    if (culture != null) {
      url.addQueryParameter("cultureCode", culture);
    }
    url.addQueryParameter("format", "json");
    // Non-idempotent: repeated only when Storm provably never got it (no connection, 429, 503 with
    // Retry-After); a second create after a lost answer would make a second customer.
    return http.execute(VendorRequest.post(url.build(), body).endpointGroup("customers")
        .operation("create-customer").endpoint("CustomerService.svc/rest/CreateCustomer3").build());
  }

  /** CreateCustomer3 answered 2xx without a customer that has an Id: it may still have created one. */
  VendorApiException createdWithoutId(VendorResponse response) {
    return http.errorFor(response).message("Storm answered CreateCustomer3 without the created customer's Id; "
        + "the customer may have been created: find it by e-mail or code before creating it again").build();
  }

  private static void requireText(Violations v, String property, String value) {
    if (value == null || value.isBlank()) {
      v.add(property, "required: Storm creates a customer only with an Email, a FirstName and a LastName",
          value == null ? "" : value);
    }
  }

  /** Storm's {@code null} answer to GetCustomer: there is no such customer. */
  NotFoundException notFound(VendorResponse response, int id) {
    return http.errorFor(response).message("Storm has no customer with id " + id + " (GetCustomer answered null)")
        .buildNotFound();
  }

  private StormCustomer read(VendorResponse response, String call) {
    if (response.bodyIsBlank()) {
      return null;
    }
    try {
      // The usual answer is a customer with an Id: bind it directly. Only a body without one needs
      // the tree, to tell a fault from an empty customer (reading every answer twice cost a tenth
      // of an update in the B1 profile).
      StormCustomer direct = mapper.readValue(response.body(), StormCustomer.class);
      if (direct != null && direct.id() != null) {
        return direct;
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      // Read again below as a tree, which tells a fault from a body that is not JSON.
    }
    try {
      JsonNode tree = mapper.readTree(response.body());
      if (tree == null || tree.isNull()) {
        return null;
      }
      throwIfFault(response, tree);
      return mapper.treeToValue(tree, StormCustomer.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorJson.unreadable(http, response, "Storm answered " + call + " with a body that is not a Customer", e);
    }
  }

  /**
   * Throws Storm's {@code ErrorMessage} fault sent with a 2xx: read as a Customer it would be an
   * empty one, and an update would write that emptiness over the real customer.
   */
  void throwIfFault(VendorResponse response, JsonNode tree) {
    if (tree.isObject() && !tree.has("Id") && (tree.has("MessageId") || tree.has("Messages"))) {
      VendorApiException.Builder error = http.errorFor(response);
      new StormErrorParser(http.redactor()).parse(response, error);
      throw error.build();
    }
  }

  private String cultureOrDefault(String requested) {
    return requested != null && !requested.isBlank() ? requested : cultureCode;
  }

  /**
   * Builds {@link StormClient}s. The default rate limiter is unlimited (Storm publishes no API
   * limit); the token endpoint's 3-a-minute limit is kept by caching the token.
   */
  public static final class Builder extends VendorClientBuilder<Builder> {
    private String baseUrl;
    private Integer applicationId;
    private String accessToken;
    private String clientId;
    private String clientSecret;
    private String scope;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private String cultureCode;
    private int updatedBy = 1;
    private boolean sendMail;
    private boolean renameSharedCompany;
    private @Nullable Integer newsletterFlagId;
    private Clock clock = Clock.systemUTC();
    private Duration tokenRefreshAhead = Duration.ofSeconds(60);
    private long maxResponseBytes = 4L * 1024 * 1024;
    private AccessTokenCache tokenCache;

    private Builder() {
      super(RateLimiter.unlimited());
    }

    /**
     * Applies connection settings by name, e.g. those a {@code FakeStorm} hands out: {@code
     * baseUrl}, {@code tokenUrl}, {@code applicationId}, {@code clientId}, {@code clientSecret},
     * {@code scope}, {@code accessToken}.
     *
     * @param settings settings for {@value StormClient#VENDOR}
     * @return this builder
     * @throws IllegalArgumentException the settings are for another vendor, name a setting this
     *     builder does not know, or give an {@code applicationId} that is not a whole number
     */
    public Builder settings(dev.customersync.core.ClientSettings settings) {
      settings.requireFor(VENDOR, java.util.Set.of("baseUrl", "tokenUrl", "applicationId", "clientId", "clientSecret",
          "scope", "accessToken"));
      settings.get("baseUrl").ifPresent(this::baseUrl);
      settings.get("tokenUrl").ifPresent(this::tokenUrl);
      settings.get("applicationId").ifPresent(v -> {
        try {
          applicationId(Integer.parseInt(v));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("applicationId must be a whole number, was '" + v + "'", e);
        }
      });
      settings.get("clientId").ifPresent(this::clientId);
      settings.get("clientSecret").ifPresent(this::clientSecret);
      settings.get("scope").ifPresent(this::scope);
      settings.get("accessToken").ifPresent(this::accessToken);
      return this;
    }

    /**
     * Sets the API root; required.
     *
     * @param baseUrl the API root with its prefix, e.g. {@code https://demo.storm.io/api/1.1/}; calls go to
     *     {@code CustomerService.svc/rest/…} below it. A missing trailing {@code /} is added.
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the Storm application; required.
     *
     * @param applicationId the Storm application id, sent as the {@code ApplicationId} header
     * @return this builder
     */
    public Builder applicationId(int applicationId) {
      this.applicationId = applicationId;
      return this;
    }

    /**
     * Authenticates with a fixed bearer token: then no token is fetched, and a 401 is final.
     *
     * @param accessToken the bearer token
     * @return this builder
     */
    public Builder accessToken(String accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /**
     * Authenticates with OAuth2 client credentials, fetched from {@link #tokenUrl(String)}.
     *
     * @param clientId the OAuth2 client id Storm issued
     * @param clientSecret the OAuth2 client secret Storm issued
     * @param scope Storm's environment scope: {@code lab}, {@code qa} or {@code production}
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret, String scope) {
      return clientId(clientId).clientSecret(clientSecret).scope(scope);
    }

    /**
     * Sets the OAuth2 client id of {@link #clientCredentials(String, String, String) client credentials}.
     *
     * @param clientId the OAuth2 client id Storm issued
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the OAuth2 client secret of {@link #clientCredentials(String, String, String) client credentials}.
     *
     * @param clientSecret the OAuth2 client secret Storm issued
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the scope of the token request.
     *
     * @param scope {@code lab}, {@code qa} or {@code production}; left out of the token request when null
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * Sets the OAuth2 token endpoint.
     *
     * @param tokenUrl the token endpoint; default {@value StormClient#DEFAULT_TOKEN_URL}
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * Sets the default {@code cultureCode} of every call.
     *
     * @param cultureCode e.g. {@code sv-SE}; without one the parameter is left out and Storm uses the
     *     application's culture
     * @return this builder
     */
    public Builder cultureCode(String cultureCode) {
      this.cultureCode = cultureCode;
      return this;
    }

    /**
     * Sets the default {@code updatedBy} account id of {@code UpdateCustomer3}.
     *
     * @param updatedBy Storm's id of the account writes are made as; default 1, Storm's default account
     * @return this builder
     */
    public Builder updatedBy(int updatedBy) {
      this.updatedBy = updatedBy;
      return this;
    }

    /**
     * Sets whether writes ask Storm to send its customer mail ({@code doSendMail} of {@code
     * UpdateCustomer3}). Applies to the {@link StormClient#customerUpdater() updater} and to {@link
     * StormClient#updateCustomer}; never to creates, which always send {@code doSendMail=false}.
     *
     * @param sendMail true to let Storm mail the customer; default false, so that syncing customers never
     *     e-mails them
     * @return this builder
     */
    public Builder sendMail(boolean sendMail) {
      this.sendMail = sendMail;
      return this;
    }

    /**
     * Sets whether a neutral {@code companyName} that differs from the name of the customer's first
     * company renames that company. A Storm company is shared by every customer that belongs to it, so
     * renaming it through one customer renames it for all of them. Without this option such a change is
     * left out with a warning on the result.
     *
     * @param renameSharedCompany true to rename the shared company; default false
     * @return this builder
     */
    public Builder renameSharedCompany(boolean renameSharedCompany) {
      this.renameSharedCompany = renameSharedCompany;
      return this;
    }

    /**
     * Keeps the neutral {@code newsletterSubscribed} in the customer's Flag {@code flagId} (the flag
     * your Storm application uses for newsletter opt-in): {@code true} selects it ({@code
     * IsSelected: true}, appending {@code {"Id": flagId, "IsSelected": true}} when the customer has
     * no such entry), {@code false} deselects it; no other flag or property is touched. Storm's
     * customer has no newsletter property, so without this option {@code newsletterSubscribed} is
     * not written and the client warns once.
     *
     * @param flagId the Storm Flag id meaning "subscribed to the newsletter", at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code flagId} is below 1
     */
    public Builder newsletterFlagId(int flagId) {
      if (flagId < 1) {
        throw new IllegalArgumentException("newsletterFlagId must be a Storm Flag id (1 or more), was " + flagId);
      }
      this.newsletterFlagId = flagId;
      return this;
    }

    /**
     * Sets the clock token expiry is measured with; for tests.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long before {@code expires_in} a token is renewed.
     *
     * @param tokenRefreshAhead the margin; default 60 s (at most half the token's lifetime is used)
     * @return this builder
     */
    public Builder tokenRefreshAhead(Duration tokenRefreshAhead) {
      this.tokenRefreshAhead = Objects.requireNonNull(tokenRefreshAhead, "tokenRefreshAhead");
      return this;
    }

    /**
     * Keeps the tokens fetched with {@link #clientCredentials} in {@code tokenCache} instead of this
     * client's memory, e.g. the Redis module's {@code RedisAccessTokenCache}, so that every instance
     * of an application uses one token and Storm's token endpoint (3 requests a minute) sees one
     * request, not one per instance. The cache is keyed by a fingerprint of the token URL, client id
     * and scope, never the secret. {@link #tokenRefreshAhead} and {@link #clock} then do not apply:
     * the cache renews tokens by its own settings. Ignored with a fixed {@link #accessToken}.
     *
     * @param tokenCache where the tokens live
     * @return this builder
     */
    public Builder tokenCache(AccessTokenCache tokenCache) {
      this.tokenCache = Objects.requireNonNull(tokenCache, "tokenCache");
      return this;
    }

    /**
     * Sets the largest response body read; larger ones are refused unread.
     *
     * @param maxResponseBytes the limit in bytes; default 4 MiB
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Builds the client from the settings.
     *
     * @return a new client, to be closed when no longer needed
     * @throws IllegalArgumentException when a setting is malformed
     * @throws IllegalStateException when a required setting is missing or two ways to
     *     authenticate are given
     */
    public StormClient build() {
      HttpUrl url = BaseUrls.parse(baseUrl, "baseUrl", allowInsecureHttp);
      if (applicationId == null) {
        throw new IllegalStateException("applicationId is required (it is sent as the ApplicationId header)");
      }
      boolean oauth = clientId != null || clientSecret != null;
      if (accessToken != null && oauth) {
        throw new IllegalStateException("give either accessToken or clientId/clientSecret, not both");
      }
      if (accessToken == null && !oauth) {
        throw new IllegalStateException("an accessToken or OAuth2 clientId and clientSecret are required");
      }
      if (accessToken != null && accessToken.isBlank()) {
        throw new IllegalArgumentException("accessToken must not be blank");
      }
      if (oauth && (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank())) {
        throw new IllegalStateException("OAuth2 needs both a clientId and a clientSecret");
      }
      if (updatedBy < 1) {
        throw new IllegalArgumentException("updatedBy must be a positive Storm account id, was " + updatedBy);
      }
      if (cultureCode != null && cultureCode.isBlank()) {
        throw new IllegalArgumentException("cultureCode must not be blank; leave it unset for the application's culture");
      }
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      return new StormClient(this, url);
    }
  }
}
