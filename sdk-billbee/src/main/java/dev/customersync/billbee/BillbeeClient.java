package dev.customersync.billbee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.internal.BlockingCalls;
import dev.customersync.core.internal.Durations;
import dev.customersync.core.spi.BaseUrls;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.DirectoryCustomerUpdater;
import dev.customersync.core.spi.ReadMergeWriteUpdater;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.VendorClientBuilder;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorRequest;
import dev.customersync.core.spi.VendorResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A client for Billbee's customer API: reads and updates one customer ({@code GET} and {@code PUT
 * /api/v1/customers/{id}}), lists customers a page at a time ({@code GET /api/v1/customers}) and
 * creates them ({@code POST /api/v1/customers}); hands out a {@link CustomerUpdater} that pushes a
 * neutral customer without wiping what the caller did not set, and a {@link
 * BillbeeCustomerDirectory} that finds customers by e-mail or number and creates missing ones.
 *
 * <p>Every request carries {@code X-Billbee-Api-Key} and HTTP Basic authentication with the Billbee
 * user name and its API password, and goes through Billbee's published throttle enforced on the
 * client ({@link BillbeeRateLimits}) and the retry policy (429 with or without {@code Retry-After}
 * is retried, then a {@link RateLimitException}).
 *
 * <pre>{@code
 * try (BillbeeClient billbee = BillbeeClient.builder()
 *     .apiKey(System.getenv("BILLBEE_API_KEY"))
 *     .username("shop@example.com")
 *     .apiPassword(System.getenv("BILLBEE_API_PASSWORD"))
 *     .build()) {
 *   UpdateResult r = billbee.customerUpdater().update("100000150176895",
 *       Customer.builder().email("ada@example.com").build());
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one per set of credentials. {@link #close()} releases what the client
 * created itself (never a caller's {@link OkHttpClient} or executor). Secrets never appear in
 * {@link #toString()}, logs or exception messages.
 */
public final class BillbeeClient implements AutoCloseable {

  /** The vendor name used in results and exceptions. */
  public static final String VENDOR = "billbee";

  /** The current official host (Billbee's PHP SDK since v2.0.0); {@code https://app.billbee.io} also serves the API. */
  public static final String DEFAULT_BASE_URL = "https://api.billbee.io";

  static final String CUSTOMERS_PATH = "api/v1/customers";
  /**
   * The rate-limit group of GET and PUT of one customer. Billbee limits calls "per endpoint" without
   * saying whether GET and PUT of one route are one endpoint; the stricter reading, one shared
   * budget, is taken (see {@link BillbeeRateLimits}).
   */
  static final String CUSTOMER_ENDPOINT = CUSTOMERS_PATH + "/{id}";
  /**
   * The rate-limit group of the list ({@code GET}) and the create ({@code POST}): one route, so
   * one budget, the stricter reading as for {@link #CUSTOMER_ENDPOINT}.
   */
  static final String CUSTOMERS_ENDPOINT = CUSTOMERS_PATH;
  /** Billbee's page size limits for {@code GET /api/v1/customers}. */
  static final int MAX_PAGE_SIZE = 250;
  private static final String API_PREFIX = "api/v1/";
  private static final String JSON = "application/json";

  private final VendorHttpClient http;
  // Built once: re-parsing the path on every call was a tenth of an update in the B1 profile.
  private final HttpUrl customersUrl;
  private final ObjectMapper mapper;
  private final BillbeeEnvelopeReader envelopes;
  private final String accountFingerprint;
  private final Executor asyncExecutor;
  private final ExecutorService ownedExecutor;
  private final CustomerUpdater updater;
  private final BillbeeCustomerDirectory directory;

  private BillbeeClient(Builder b, HttpUrl baseUrl) {
    this.mapper = BillbeeJson.newMapper();
    Redactor redactor = new Redactor();
    String basic = Credentials.basic(b.username, b.apiPassword, StandardCharsets.UTF_8);
    redactor.secret(b.apiKey).secret(b.apiPassword).secret(basic.substring("Basic ".length()));
    this.accountFingerprint = BillbeeRateLimits.credentialKey(
        Redactor.fingerprint("billbee-api-key", b.apiKey), Redactor.fingerprint("billbee-user", b.username));
    this.http = VendorHttpClient.builder()
        .vendor(VENDOR)
        .baseUrl(baseUrl)
        .okHttpClient(b.okHttpClient())
        .timeouts(b.timeouts())
        .retryPolicy(b.retryPolicy())
        .rateLimiter(b.limiterForNextClient())
        .rateLimitTimeout(b.rateLimitTimeout())
        .callDeadline(b.callDeadline())
        .credentialFingerprint(accountFingerprint)
        .defaultHeader("X-Billbee-Api-Key", b.apiKey)
        .defaultHeader("Authorization", basic)
        .defaultHeader("Accept", JSON)
        .defaultHeader("User-Agent", b.userAgentFor(VENDOR))
        .redactor(redactor)
        .listenerFactory(b.listenerFactory())
        .errorParser(new BillbeeErrorParser(mapper, redactor::redact))
        .build();
    this.customersUrl = http.baseUrl().newBuilder().addPathSegments(CUSTOMERS_PATH).build();
    this.envelopes = new BillbeeEnvelopeReader(mapper, http);
    if (b.executor() != null) {
      this.asyncExecutor = b.executor();
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = newDefaultExecutor();
      this.asyncExecutor = ownedExecutor;
    }
    BillbeeCustomerMapper customerMapper = new BillbeeCustomerMapper(b.languageIds);
    BillbeeCustomerStore store = new BillbeeCustomerStore(this, http, envelopes, mapper, customerMapper);
    ReadMergeWriteUpdater<Long> readMergeWrite = new ReadMergeWriteUpdater<>(store, asyncExecutor);
    // The account's identity, not a secret: a fingerprint of the API key or password would leak a
    // little of it into whatever stores it.
    String account = Redactor.fingerprint("billbee-account", http.baseUrl().toString(), b.username);
    this.directory = new BillbeeCustomerDirectory(this, new BillbeeCustomerCreator(this, store, customerMapper),
        account, b.indexMaxAge, b.snapshotMaxAge, b.clock);
    this.updater = new DirectoryCustomerUpdater<>(readMergeWrite, directory);
  }

  /**
   * Starts configuring a client; {@code apiKey}, {@code username} and {@code apiPassword} are required.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads one customer: {@code GET /api/v1/customers/{id}}, unwrapping the envelope's {@code Data}.
   *
   * @param id Billbee's customer id ({@code Id}), positive
   * @return the customer as Billbee holds it
   * @throws CustomerValidationException {@code id} is not positive; nothing was sent
   * @throws dev.customersync.core.NotFoundException Billbee has no such customer
   * @throws VendorApiException Billbee refused, also when it says so inside an HTTP 200 envelope
   * @throws TransportException no answer could be had
   */
  public BillbeeCustomer getCustomer(long id) {
    return fetch(id).value();
  }

  /**
   * Replaces one customer: {@code PUT /api/v1/customers/{id}} with {@code customer} as the whole
   * body, every property included. Send a model you read and changed (see {@link
   * #customerUpdater()}, which does that for you): a property left null here may be cleared at
   * Billbee. A null {@code Id} is filled in from {@code id}.
   *
   * @param id Billbee's customer id ({@code Id}) to replace, positive
   * @param customer the whole customer to write; its {@code Id} must be {@code id} or null
   * @return the customer as Billbee answered it (or as sent, when Billbee answers without {@code
   *     Data})
   * @throws CustomerValidationException {@code id} is not positive, or the body's {@code Id} is
   *     another customer's; nothing was sent
   */
  public BillbeeCustomer updateCustomer(long id, BillbeeCustomer customer) {
    return store(id, customer).value();
  }

  /**
   * Reads one page of the customer list: {@code GET /api/v1/customers?page=&pageSize=}. Each
   * customer is the same model {@link #getCustomer} returns. Billbee documents no order; archived
   * customers may or may not be listed (unconfirmed).
   *
   * @param page the page, 1-based
   * @param pageSize customers per page, 1 to 250 (Billbee's limit)
   * @return the page: its {@code Paging} block and its customers
   * @throws CustomerValidationException {@code page} is below 1 or {@code pageSize} outside 1…250;
   *     nothing was sent
   * @throws VendorApiException Billbee refused, also inside an HTTP 200 envelope, or a listed
   *     customer has no integer {@code Id}
   * @throws TransportException no answer could be had
   */
  public BillbeeCustomerPage listCustomers(int page, int pageSize) {
    BillbeeListPage read = readPage(page, pageSize);
    List<BillbeeCustomer> customers = new ArrayList<>(read.items().size());
    for (JsonNode item : read.items()) {
      customers.add(bind(item, BillbeeCustomer.class, read.response()));
    }
    BillbeePaging paging = read.paging() == null ? null : bind(read.paging(), BillbeePaging.class, read.response());
    return new BillbeeCustomerPage(paging, customers);
  }

  /**
   * Creates a customer: {@code POST /api/v1/customers} with {@code customer} as the body. Sent once:
   * Billbee has no idempotency key, so a POST that may have reached it is never repeated (a 429, or
   * a connection failure before any byte left, is Billbee turning it away unprocessed and is
   * retried as the retry policy says). After a {@link TransportException} whose {@code
   * mayHaveReachedVendor()} is true the customer may exist: look for it before creating it again.
   *
   * @param customer the new customer; its {@code Address} is required and its {@code Id} must be null
   * @return the customer as Billbee answered it, with its new {@code Id}
   * @throws CustomerValidationException {@code Address} is missing or {@code Id} is set; nothing was sent
   * @throws VendorApiException Billbee refused, also inside an HTTP 200 envelope, or answered
   *     without the new customer's {@code Id}
   * @throws TransportException no answer could be had
   */
  public BillbeeCustomer createCustomer(BillbeeCreateCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    if (customer.id() != null) {
      // Billbee documents Id in the create model, but whether a client may choose it is unconfirmed.
      throw new CustomerValidationException("Id", "must be null: Billbee assigns a new customer's id",
          customer.id().toString());
    }
    if (customer.address() == null) {
      throw new CustomerValidationException("Address", "is required: both official SDKs always send one, and "
          + "whether Billbee accepts a customer without one is unconfirmed", null);
    }
    CustomerTree created = postCreate(VendorJson.write(mapper, customer));
    return bind(created.customer(), BillbeeCustomer.class, created.response());
  }

  /**
   * Runs {@link #listCustomers} on this client's executor.
   *
   * @param page the page, 1-based
   * @param pageSize customers per page, 1 to 250
   * @return a future of the page; it completes exceptionally with what {@link #listCustomers} would throw
   */
  public CompletableFuture<BillbeeCustomerPage> listCustomersAsync(int page, int pageSize) {
    return async(() -> listCustomers(page, pageSize));
  }

  /**
   * Runs {@link #createCustomer} on this client's executor.
   *
   * @param customer the new customer; its {@code Address} is required and its {@code Id} must be null
   * @return a future of the created customer; it completes exceptionally with what {@link
   *     #createCustomer} would throw
   */
  public CompletableFuture<BillbeeCustomer> createCustomerAsync(BillbeeCreateCustomer customer) {
    return async(() -> createCustomer(customer));
  }

  /**
   * Runs {@link #getCustomer} on this client's executor.
   *
   * @param id Billbee's customer id ({@code Id}), positive
   * @return a future of the customer; it completes exceptionally with what {@link #getCustomer} would throw
   */
  public CompletableFuture<BillbeeCustomer> getCustomerAsync(long id) {
    return async(() -> getCustomer(id));
  }

  /**
   * Runs {@link #updateCustomer} on this client's executor.
   *
   * @param id Billbee's customer id ({@code Id}) to replace, positive
   * @param customer the whole customer to write; its {@code Id} must be {@code id} or null
   * @return a future of the customer as Billbee answered it; it completes exceptionally with what {@link
   *     #updateCustomer} would throw
   */
  public CompletableFuture<BillbeeCustomer> updateCustomerAsync(long id, BillbeeCustomer customer) {
    return async(() -> updateCustomer(id, customer));
  }

  /**
   * The updater that pushes a neutral customer to Billbee by reading it, merging the fields set, and
   * writing the whole model back, every property it does not change exactly as read; when nothing
   * changes, nothing is written. Archived customers are refused ({@link
   * BillbeeCustomerArchivedException}) and so is a read that names another customer or none
   * ({@link dev.customersync.core.UnexpectedCustomerException}), before anything is sent. {@code
   * updateAsync} runs on this client's executor. {@code vendor()} is {@value #VENDOR}.
   *
   * @return this client's updater, the same on every call
   */
  public CustomerUpdater customerUpdater() {
    return updater;
  }

  /**
   * The directory that finds Billbee customers by e-mail or customer number (through an index
   * built from the list's pages, since Billbee has no find) and creates missing ones; also {@code
   * customerUpdater().directory()}.
   *
   * @return this client's directory, the same on every call
   */
  public BillbeeCustomerDirectory customerDirectory() {
    return directory;
  }

  /**
   * The base URL request paths ({@code api/v1/…}) go below, ending in {@code /}: the URL given to
   * the builder without a trailing {@code api/v1}.
   *
   * @return the base URL, ending in {@code /}
   */
  public HttpUrl baseUrl() {
    return http.baseUrl();
  }

  /** Releases the connection pool and threads this client created; a caller's stay untouched. */
  @Override
  public void close() {
    http.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "BillbeeClient{baseUrl=" + http.baseUrl() + ", account=" + accountFingerprint + "}";
  }

  Answer<BillbeeCustomer> fetch(long id) {
    BillbeeIds.check("id", id);
    VendorRequest request = VendorRequest.get(customerUrl(id)).endpointGroup(CUSTOMER_ENDPOINT)
        .operation("get-customer").endpoint("api/v1/customers/{id}").build();
    VendorResponse response = http.execute(request);
    ApiResult<BillbeeCustomer> result = envelopes.read(response, BillbeeCustomer.class, request);
    if (result.data() == null) {
      throw http.errorFor(response).message("Billbee has no customer " + id + " (the answer carried no Data)")
          .buildNotFound();
    }
    return new Answer<>(result.data(), response.status(), response.attempts());
  }

  Answer<BillbeeCustomer> store(long id, BillbeeCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    BillbeeIds.check("id", id);
    if (customer.id() != null && customer.id() != id) {
      throw new CustomerValidationException("Id", "must be the id in the path (" + id + ") or null",
          customer.id().toString());
    }
    BillbeeCustomer body = customer.id() == null ? customer.toBuilder().id(id).build() : customer;
    byte[] json = VendorJson.write(mapper, body);
    VendorRequest request = VendorRequest.put(customerUrl(id), json).contentType(JSON).endpointGroup(CUSTOMER_ENDPOINT)
        .operation("update-customer").endpoint("api/v1/customers/{id}").build();
    VendorResponse response = http.execute(request);
    ApiResult<BillbeeCustomer> result = envelopes.read(response, BillbeeCustomer.class, request);
    // The page does not show PUT's answer; assumed to echo the customer, else what was sent stands.
    BillbeeCustomer after = result.data() != null ? result.data() : body;
    return new Answer<>(after, response.status(), response.attempts());
  }

  /** {@code GET api/v1/customers?page=&pageSize=}, each customer checked to carry an integer {@code Id}. */
  BillbeeListPage readPage(int page, int pageSize) {
    if (page < 1) {
      throw new CustomerValidationException("page", "must be 1 or more (Billbee's pages are 1-based)",
          Integer.toString(page));
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new CustomerValidationException("pageSize", "must be from 1 to " + MAX_PAGE_SIZE + " (Billbee's limit)",
          Integer.toString(pageSize));
    }
    HttpUrl url = customersUrl.newBuilder().addQueryParameter("page", Integer.toString(page))
        .addQueryParameter("pageSize", Integer.toString(pageSize)).build();
    VendorRequest request = VendorRequest.get(url).endpointGroup(CUSTOMERS_ENDPOINT)
        .operation("list-customers").endpoint("api/v1/customers").build();
    VendorResponse response = http.execute(request);
    ObjectNode envelope = envelopes.readEnvelope(response, request);
    JsonNode data = envelope.get("Data");
    List<JsonNode> items = new ArrayList<>();
    if (data != null && !data.isNull()) {
      if (!data.isArray()) {
        throw http.errorFor(response).message("Billbee answered customer list page " + page
            + " with a Data that is not a list").build();
      }
      for (int i = 0; i < data.size(); i++) {
        JsonNode item = data.get(i);
        JsonNode id = item.get("Id");
        if (!item.isObject() || id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
          throw http.errorFor(response).message("Billbee answered customer list page " + page + " with a customer "
              + "without an integer Id (item " + i + "); the list cannot be used to find customers").build();
        }
        items.add(item);
      }
    }
    JsonNode paging = envelope.get("Paging");
    boolean hasPaging = paging != null && paging.isObject();
    return new BillbeeListPage(page, hasPaging ? intOrNull(paging.get("TotalPages")) : null,
        hasPaging ? intOrNull(paging.get("TotalRows")) : null, hasPaging ? paging : null, items, response);
  }

  /**
   * {@code POST api/v1/customers} with {@code json}, never repeated once it may have reached Billbee;
   * the answer's {@code Data} must carry the new customer's {@code Id}.
   */
  CustomerTree postCreate(byte[] json) {
    VendorRequest request = VendorRequest.post(customersUrl, json).contentType(JSON).endpointGroup(CUSTOMERS_ENDPOINT)
        .operation("create-customer").endpoint("api/v1/customers").build();
    VendorResponse response = http.execute(request);
    JsonNode data = envelopes.readData(response, request);
    JsonNode id = data.isObject() ? data.get("Id") : null;
    if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
      throw http.errorFor(response).message("Billbee answered the create without the new customer's Id in Data; "
          + "the customer may have been created: find it before creating it again").build();
    }
    return new CustomerTree(data, response);
  }

  private <T> T bind(JsonNode tree, Class<T> type, VendorResponse response) {
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw http.errorFor(response).message(http.redact("Billbee's answer does not bind to a "
          + type.getSimpleName() + ": " + VendorJson.reason(e))).build();
    }
  }

  private static @Nullable Integer intOrNull(@Nullable JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
  }

  HttpUrl customersUrl() {
    return customersUrl;
  }

  <T> CompletableFuture<T> async(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, asyncExecutor);
  }

  HttpUrl customerUrl(long id) {
    return customersUrl.newBuilder().addPathSegment(Long.toString(id)).build();
  }

  private static ExecutorService newDefaultExecutor() {
    // A few threads are plenty: Billbee admits under 2 calls/s per endpoint, so more would only wait.
    // Bounded like the shared pool: past its queue the caller runs the call, instead of queueing without end.
    return BlockingCalls.newBoundedPool("customer-sync-billbee-", 4, BlockingCalls.QUEUE_CAPACITY);
  }

  /** A decoded answer with the HTTP status and attempts it took. */
  record Answer<T>(T value, int status, int attempts) {}

  /**
   * Configures a {@link BillbeeClient}. Not thread-safe; {@link #toString()} shows no secrets. The
   * default rate limiter is a new one per client ({@link BillbeeRateLimits#newLimiter}): Billbee's
   * published limits with a safety margin. Two clients in one JVM that share Billbee credentials
   * should pass one limiter on purpose ({@code rateLimiter(BillbeeRateLimits.shared())} or a
   * distributed one): a JVM-wide default made every test with the fake's default credentials wait
   * on every other test's calls, and hid from a reader that two clients compete for one budget.
   */
  public static final class Builder extends VendorClientBuilder<Builder> {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey;
    private String username;
    private String apiPassword;
    private final Map<String, Integer> languageIds = new LinkedHashMap<>();
    private Duration indexMaxAge = BillbeeCustomerDirectory.DEFAULT_INDEX_MAX_AGE;
    private Duration snapshotMaxAge = BillbeeCustomerDirectory.DEFAULT_SNAPSHOT_MAX_AGE;
    private Clock clock = Clock.systemUTC();
    // Marks "no limiter given": build() then makes a fresh one, so each client has its own buckets.
    private final RateLimiter perClientDefault;

    private Builder() {
      this(BillbeeRateLimits.newLimiter(System::nanoTime, dev.customersync.core.Sleeper.system()));
    }

    private Builder(RateLimiter perClientDefault) {
      super(perClientDefault);
      this.perClientDefault = perClientDefault;
    }

    /**
     * Applies connection settings by name, e.g. those a {@code FakeBillbee} hands out: {@code
     * baseUrl}, {@code apiKey}, {@code username}, {@code apiPassword}, and {@code rateLimiter}
     * ({@code unlimited} for a fake whose throttle is off, or {@code default}).
     *
     * @param settings settings for {@value BillbeeClient#VENDOR}
     * @return this builder
     * @throws IllegalArgumentException the settings are for another vendor, name a setting this
     *     builder does not know, or give {@code rateLimiter} a value other than the two above
     */
    public Builder settings(dev.customersync.core.ClientSettings settings) {
      settings.requireFor(VENDOR, java.util.Set.of("baseUrl", "apiKey", "username", "apiPassword", "rateLimiter"));
      settings.get("baseUrl").ifPresent(this::baseUrl);
      settings.get("apiKey").ifPresent(this::apiKey);
      settings.get("username").ifPresent(this::username);
      settings.get("apiPassword").ifPresent(this::apiPassword);
      settings.get("rateLimiter").ifPresent(v -> {
        switch (v) {
          case "unlimited" -> rateLimiter(RateLimiter.unlimited());
          case "default" -> rateLimiter(perClientDefault);
          default -> throw new IllegalArgumentException("rateLimiter must be 'unlimited' or 'default', was '" + v + "'");
        }
      });
      return this;
    }

    /**
     * Where Billbee is; default {@value BillbeeClient#DEFAULT_BASE_URL}. Paths {@code api/v1/…} go
     * below it. Billbee's docs and SDKs give the base URL with {@code /api/v1} ({@code
     * https://api.billbee.io/api/v1}, {@code https://app.billbee.io/api/v1/}); that form is taken
     * as well, and its {@code api/v1} is not added twice.
     *
     * @param baseUrl Billbee's base URL, with or without {@code /api/v1}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the developer API key, sent as {@code X-Billbee-Api-Key}. Required.
     *
     * @param apiKey the API key Billbee issued to the developer
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Sets the Billbee user name for HTTP Basic. Required.
     *
     * @param username the Billbee account's user name, without a colon
     * @return this builder
     */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /**
     * Sets the user's API password (set in Billbee's settings, not the login password). Required.
     *
     * @param apiPassword the API password of {@code username}
     * @return this builder
     */
    public Builder apiPassword(String apiPassword) {
      this.apiPassword = apiPassword;
      return this;
    }

    /**
     * Tells the updater which Billbee {@code LanguageId} a BCP 47 language tag means (e.g. {@code
     * "de"} → the id your Billbee account uses for German). Billbee publishes no list of its
     * language ids, so none is built in: without an entry, a {@code languageTag} becomes a warning.
     * A tag matches exactly or by its language ({@code de-AT} falls back to {@code de}).
     *
     * @param languageTag a BCP 47 language tag, e.g. {@code de}; case does not matter
     * @param languageId the {@code LanguageId} the Billbee account uses for that language
     * @return this builder
     */
    public Builder languageId(String languageTag, int languageId) {
      Objects.requireNonNull(languageTag, "languageTag");
      if (languageTag.isBlank()) {
        throw new IllegalArgumentException("languageTag must not be blank");
      }
      languageIds.put(languageTag.trim().toLowerCase(Locale.ROOT), languageId);
      return this;
    }

    /**
     * Calls {@link #languageId(String, int)} for each entry.
     *
     * @param ids Billbee {@code LanguageId}s by BCP 47 language tag
     * @return this builder
     */
    public Builder languageIds(Map<String, Integer> ids) {
      ids.forEach(this::languageId);
      return this;
    }

    /**
     * How long {@link BillbeeClient#customerDirectory()} reuses its e-mail and number index, built
     * from every page of the customer list, before it reads the pages again; default 5 minutes.
     * A customer created or changed elsewhere meanwhile is not seen by a find until then, so keep
     * it short when other systems create Billbee customers too.
     *
     * @param indexMaxAge a positive duration
     * @return this builder
     */
    public Builder indexMaxAge(Duration indexMaxAge) {
      this.indexMaxAge = Durations.requirePositive(indexMaxAge, "indexMaxAge");
      return this;
    }

    /**
     * How long a customer read from a list page may stand in for the read of an update in a
     * {@link BillbeeDirectorySession}; default 10 minutes. An older one is read again.
     *
     * @param snapshotMaxAge a positive duration
     * @return this builder
     */
    public Builder snapshotMaxAge(Duration snapshotMaxAge) {
      this.snapshotMaxAge = Durations.requirePositive(snapshotMaxAge, "snapshotMaxAge");
      return this;
    }

    /**
     * The clock the ages of the directory's index and page snapshots are measured with; default
     * the system clock. For tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where the {@code …Async} methods run; default: a small pool of daemon threads the client owns.
     *
     * @param asyncExecutor the executor for the {@code …Async} methods and the updater
     * @return this builder
     * @deprecated the same as {@link #executor(Executor)}, which every client builder has
     */
    @Deprecated
    public Builder asyncExecutor(Executor asyncExecutor) {
      return executor(asyncExecutor);
    }

    /**
     * Builds the client.
     *
     * @return a new client; close it when done
     * @throws IllegalStateException a credential is missing or blank
     * @throws IllegalArgumentException the base URL is malformed or insecure, or the user name has
     *     a colon (HTTP Basic cannot carry one)
     */
    public BillbeeClient build() {
      List<String> missing = new ArrayList<>();
      if (apiKey == null || apiKey.isBlank()) {
        missing.add("apiKey");
      }
      if (username == null || username.isBlank()) {
        missing.add("username");
      }
      if (apiPassword == null || apiPassword.isEmpty()) {
        missing.add("apiPassword");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("BillbeeClient needs apiKey, username and apiPassword; missing or blank: "
            + String.join(", ", missing));
      }
      if (username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("username must not contain ':' (HTTP Basic cannot carry it)");
      }
      HttpUrl url = withoutApiPrefix(BaseUrls.parse(baseUrl, "baseUrl", allowInsecureHttp));
      return new BillbeeClient(this, url);
    }

    /** The limiter the next client gets: the one given, or a fresh one of its own. */
    RateLimiter limiterForNextClient() {
      return rateLimiter() == perClientDefault
          ? BillbeeRateLimits.newLimiter(System::nanoTime, dev.customersync.core.Sleeper.system()) : rateLimiter();
    }

    /** {@code url} without a last {@code api/v1/}, which every request path starts with. */
    private static HttpUrl withoutApiPrefix(HttpUrl url) {
      String path = url.encodedPath();
      if (path.regionMatches(true, path.length() - API_PREFIX.length(), API_PREFIX, 0, API_PREFIX.length())
          && path.charAt(path.length() - API_PREFIX.length() - 1) == '/') {
        return url.newBuilder().encodedPath(path.substring(0, path.length() - API_PREFIX.length())).build();
      }
      return url;
    }

    @Override
    public String toString() {
      return "BillbeeClient.Builder{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : Redactor.MASK)
          + ", apiPassword=" + (apiPassword == null ? "unset" : Redactor.MASK) + "}";
    }
  }
}
