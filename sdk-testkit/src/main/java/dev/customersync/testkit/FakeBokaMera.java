package dev.customersync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.ClientSettings;
import dev.customersync.core.Customer;
import dev.customersync.core.json.Json;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.json.WcfDate;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A stateful fake of the BokaMera API (ServiceStack) and of its Keycloak token endpoint, on one
 * loopback server, for tests and demos.
 *
 * <p>What it does, checked on the wire independently of the client under test:
 * <ul>
 *   <li>{@code GET /customers?CustomerId=…&CompanyId=…&Search=…&Skip=…&Take=…&IncludeInvoiceAddress=…&IncludeCustomFieldValues=…&IncludeAccessKeys=…&IncludeComments=…}
 *       answers a ServiceStack {@code QueryResponse {Offset, Total, Results}} (or, after {@link
 *       #answersBareArrays(boolean)}, a bare JSON array of the results, without Total); the invoice
 *       address, custom-field values, access keys and comments are only in the answer when their
 *       Include flag is {@code true}, like BokaMera's. Results are sorted by {@code Created}, then
 *       {@code Id}. {@code Search} takes the broadest reading of BokaMera's "free-text search over
 *       customer name and email": a case-insensitive substring of {@code Firstname}, {@code
 *       Lastname} or {@code Email}, so {@code ada@x.se} also finds {@code nada@x.se}, and a client
 *       must filter for an exact e-mail itself. {@code Skip} and {@code Take} page the results
 *       with AutoQuery's {@code MaxLimit} of {@value #MAX_LIMIT}: a larger {@code Take}, or none,
 *       gets {@value #MAX_LIMIT}.
 *   <li>{@code POST /customers[?CompanyId=…]} ({@code CreateCustomer}) stores a new customer under
 *       a new GUID (never one already held; a {@code CustomerId} in the body is ignored, since
 *       BokaMera does not document honouring it) and answers the {@code UpdateCustomerResponse}.
 *       A missing or blank {@code Firstname}, {@code Lastname} or {@code Phone} gets the same
 *       ServiceStack 400 as an update; a {@code CompanyId} other than {@link #companyId()} gets 403.
 *       Access keys in the body are created as for an update; {@link #createdCustomers()} lists the
 *       customers created.
 *   <li>{@code PUT /customers/{Id}[?CompanyId=…]} updates a stored customer and answers the
 *       {@code CustomerQueryResponse}. A missing or blank {@code Firstname} or {@code Lastname}
 *       gets a ServiceStack 400 ({@code ErrorCode "ValidationException"}, one {@code Errors[]}
 *       entry per field, nested in {@code ResponseStatus}).
 *   <li>{@code PUT /customerarticle/{Id}} updates a stored customer article (status, price, VAT,
 *       currency; a property left out keeps its value) and answers the {@code
 *       CustomerArticleResponse}.
 *   <li>{@code POST /realms/bookmore-admin/protocol/openid-connect/token} ({@link #tokenUrl()}):
 *       Keycloak's password and refresh-token grants for {@code client_id=bm-external-api-users}
 *       and the users added with {@link #addUser}.
 *   <li>Every API call needs {@code x-api-key} equal to {@link #apiKey()} and {@code
 *       Authorization: Bearer} with a token this fake issued and has not revoked; otherwise 401
 *       with a ServiceStack {@code ResponseStatus}. PUT bodies must be sent as JSON (else 415).
 *   <li>Unknown routes answer 404 with a top-level {@code ResponseStatus}, as ServiceStack does.
 * </ul>
 *
 * <p>Where BokaMera's behaviour is undocumented the fake picks the strict reading, so that a
 * client that forgets to merge is caught: UpdateCustomer <b>clears</b> Firstname, Lastname, Phone,
 * Email and the whole InvoiceAddress (unknown properties included) when they are left out or null;
 * {@code SubscribedToNewsletter} left out keeps its value; {@code CustomFields} and {@code
 * AccessKeys} are upserted by id, {@code AccessKeysToDelete} removes. A wrong API key gets 401
 * (BokaMera might answer 403).
 *
 * <p>Access keys, as BokaMera documents them: a key sent <b>without</b> {@code Id} (or with the
 * empty GUID) is <b>created</b> as a new key, every time it is sent; {@link #keysCreated()} counts
 * the keys the fake created this way (a side effect no update asks for). Like BokaMera's own sample
 * answer, the fake answers keys <b>without</b> their {@code Id} by default; {@link
 * #answersAccessKeyIds(boolean)} makes it show them, so tests can run both.
 *
 * <p>Exactness: customers are stored as exact JSON trees ({@link LosslessJson}), so properties the
 * fake does not know, at any level, come back exactly as seeded (numbers like {@code 1.50} and
 * {@code 1E+15}, date strings in any form, nulls, empty lists). A PUT keeps the unknown properties
 * it carries where BokaMera's request DTO has the same part as the answer: inside {@code
 * InvoiceAddress} and inside each access key. Unknown top-level properties of a PUT are ignored, as
 * ServiceStack ignores what its request DTO does not have. Dates the fake writes itself ({@code
 * Created}, {@code Updated}) take the {@link DateForm} set with {@link #dateForm}, by default
 * ServiceStack's {@code /Date(ms+0000)/}, in the zone of the {@link #clock}.
 *
 * <p>Reads can be scripted to disagree with the request: {@link #nextReadNamesNoCustomer()} and
 * {@link #nextReadNamesCustomer(UUID)}.
 *
 * <p>Thread-safe; {@link #faults()} and {@link #journal()} work as for every fake.
 */
public final class FakeBokaMera extends FakeVendorServer {

  /** The token endpoint's path, as on BokaMera's Keycloak. */
  public static final String TOKEN_PATH = "/realms/bookmore-admin/protocol/openid-connect/token";

  /** The OpenID Connect client id the token endpoint accepts. */
  public static final String CLIENT_ID = "bm-external-api-users";

  /** The API user every fake accepts at its token endpoint, besides those added with {@link #addUser}. */
  public static final String DEFAULT_USERNAME = "api-user@example.com";

  /** The password of {@link #DEFAULT_USERNAME}. */
  public static final String DEFAULT_PASSWORD = "fake-bokamera-password";

  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Map<Integer, String> STATUS_NAMES = Map.of(1, "AwaitingPayment", 2,
      "AwaitingPaymentFromProvider", 3, "AwaitingPaymentNoTimeLimit", 4, "Active", 5, "Off");

  /** The most results one page answers, as AutoQuery's {@code MaxLimit}. */
  public static final int MAX_LIMIT = 100;

  private static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";
  private static final List<String> INVOICE_FIELDS = List.of("CorporateIdentityNumber", "InvoiceAddress1",
      "InvoiceAddress2", "InvoiceCity", "InvoicePostalCode", "InvoiceCountryCode");

  /**
   * The forms BokaMera (ServiceStack) may write a date in; which one a host uses is undocumented,
   * so a client must read them all.
   */
  public enum DateForm {
    /** ISO 8601 with offset: {@code 2024-05-01T12:34:56.789+02:00}. */
    ISO_OFFSET,
    /** ISO 8601 without offset: {@code 2024-05-01T12:34:56.789}. */
    ISO_LOCAL,
    /** WCF without offset (UTC): {@code /Date(1714559696789)/}. */
    WCF,
    /** WCF with offset: {@code /Date(1714559696789+0200)/}, ServiceStack's default. */
    WCF_OFFSET;

    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter ISO_WITHOUT_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    /**
     * Writes a date in this form, to milliseconds.
     *
     * @param value the date to write
     * @return {@code value} as BokaMera would write it in this form
     */
    public String format(OffsetDateTime value) {
      return switch (this) {
        case ISO_OFFSET -> ISO_WITH_OFFSET.format(value);
        case ISO_LOCAL -> ISO_WITHOUT_OFFSET.format(value);
        case WCF -> "/Date(" + value.toInstant().toEpochMilli() + ")/";
        case WCF_OFFSET -> WcfDate.format(value);
      };
    }
  }

  private final ObjectMapper json = Json.newMapper();
  // Customers and every answer: exact trees, so what is seeded or sent comes back as it was.
  private final ObjectMapper exact = LosslessJson.mapper();
  private final String apiKey;
  private final UUID companyId;
  private final AtomicLong counter = new AtomicLong();

  // Guarded by this.
  private final Map<UUID, ObjectNode> customers = new LinkedHashMap<>();
  private final Map<UUID, UUID> customerCompany = new HashMap<>();
  private final Map<Integer, ObjectNode> articles = new LinkedHashMap<>();
  private final Set<String> accessTokens = new HashSet<>();
  private final Map<String, String> refreshTokens = new HashMap<>();
  private final Map<String, String> users = new HashMap<>();
  private int nextArticleId = 1;
  private final Deque<Optional<String>> readScripts = new ArrayDeque<>();
  private boolean answersAccessKeyIds;
  private boolean answersBareArrays;
  private final List<UUID> createdCustomers = new java.util.ArrayList<>();
  private long keysCreated;
  private DateForm dateForm = DateForm.WCF_OFFSET;
  private long accessTokenSeconds = 300;
  private long refreshTokenSeconds = 1800;
  private Clock clock = Clock.systemUTC();

  /** A fake with a random API key and company id. */
  public FakeBokaMera() {
    this(UUID.randomUUID().toString(), UUID.randomUUID());
  }

  /**
   * @param apiKey the only {@code x-api-key} accepted
   * @param companyId the company new customers and articles belong to
   */
  public FakeBokaMera(String apiKey, UUID companyId) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.companyId = Objects.requireNonNull(companyId, "companyId");
    users.put(DEFAULT_USERNAME, DEFAULT_PASSWORD);
  }

  /**
   * What a client needs to reach a fake. {@link #toString()} masks the API key and password.
   *
   * @param apiKey the only {@code x-api-key} accepted
   * @param username an API user the token endpoint accepts ({@link #DEFAULT_USERNAME})
   * @param password that user's password
   * @param companyId the company the fake's customers belong to
   */
  public record Credentials(String apiKey, String username, String password, UUID companyId) {
    @Override
    public String toString() {
      return "Credentials[apiKey=****, username=" + username + ", password=****, companyId=" + companyId + "]";
    }
  }

  @Override
  public FakeBokaMera start() {
    super.start();
    return this;
  }

  /** {@return the credentials this fake accepts: its API key, the default user, its company} */
  public Credentials credentials() {
    return new Credentials(apiKey, DEFAULT_USERNAME, DEFAULT_PASSWORD, companyId);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code baseUrl}, {@code tokenUrl}, {@code apiKey}, {@code username} and {@code password} of
   * {@link #DEFAULT_USERNAME}, {@code companyId}.
   */
  @Override
  public ClientSettings clientSettings() {
    return ClientSettings.builder("bokamera")
        .put("baseUrl", baseUrl())
        .put("tokenUrl", tokenUrl().toString())
        .putSecret("apiKey", apiKey)
        .put("username", DEFAULT_USERNAME)
        .putSecret("password", DEFAULT_PASSWORD)
        .put("companyId", companyId.toString())
        .build();
  }

  /**
   * Does nothing: BokaMera publishes no throttle or token limit, so this fake enforces none. There
   * for the same shape as the other fakes.
   *
   * @return this fake
   */
  @Override
  public FakeBokaMera relaxed() {
    return this;
  }

  // ---- request matchers, named alike on every fake ----

  /** {@return a matcher of customer reads: {@code GET /customers} with a {@code CustomerId}} */
  public static Predicate<RecordedRequest> readCalls() {
    return r -> r.getMethod().equals("GET") && r.getUrl().encodedPath().equals("/customers")
        && r.getUrl().queryParameter("CustomerId") != null;
  }

  /** {@return a matcher of customer searches: {@code GET /customers} without a {@code CustomerId}} */
  public static Predicate<RecordedRequest> findCalls() {
    return r -> r.getMethod().equals("GET") && r.getUrl().encodedPath().equals("/customers")
        && r.getUrl().queryParameter("CustomerId") == null;
  }

  /** {@return a matcher of customer writes: {@code PUT /customers/{Id}}} */
  public static Predicate<RecordedRequest> writeCalls() {
    return r -> r.getMethod().equals("PUT") && r.getUrl().pathSegments().size() == 2
        && r.getUrl().pathSegments().get(0).equals("customers");
  }

  /** {@return a matcher of creates: {@code POST /customers}} */
  public static Predicate<RecordedRequest> createCalls() {
    return r -> r.getMethod().equals("POST") && r.getUrl().encodedPath().equals("/customers");
  }

  /** {@return a matcher of token requests} */
  public static Predicate<RecordedRequest> tokenCalls() {
    return r -> r.getUrl().encodedPath().equals(TOKEN_PATH);
  }

  /** {@return the API key the fake accepts} */
  public String apiKey() {
    return apiKey;
  }

  /** {@return the company seeded customers and articles belong to} */
  public UUID companyId() {
    return companyId;
  }

  /** {@return the API root to give a client as its base URL, e.g. {@code http://127.0.0.1:41234/}} */
  public String baseUrl() {
    return url("/").toString();
  }

  /** {@return the fake Keycloak token endpoint} */
  public HttpUrl tokenUrl() {
    return url(TOKEN_PATH);
  }

  /**
   * Sets the clock for {@code Created}/{@code Updated} dates; its zone gives their offset.
   *
   * @param clock the clock the fake dates its writes with
   * @return this fake
   */
  public synchronized FakeBokaMera clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /**
   * Sets the form of the dates the fake writes itself ({@code Created}, {@code Updated}); default {@link
   * DateForm#WCF_OFFSET}.
   *
   * @param form the date form of the fake's own dates
   * @return this fake
   */
  public synchronized FakeBokaMera dateForm(DateForm form) {
    this.dateForm = Objects.requireNonNull(form);
    return this;
  }

  /**
   * Whether answers show each access key's {@code Id}. Default false, as in BokaMera's own sample
   * answer; the fake always knows the ids, and a key sent with its id is updated in place.
   *
   * @param answers true to show the access keys' ids in answers
   * @return this fake
   */
  public synchronized FakeBokaMera answersAccessKeyIds(boolean answers) {
    this.answersAccessKeyIds = answers;
    return this;
  }

  /**
   * Whether {@code GET /customers} answers a bare JSON array of its results instead of a {@code
   * QueryResponse {Offset, Total, Results}}, as the third-party Python client also accepts. Default
   * false.
   *
   * @param bare true to answer bare arrays, without {@code Total}
   * @return this fake
   */
  public synchronized FakeBokaMera answersBareArrays(boolean bare) {
    this.answersBareArrays = bare;
    return this;
  }

  /**
   * The customers {@code POST /customers} created, in order; a create that was refused is not
   * among them.
   *
   * @return their ids
   */
  public synchronized List<UUID> createdCustomers() {
    return List.copyOf(createdCustomers);
  }

  /**
   * Access keys the fake created because a PUT sent one without an {@code Id} (or with an id it
   * did not hold): what re-sending read keys without their ids would do at BokaMera.
   *
   * @return how many access keys PUTs created
   */
  public synchronized long keysCreated() {
    return keysCreated;
  }

  /**
   * Makes the next read that finds a customer answer it without {@code Id}: a result naming no customer.
   *
   * @return this fake
   */
  public synchronized FakeBokaMera nextReadNamesNoCustomer() {
    readScripts.add(Optional.empty());
    return this;
  }

  /**
   * Makes the next read that finds a customer answer it with {@code other} as its {@code Id}.
   *
   * @param other the id the answer names instead of the customer's own
   * @return this fake
   */
  public synchronized FakeBokaMera nextReadNamesCustomer(UUID other) {
    readScripts.add(Optional.of(other.toString()));
    return this;
  }

  // ---- tokens ----------------------------------------------------------------------------

  /**
   * Adds a user who may log in at the token endpoint with the password grant.
   *
   * @param username the user's name
   * @param password the user's password
   * @return this fake
   */
  public synchronized FakeBokaMera addUser(String username, String password) {
    users.put(username, password);
    return this;
  }

  /**
   * Issues an access token directly, for clients configured with a fixed token.
   *
   * @return a new access token the fake accepts until it is revoked
   */
  public synchronized String issueAccessToken() {
    String token = "fake-access-" + counter.incrementAndGet() + "-" + UUID.randomUUID();
    accessTokens.add(token);
    return token;
  }

  /** Every access token issued so far is refused from now on (as after expiry): 401. */
  public synchronized void revokeAccessTokens() {
    accessTokens.clear();
  }

  /** Every refresh token issued so far is refused from now on (as after the session ended). */
  public synchronized void revokeRefreshTokens() {
    refreshTokens.clear();
  }

  /**
   * Sets the {@code expires_in} and {@code refresh_expires_in} the token endpoint reports.
   *
   * @param accessSeconds the access token's {@code expires_in}, in seconds; default 300
   * @param refreshSeconds the refresh token's {@code refresh_expires_in}, in seconds; default 1800
   * @return this fake
   */
  public synchronized FakeBokaMera tokenLifetimes(long accessSeconds, long refreshSeconds) {
    this.accessTokenSeconds = accessSeconds;
    this.refreshTokenSeconds = refreshSeconds;
    return this;
  }

  /**
   * Counts the token requests of one grant type.
   *
   * @param grantType the {@code grant_type}, e.g. {@code password} or {@code refresh_token}
   * @return how many token requests with this {@code grant_type} reached the token endpoint
   */
  public long tokenRequests(String grantType) {
    return journal().count(e -> e.method().equals("POST") && e.path().equals(TOKEN_PATH)
        && form(e.body()).getOrDefault("grant_type", "").equals(grantType));
  }

  // ---- seeding and inspection -------------------------------------------------------------

  /**
   * Stores a new customer of {@link #companyId()} and returns its id.
   *
   * @param firstname the customer's {@code Firstname}
   * @param lastname the customer's {@code Lastname}
   * @param email the customer's {@code Email}
   * @param phone the customer's {@code Phone}
   * @return the new customer's id
   */
  public UUID addCustomer(String firstname, String lastname, String email, String phone) {
    ObjectNode c = json.createObjectNode();
    c.put("Firstname", firstname).put("Lastname", lastname).put("Email", email).put("Phone", phone)
        .put("SubscribedToNewsletter", false);
    UUID id = freshGuid();
    putCustomer(id, c);
    return id;
  }

  /**
   * Stores a neutral customer as BokaMera would hold it (invoice address and organization number
   * in {@code InvoiceAddress}, custom fields keyed by their numeric field id) under a new id.
   *
   * @param customer the customer; fields BokaMera cannot hold are refused
   * @return the new customer's id
   * @throws IllegalArgumentException naming a field BokaMera cannot hold
   */
  public synchronized UUID seed(Customer customer) {
    UUID id = freshGuid();
    putCustomer(id, NeutralCustomerJson.bokaMera(customer));
    return id;
  }

  /**
   * Stores a customer given as JSON shaped like BokaMera's {@code CustomerQueryResponse} under a
   * new id; see {@link #putCustomer(UUID, String)}.
   *
   * @param customerJson the customer as JSON text
   * @return the new customer's id
   */
  public synchronized UUID seed(String customerJson) {
    UUID id = freshGuid();
    putCustomer(id, parseCustomer(customerJson));
    return id;
  }

  /**
   * A GUID that names nothing held yet, of any kind (customer, access key, invoice address): a
   * random GUID would practically never collide, but the promise is "never", and a test that seeds
   * fixed GUIDs should not have to trust chance.
   */
  private synchronized UUID freshGuid() {
    Set<String> held = new HashSet<>();
    customers.keySet().forEach(k -> held.add(k.toString()));
    customers.values().forEach(c -> collectIds(c, held));
    UUID id;
    do {
      id = UUID.randomUUID();
    } while (held.contains(id.toString()));
    return id;
  }

  private static void collectIds(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      for (String name : List.of("Id", "InvoiceAddressId", "CustomerId")) {
        if (node.path(name).isTextual()) {
          into.add(node.get(name).textValue().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    node.forEach(child -> collectIds(child, into));
  }

  /**
   * Stores (or replaces) a customer from JSON shaped like BokaMera's {@code CustomerQueryResponse}
   * ({@code Firstname}, {@code InvoiceAddress {…}}, {@code CustomFieldValues [{Id, Value}]},
   * {@code AccessKeys [...]}, ...).
   *
   * @param id the customer's id
   * @param customerJson the customer as JSON text
   * @return this fake
   */
  public FakeBokaMera putCustomer(UUID id, String customerJson) {
    return putCustomer(id, parseCustomer(customerJson));
  }

  /**
   * Stores (or replaces) a customer exactly as given: unlike {@link #putCustomer}, no {@code
   * Created}, {@code Updated} or empty lists are added and access keys keep whatever {@code Id}
   * they have (none included), so reads answer exactly this JSON (less the parts a read does not
   * include, and less the keys' ids unless {@link #answersAccessKeyIds}). Its {@code Id} is kept
   * when it names {@code id} in any case, and set to {@code id} otherwise.
   *
   * @param id the customer's id
   * @param customerJson the customer as JSON text, stored as it is
   * @return this fake
   */
  public synchronized FakeBokaMera putCustomerAsIs(UUID id, String customerJson) {
    ObjectNode c = parseCustomer(customerJson);
    JsonNode given = c.get("Id");
    if (given == null || !given.isTextual() || !given.textValue().equalsIgnoreCase(id.toString())) {
      c.put("Id", id.toString());
    }
    customers.put(id, c);
    customerCompany.put(id, companyId);
    return this;
  }

  private ObjectNode parseCustomer(String customerJson) {
    try {
      JsonNode node = exact.readTree(customerJson);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("customer JSON must be an object");
      }
      return object;
    } catch (IOException e) {
      throw new IllegalArgumentException("customer JSON is malformed: " + e.getMessage(), e);
    }
  }

  private synchronized FakeBokaMera putCustomer(UUID id, ObjectNode customer) {
    ObjectNode c = customer.deepCopy();
    c.put("Id", id.toString());
    if (!c.hasNonNull("Created")) {
      c.put("Created", now());
    }
    if (!c.hasNonNull("Updated")) {
      c.put("Updated", c.get("Created").asText());
    }
    for (String list : List.of("CustomFieldValues", "AccessKeys", "Comments")) {
      if (!c.has(list)) {
        c.putArray(list);
      }
    }
    // BokaMera knows every key's id, even where its answers do not show it.
    for (JsonNode key : c.get("AccessKeys")) {
      if (key instanceof ObjectNode k && !k.hasNonNull("Id")) {
        k.put("Id", freshGuid().toString());
      }
    }
    customers.put(id, c);
    customerCompany.put(id, companyId);
    return this;
  }

  /**
   * A copy of the stored customer, in the {@code CustomerQueryResponse} shape with everything
   * included, access keys with their ids.
   *
   * @param id the customer's id
   * @return the copy, or empty when no such customer is stored
   */
  public synchronized Optional<JsonNode> customer(UUID id) {
    ObjectNode c = customers.get(id);
    return c == null ? Optional.empty() : Optional.of(c.deepCopy());
  }

  /**
   * The customer as a read with every Include flag answers it now ({@code Results[0]}): access-key
   * ids only when {@link #answersAccessKeyIds}. Read scripts are not applied.
   *
   * @param id the customer's id
   * @return the customer as answered, or empty when no such customer is stored
   */
  public synchronized Optional<JsonNode> customerAsAnswered(UUID id) {
    ObjectNode c = customers.get(id);
    return c == null ? Optional.empty() : Optional.of(view(c, true, true, true, true));
  }

  /**
   * Stores a customer article of {@link #companyId()} for {@code customerId} and returns its id.
   *
   * @param customerId the customer the article belongs to
   * @param statusId the article's {@code StatusId}
   * @param price the article's {@code Price}
   * @param currencyId the article's {@code CurrencyId}, e.g. {@code SEK}
   * @return the new article's id
   */
  public synchronized int addCustomerArticle(UUID customerId, int statusId, BigDecimal price, String currencyId) {
    int id = nextArticleId++;
    ObjectNode a = json.createObjectNode();
    a.put("Id", id).put("CompanyId", companyId.toString()).put("ArticleId", 100 + id)
        .put("Price", price).put("VAT", new BigDecimal("0.25")).put("CurrencyId", currencyId)
        .put("StatusId", statusId).put("CustomerId", customerId.toString())
        .put("CreatedDate", now()).put("UpdatedDate", now());
    articles.put(id, a);
    return id;
  }

  /**
   * Looks up a stored customer article.
   *
   * @param id the article's id
   * @return a copy of the article ({@code Id, StatusId, Price, VAT, CurrencyId, ...}), or empty when none
   */
  public synchronized Optional<JsonNode> customerArticle(int id) {
    ObjectNode a = articles.get(id);
    return a == null ? Optional.empty() : Optional.of(a.deepCopy());
  }

  // ---- dispatch ---------------------------------------------------------------------------

  @Override
  protected synchronized MockResponse handle(RecordedRequest request) {
    String method = request.getMethod();
    HttpUrl url = request.getUrl();
    if (url.encodedPath().equals(TOKEN_PATH)) {
      return method.equals("POST") ? token(request) : serviceStackError(405, "NotSupported", "Use POST", null, false);
    }
    MockResponse refused = checkAuth(request);
    if (refused != null) {
      return refused;
    }
    List<String> path = url.pathSegments();
    if (method.equals("GET") && path.equals(List.of("customers"))) {
      return queryCustomers(url);
    }
    if (method.equals("POST") && path.equals(List.of("customers"))) {
      return withJsonBody(request, body -> createCustomer(url, body));
    }
    if (method.equals("PUT") && path.size() == 2 && path.get(0).equals("customers")) {
      return withJsonBody(request, body -> updateCustomer(path.get(1), url, body));
    }
    if (method.equals("PUT") && path.size() == 2 && path.get(0).equals("customerarticle")) {
      return withJsonBody(request, body -> updateCustomerArticle(path.get(1), body));
    }
    return serviceStackError(404, "NotFound", "Handler for Request not found (404):\n  Request.HttpMethod: " + method
        + "\n  Request.PathInfo: " + url.encodedPath(), null, true);
  }

  private MockResponse checkAuth(RecordedRequest request) {
    String key = request.getHeaders().get("x-api-key");
    if (key == null || !key.equals(apiKey)) {
      return serviceStackError(401, "Unauthorized", key == null ? "Missing x-api-key header" : "Invalid API key", null,
          false);
    }
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return serviceStackError(401, "Unauthorized", "Missing bearer token", null, false);
    }
    if (!accessTokens.contains(auth.substring("Bearer ".length()))) {
      return serviceStackError(401, "TokenException", "Token has expired or is not valid", null, false);
    }
    return null;
  }

  private MockResponse withJsonBody(RecordedRequest request, java.util.function.Function<ObjectNode, MockResponse> then) {
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return serviceStackError(415, "NotSupported", "Send the request body as application/json", null, false);
    }
    JsonNode body;
    try {
      body = exact.readTree(request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
    } catch (IOException e) {
      return serviceStackError(400, "SerializationException", "Could not deserialize the request body", null, false);
    }
    if (!(body instanceof ObjectNode object)) {
      return serviceStackError(400, "SerializationException", "The request body must be a JSON object", null, false);
    }
    return then.apply(object);
  }

  // ---- customers --------------------------------------------------------------------------

  private MockResponse queryCustomers(HttpUrl url) {
    String customerId = url.queryParameter("CustomerId");
    String company = url.queryParameter("CompanyId");
    String search = url.queryParameter("Search");
    if (customerId != null && !GUID.matcher(customerId).matches()) {
      return serviceStackError(400, "SerializationException", "CustomerId is not a Guid", "CustomerId", false);
    }
    if (company != null && !GUID.matcher(company).matches()) {
      return serviceStackError(400, "SerializationException", "CompanyId is not a Guid", "CompanyId", false);
    }
    Integer skip = count(url, "Skip");
    Integer take = count(url, "Take");
    if (skip == null || take == null) {
      String field = skip == null ? "Skip" : "Take";
      return serviceStackError(400, "SerializationException", field + " is not a non-negative Int32", field, false);
    }
    String needle = search == null ? null : search.toLowerCase(java.util.Locale.ROOT);
    List<Map.Entry<UUID, ObjectNode>> matching = new java.util.ArrayList<>();
    for (Map.Entry<UUID, ObjectNode> e : customers.entrySet()) {
      if (customerId != null && !e.getKey().equals(UUID.fromString(customerId))) {
        continue;
      }
      if (company != null && !customerCompany.get(e.getKey()).equals(UUID.fromString(company))) {
        continue;
      }
      if (needle != null && !needle.isEmpty() && !mentions(e.getValue(), needle)) {
        continue;
      }
      matching.add(e);
    }
    matching.sort(java.util.Comparator.<Map.Entry<UUID, ObjectNode>, java.time.Instant>comparing(
        e -> created(e.getValue())).thenComparing(e -> e.getKey().toString()));
    int from = Math.min(skip == -1 ? 0 : skip, matching.size());
    int limit = take == -1 ? MAX_LIMIT : Math.min(take, MAX_LIMIT);
    ArrayNode results = json.createArrayNode();
    for (Map.Entry<UUID, ObjectNode> e : matching.subList(from, Math.min(matching.size(), from + limit))) {
      results.add(view(e.getValue(), flag(url, "IncludeInvoiceAddress"), flag(url, "IncludeCustomFieldValues"),
          flag(url, "IncludeAccessKeys"), flag(url, "IncludeComments")));
    }
    if (!results.isEmpty() && !readScripts.isEmpty()) {
      Optional<String> named = readScripts.poll();
      ObjectNode first = (ObjectNode) results.get(0);
      if (named.isPresent()) {
        first.put("Id", named.get());
      } else {
        first.remove("Id");
      }
    }
    if (answersBareArrays) {
      return ok(results);
    }
    ObjectNode page = json.createObjectNode();
    page.put("Offset", from).put("Total", matching.size()).set("Results", results);
    return ok(page);
  }

  /** A non-negative count from the query, -1 when absent, null when malformed. */
  private static Integer count(HttpUrl url, String name) {
    String raw = url.queryParameter(name);
    if (raw == null) {
      return -1;
    }
    try {
      int n = Integer.parseInt(raw);
      return n < 0 ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether the customer's name or e-mail contains {@code needle} (lower-cased), as a free-text search. */
  private static boolean mentions(ObjectNode customer, String needle) {
    for (String field : List.of("Firstname", "Lastname", "Email")) {
      JsonNode v = customer.get(field);
      if (v != null && v.isTextual() && v.textValue().toLowerCase(java.util.Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /** The customer's {@code Created} in any form the fake writes or is seeded with; unreadable sorts last. */
  private static java.time.Instant created(ObjectNode customer) {
    String text = customer.path("Created").asText("");
    try {
      if (WcfDate.isWcf(text)) {
        return WcfDate.parse(text).toInstant();
      }
      if (text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$"))) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return java.time.Instant.MAX;
    }
  }

  private MockResponse createCustomer(HttpUrl url, ObjectNode body) {
    String company = url.queryParameter("CompanyId");
    if (company == null && body.hasNonNull("CompanyId")) {
      company = body.get("CompanyId").asText();
    }
    if (company != null && !GUID.matcher(company).matches()) {
      return serviceStackError(400, "SerializationException", "CompanyId is not a Guid", "CompanyId", false);
    }
    if (company != null && !UUID.fromString(company).equals(companyId)) {
      return serviceStackError(403, "Forbidden", "You are not an administrator of company " + company, null, false);
    }
    ArrayNode errors = json.createArrayNode();
    for (String field : List.of("Firstname", "Lastname", "Phone")) {
      if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
        errors.addObject().put("ErrorCode", "NotEmpty").put("FieldName", field)
            .put("Message", "'" + field + "' must not be empty.").putObject("Meta").put("PropertyName", field);
      }
    }
    if (!errors.isEmpty()) {
      ObjectNode status = json.createObjectNode();
      status.put("ErrorCode", "NotEmpty").put("Message", errors.get(0).get("Message").asText()).set("Errors", errors);
      ObjectNode response = json.createObjectNode();
      response.set("ResponseStatus", status);
      return respond(400, response);
    }
    UUID id = freshGuid();
    ObjectNode stored = exact.createObjectNode();
    stored.put("Id", id.toString());
    for (String field : List.of("Firstname", "Lastname", "Phone", "Email")) {
      stored.set(field, textOrNull(body.get(field)));
    }
    stored.put("SubscribedToNewsletter", body.path("SubscribedToNewsletter").asBoolean(false));
    stored.put("Created", now());
    stored.put("Updated", stored.get("Created").asText());
    stored.putArray("CustomFieldValues");
    stored.putArray("AccessKeys");
    stored.putArray("Comments");
    customers.put(id, stored);
    customerCompany.put(id, companyId);
    if (body.get("InvoiceAddress") instanceof ObjectNode) {
      storeInvoiceAddress(id, stored, body.get("InvoiceAddress"));
    }
    upsertCustomFields(stored, body.get("CustomFields"));
    long keysBefore = keysCreated;
    upsertAccessKeys(id, stored, body.get("AccessKeys"), null);
    createdCustomers.add(id);
    ObjectNode response = view(stored, true, true, true, true);
    response.putNull("FacebookUserName");
    response.putNull("UserId");
    response.put("CompanyId", companyId.toString());
    response.put("CreatedDate", stored.get("Created").asText());
    response.putArray("DeletedAccessKeys");
    ArrayNode touched = response.putArray("CreatedOrUpdatedAccessKeys");
    if (keysCreated > keysBefore) {
      response.get("AccessKeys").forEach(touched::add);
    }
    response.putObject("ResponseStatus");
    return ok(response);
  }

  private MockResponse updateCustomer(String rawId, HttpUrl url, ObjectNode body) {
    if (!GUID.matcher(rawId).matches()) {
      return serviceStackError(400, "SerializationException", "Id is not a Guid", "Id", false);
    }
    UUID id = UUID.fromString(rawId);
    ObjectNode stored = customers.get(id);
    String company = url.queryParameter("CompanyId");
    if (stored == null || company != null && !customerCompany.get(id).toString().equalsIgnoreCase(company)) {
      return serviceStackError(404, "NotFound", "Customer with id " + id + " was not found", null, false);
    }
    ObjectNode status = json.createObjectNode();
    ArrayNode errors = json.createArrayNode();
    for (String field : List.of("Firstname", "Lastname")) {
      if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
        errors.addObject().put("ErrorCode", "NotEmpty").put("FieldName", field)
            .put("Message", "'" + field + "' must not be empty.").putObject("Meta").put("PropertyName", field);
      }
    }
    if (!errors.isEmpty()) {
      status.put("ErrorCode", "NotEmpty").put("Message", errors.get(0).get("Message").asText()).set("Errors", errors);
      ObjectNode response = json.createObjectNode();
      response.set("ResponseStatus", status);
      return respond(400, response);
    }
    for (String field : List.of("Firstname", "Lastname", "Phone", "Email")) {
      stored.set(field, textOrNull(body.get(field)));
    }
    if (body.hasNonNull("SubscribedToNewsletter")) {
      stored.put("SubscribedToNewsletter", body.get("SubscribedToNewsletter").asBoolean());
    }
    storeInvoiceAddress(id, stored, body.get("InvoiceAddress"));
    upsertCustomFields(stored, body.get("CustomFields"));
    upsertAccessKeys(id, stored, body.get("AccessKeys"), body.get("AccessKeysToDelete"));
    stored.put("Updated", now());
    ObjectNode response = view(stored, true, true, true, true);
    response.putObject("ResponseStatus");
    return ok(response);
  }

  /** Replaces the stored invoice address with the one sent, or removes it when none was sent. */
  private void storeInvoiceAddress(UUID id, ObjectNode stored, JsonNode invoice) {
    if (invoice instanceof ObjectNode given) {
      ObjectNode held = stored.get("InvoiceAddress") instanceof ObjectNode h ? h : null;
      ObjectNode next = exact.createObjectNode();
      next.put("InvoiceAddressId", held != null && held.hasNonNull("InvoiceAddressId")
          ? held.get("InvoiceAddressId").asText() : freshGuid().toString());
      next.put("UserId", id.toString());
      for (String f : INVOICE_FIELDS) {
        next.set(f, textOrNull(given.get(f)));
      }
      // The read and the write share the invoice address class, so what the fake does not know
      // is kept as sent; the two ids are BokaMera's own.
      for (Map.Entry<String, JsonNode> e : given.properties()) {
        if (!INVOICE_FIELDS.contains(e.getKey()) && !e.getKey().equals("InvoiceAddressId")
            && !e.getKey().equals("UserId")) {
          next.set(e.getKey(), e.getValue().deepCopy());
        }
      }
      stored.set("InvoiceAddress", next);
    } else {
      stored.remove("InvoiceAddress");
    }
  }

  private void upsertCustomFields(ObjectNode stored, JsonNode given) {
    if (given == null || !given.isArray() || given.isEmpty()) {
      return;
    }
    ArrayNode values = stored.get("CustomFieldValues") instanceof ArrayNode held ? held
        : stored.putArray("CustomFieldValues");
    for (JsonNode field : given) {
      int fieldId = field.path("Id").asInt();
      ObjectNode existing = null;
      for (JsonNode v : values) {
        if (v.path("Id").asInt() == fieldId) {
          existing = (ObjectNode) v;
        }
      }
      if (existing == null) {
        existing = values.addObject().put("Id", fieldId).put("Column", "TextField" + fieldId)
            .put("Name", "Field " + fieldId).put("Description", "").put("DataType", "TextBox");
      }
      existing.set("Value", textOrNull(field.get("Value")));
    }
  }

  private void upsertAccessKeys(UUID customerId, ObjectNode stored, JsonNode given, JsonNode toDelete) {
    boolean anyGiven = given != null && given.isArray() && !given.isEmpty();
    ArrayNode keys = stored.get("AccessKeys") instanceof ArrayNode held ? held
        : anyGiven ? stored.putArray("AccessKeys") : exact.createArrayNode();
    if (toDelete != null && toDelete.isArray()) {
      for (JsonNode d : toDelete) {
        String deleteId = d.path("Id").asText("");
        for (Iterator<JsonNode> it = keys.iterator(); it.hasNext(); ) {
          if (it.next().path("Id").asText().equalsIgnoreCase(deleteId)) {
            it.remove();
          }
        }
      }
    }
    if (given == null || !given.isArray()) {
      return;
    }
    for (JsonNode k : given) {
      String keyId = k.hasNonNull("Id") ? k.get("Id").asText() : null;
      if (keyId != null && (keyId.isBlank() || keyId.equals(EMPTY_GUID))) {
        keyId = null;
      }
      ObjectNode target = null;
      if (keyId != null) {
        for (JsonNode held : keys) {
          if (held.path("Id").asText().equalsIgnoreCase(keyId)) {
            target = (ObjectNode) held;
          }
        }
      }
      if (target == null) {
        // "Leave [Id] empty to create a new one": a new key each time, however often it is sent.
        target = keys.addObject().put("Id", keyId != null ? keyId : freshGuid().toString());
        keysCreated++;
      }
      // AddUserAccessKey and the answer's UserAccessKeys are one shape: what is sent is kept as sent.
      for (Map.Entry<String, JsonNode> e : k.properties()) {
        if (!e.getKey().equals("Id")) {
          target.set(e.getKey(), e.getValue().deepCopy());
        }
      }
      if (!target.hasNonNull("CompanyId")) {
        target.put("CompanyId", companyId.toString());
      }
      if (!target.hasNonNull("CustomerId")) {
        target.put("CustomerId", customerId.toString());
      }
    }
  }

  /** The customer as the read endpoint shows it, with only the included parts. */
  private ObjectNode view(ObjectNode stored, boolean invoice, boolean customFieldValues, boolean accessKeys,
      boolean comments) {
    ObjectNode v = stored.deepCopy();
    if (!invoice) {
      v.remove("InvoiceAddress");
    }
    if (!customFieldValues) {
      v.remove("CustomFieldValues");
    }
    if (!accessKeys) {
      v.remove("AccessKeys");
    } else if (!answersAccessKeyIds && v.get("AccessKeys") instanceof ArrayNode keys) {
      for (JsonNode key : keys) {
        if (key instanceof ObjectNode k) {
          k.remove("Id");
        }
      }
    }
    if (!comments) {
      v.remove("Comments");
    }
    return v;
  }

  // ---- customer articles ------------------------------------------------------------------

  private MockResponse updateCustomerArticle(String rawId, ObjectNode body) {
    int id;
    try {
      id = Integer.parseInt(rawId);
    } catch (NumberFormatException e) {
      return serviceStackError(400, "SerializationException", "Id is not an integer", "Id", false);
    }
    ObjectNode stored = articles.get(id);
    if (stored == null || body.hasNonNull("CompanyId")
        && !body.get("CompanyId").asText().equalsIgnoreCase(stored.get("CompanyId").asText())) {
      return serviceStackError(404, "NotFound", "Customer article " + id + " was not found", null, false);
    }
    JsonNode status = body.get("StatusId");
    if (status != null && !status.isNull()) {
      Integer number = statusNumber(status);
      if (number == null) {
        return serviceStackError(400, "SerializationException", "StatusId is not a CustomerArticleStatusEnum",
            "StatusId", false);
      }
      stored.put("StatusId", number);
    }
    for (String f : List.of("Price", "VAT")) {
      if (body.hasNonNull(f)) {
        stored.put(f, body.get(f).decimalValue());
      }
    }
    if (body.hasNonNull("CurrencyId")) {
      stored.put("CurrencyId", body.get("CurrencyId").asText());
    }
    stored.put("UpdatedDate", now());
    return ok(articleView(stored));
  }

  private static Integer statusNumber(JsonNode status) {
    if (status.isIntegralNumber()) {
      return status.asInt();
    }
    String text = status.asText();
    if (text.matches("-?\\d{1,9}")) {
      return Integer.parseInt(text);
    }
    for (Map.Entry<Integer, String> e : STATUS_NAMES.entrySet()) {
      if (e.getValue().equalsIgnoreCase(text)) {
        return e.getKey();
      }
    }
    return null;
  }

  private ObjectNode articleView(ObjectNode stored) {
    ObjectNode v = stored.deepCopy();
    v.put("StatusName", STATUS_NAMES.getOrDefault(stored.get("StatusId").asInt(), "Unknown"));
    int articleId = stored.get("ArticleId").asInt();
    ObjectNode article = v.putObject("Article");
    article.put("CompanyId", companyId.toString()).put("Id", articleId).put("Name", "Punch card " + articleId)
        .put("ArticleTypeId", 2).put("Description", "10 visits").put("Active", true).put("Amount", 10)
        .put("Price", stored.get("Price").decimalValue()).put("CurrencyId", stored.get("CurrencyId").asText())
        .put("SortOrder", 0).put("Duration", 0).put("PriceSign", "kr").put("VAT", new BigDecimal("0.25"))
        .put("ValidDays", 365).put("SendNotification", false);
    article.putArray("Services").addObject().put("CompanyId", companyId.toString()).put("Id", 1)
        .put("ServiceId", 7).put("ArticleId", articleId);
    article.putArray("ServiceIds").add(7);
    UUID customerId = UUID.fromString(stored.get("CustomerId").asText());
    ObjectNode customer = v.putObject("Customer").put("Id", customerId.toString());
    ObjectNode held = customers.get(customerId);
    if (held != null) {
      for (String f : List.of("Firstname", "Lastname", "Email", "Phone")) {
        customer.set(f, held.get(f));
      }
    }
    v.putObject("Company").put("Id", companyId.toString()).put("Name", "Fake Salong").put("Email", "info@example.com")
        .put("Phone", "08-123 45 67").put("City", "Stockholm").put("Street1", "Storgatan 1").put("ZipCode", "111 22")
        .put("CountryId", "SE");
    v.putArray("PaymentLog");
    v.putObject("ResponseStatus");
    return v;
  }

  // ---- token endpoint ---------------------------------------------------------------------

  private MockResponse token(RecordedRequest request) {
    Map<String, String> form = form(request.getBody() == null ? "" : request.getBody().utf8());
    if (!CLIENT_ID.equals(form.get("client_id"))) {
      return oauthError(401, "invalid_client", "Invalid client or Invalid client credentials");
    }
    String grant = form.getOrDefault("grant_type", "");
    String user;
    if (grant.equals("password")) {
      user = form.get("username");
      if (user == null || !Objects.equals(users.get(user), form.get("password"))) {
        return oauthError(401, "invalid_grant", "Invalid user credentials");
      }
    } else if (grant.equals("refresh_token")) {
      user = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
      if (user == null) {
        return oauthError(400, "invalid_grant", "Token is not active");
      }
    } else {
      return oauthError(400, "unsupported_grant_type", "Unsupported grant_type");
    }
    String access = issueAccessToken();
    String refresh = "fake-refresh-" + counter.incrementAndGet() + "-" + UUID.randomUUID();
    refreshTokens.put(refresh, user);
    ObjectNode body = json.createObjectNode();
    body.put("access_token", access).put("expires_in", accessTokenSeconds)
        .put("refresh_expires_in", refreshTokenSeconds).put("refresh_token", refresh).put("token_type", "Bearer")
        .put("not-before-policy", 0).put("session_state", UUID.randomUUID().toString()).put("scope", "profile email");
    return respond(200, body);
  }

  private MockResponse oauthError(int status, String error, String description) {
    ObjectNode body = json.createObjectNode().put("error", error).put("error_description", description);
    return respond(status, body);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static boolean flag(HttpUrl url, String name) {
    return "true".equalsIgnoreCase(url.queryParameter(name));
  }

  private JsonNode textOrNull(JsonNode node) {
    return node == null || node.isNull() ? json.nullNode() : json.getNodeFactory().textNode(node.asText());
  }

  private String now() {
    return dateForm.format(OffsetDateTime.now(clock));
  }

  /**
   * A ServiceStack error: {@code {"ResponseStatus": {...}}}, or the status object itself as the
   * whole body when {@code topLevel}.
   */
  private MockResponse serviceStackError(int code, String errorCode, String message, String field, boolean topLevel) {
    ObjectNode status = json.createObjectNode().put("ErrorCode", errorCode).put("Message", message);
    ArrayNode errors = status.putArray("Errors");
    if (field != null) {
      errors.addObject().put("ErrorCode", errorCode).put("FieldName", field).put("Message", message);
    }
    if (topLevel) {
      return respond(code, status);
    }
    ObjectNode body = json.createObjectNode();
    body.set("ResponseStatus", status);
    return respond(code, body);
  }

  private MockResponse ok(JsonNode body) {
    return respond(200, body);
  }

  private MockResponse respond(int code, JsonNode body) {
    try {
      return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
          .body(exact.writeValueAsString(body)).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
