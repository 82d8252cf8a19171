package dev.customersync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.ClientSettings;
import dev.customersync.core.Customer;
import dev.customersync.core.json.LosslessJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A stateful fake of Storm Commerce's customer API and its OAuth2 token endpoint, for tests and
 * demos.
 *
 * <ul>
 *   <li>{@code POST /1.0/connect/token} ({@link #tokenUrl()}) issues client-credentials tokens that
 *       last {@link #tokenLifetime(Duration)} (3600 s), counts every token request ({@link
 *       #tokenRequests()}) and, like Storm, answers 429 with {@code Retry-After} past {@link
 *       #tokenRequestsPerMinute(int)} (3) requests in any 60 s, measured on the injected clock.
 *   <li>{@code GET /api/1.1/CustomerService.svc/rest/GetCustomer?id=…} answers the stored customer,
 *       or the JSON {@code null} when there is none.
 *   <li>{@code POST /api/1.1/CustomerService.svc/rest/UpdateCustomer3?password=&doSendMail=…&updatedBy=…}
 *       checks the body, answers Storm's documented 400 keys in an {@code ErrorMessage} ({@code
 *       CustomerMissing}, {@code InvalidEmail}, {@code CustomerAlreadyExists}, {@code
 *       InvalidCompanyName}, {@code CompanyAlreadyExists}, {@code AccountAlreadyExists}, {@code
 *       Invoice/DeliveryAddress Zip/City/CountryMissing}), and otherwise stores the customer:
 *       companies, addresses and an account without {@code Id} are created with new ids, and by
 *       default a property the request leaves out is cleared (the harsh reading of Storm's
 *       undocumented behaviour, so that a client which loses data fails its tests; {@link
 *       #keepOmittedProperties(boolean)} switches to the lenient one). {@code doSendMail} must be
 *       {@code true} or {@code false}; {@code true} sends the customer a mail ({@link #mailsSent()}).
 *   <li>{@code POST …/UpdateCustomer?updatedBy=…}, obsolete at Storm, does the same and always sends
 *       a mail, as Storm's calls UpdateCustomer3 with {@code doSendMail=true}.
 *   <li>{@code GET …/GetCustomerByEmail?email=…} and {@code GET …/GetCustomerByCode?code=…} answer the
 *       stored customer with that {@code Email} (compared ignoring case: whether Storm does is
 *       unconfirmed, and a client must not count on case-sensitive uniqueness) or that exact {@code
 *       Code}, or the JSON {@code null}; {@code includeCompanies=false} answers only the first company.
 *   <li>{@code POST …/CreateCustomer3?password=&doSendMail=…&createdBy=…} stores a new customer under
 *       a new id and answers it ({@link #createdCount()}). It refuses an {@code Id} in the body, and,
 *       in an {@code ErrorMessage}, a missing {@code Email}, {@code FirstName} or {@code LastName}
 *       (Storm's admin UI requires them) and every UpdateCustomer key that applies, {@code
 *       CustomerAlreadyExists} for a taken e-mail included. {@code doSendMail=true} and the obsolete
 *       {@code CreateCustomer} / {@code CreateCustomer2} send a registration mail ({@link #mailsSent()}).
 * </ul>
 *
 * <p>Every id the fake hands out, of a customer, company, address or account, is above every id
 * seeded or handed out before, of any kind.
 *
 * <p>Every API call must carry {@code Authorization: Bearer <a token this fake issued and that has
 * not expired or been revoked>} (else 401), {@code ApplicationId: <the configured id>} (else 403)
 * and, unless {@link #requireFormatJson(boolean)} is switched off, {@code format=json} (else 400
 * with an XML body: whether Storm answers JSON without it is unconfirmed, and Storm's own clients
 * always send it). Dates go out in the WCF form {@code /Date(ms+0200)/}; request dates in ISO form
 * are refused as WCF refuses them, and unknown members are refused (WCF would silently drop them),
 * except members the fake was seeded with: they stand for properties of Storm's contract the SDK
 * does not model, and are stored and answered like any other. Stored JSON is kept exactly (number
 * forms, date strings, nulls, empty lists) with {@link LosslessJson}.
 *
 * <p>Thread-safe. Configure it before the first request.
 */
public final class FakeStorm extends FakeVendorServer {

  /** The API prefix the base URL carries, as on Storm's hosts. */
  public static final String API_PREFIX = "/api/1.1/";
  /** The token endpoint's path, as on Storm's legacy identity server. */
  public static final String TOKEN_PATH = "/1.0/connect/token";
  /** The application id the fake expects unless configured otherwise. */
  public static final int DEFAULT_APPLICATION_ID = 1234;
  /** The client id the fake accepts unless configured otherwise. */
  public static final String DEFAULT_CLIENT_ID = "customer-sync-test";
  /** The client secret the fake accepts unless configured otherwise. */
  public static final String DEFAULT_CLIENT_SECRET = "fake-storm-client-secret-0123456789";

  private static final String SERVICE = API_PREFIX + "CustomerService.svc/rest/";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<String> CREATES = Set.of("CreateCustomer", "CreateCustomer2", "CreateCustomer3");

  private final ObjectMapper json = LosslessJson.mapper();
  private final Clock clock;
  private final Object lock = new Object();

  private final Map<Integer, ObjectNode> customers = new TreeMap<>();
  private final Map<String, Instant> tokens = new LinkedHashMap<>();
  private final Set<String> staticTokens = new HashSet<>();
  private final Deque<Instant> tokenWindow = new ArrayDeque<>();
  private final AtomicLong tokenRequests = new AtomicLong();
  private final AtomicLong updatesApplied = new AtomicLong();
  private final AtomicLong mailsSent = new AtomicLong();
  private final AtomicLong customersCreated = new AtomicLong();
  // Member names beyond Storm's documented contract that seeded customers carry, by object kind.
  private final Map<String, Set<String>> seededMembers = new HashMap<>();
  // One sequence for customers, companies, addresses and accounts, always above every id seeded or
  // handed out of any kind: separate counters once gave a company created on 1002 the id 501 that
  // 1001's company already had, and an id that means two things hides a client mixing them up.
  private int nextId = 1001;
  private long tokenSerial;

  private volatile int applicationId = DEFAULT_APPLICATION_ID;
  private volatile String clientId = DEFAULT_CLIENT_ID;
  private volatile String clientSecret = DEFAULT_CLIENT_SECRET;
  private volatile Duration tokenLifetime = Duration.ofHours(1);
  private volatile int tokenRequestsPerMinute = 3;
  private volatile boolean keepOmittedProperties;
  private volatile boolean requireFormatJson = true;
  private volatile ZoneOffset wireOffset = ZoneOffset.ofHours(2);

  /** A fake on the system clock. */
  public FakeStorm() {
    this(Clock.systemUTC());
  }

  /**
   * A fake whose token expiry, token rate limit and timestamps follow {@code clock}.
   *
   * @param clock the clock the fake reads time from
   */
  public FakeStorm(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The credentials a fake accepts. {@link #toString()} masks the client secret.
   *
   * @param applicationId the {@code ApplicationId} header every API call must carry
   * @param clientId the OAuth2 {@code client_id} of the token endpoint
   * @param clientSecret the OAuth2 {@code client_secret} of the token endpoint
   */
  public record Credentials(int applicationId, String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "Credentials[applicationId=" + applicationId + ", clientId=" + clientId + ", clientSecret=****]";
    }
  }

  @Override
  public FakeStorm start() {
    super.start();
    return this;
  }

  /** {@return the credentials this fake accepts, as configured now} */
  public Credentials credentials() {
    return new Credentials(applicationId, clientId, clientSecret);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code baseUrl}, {@code tokenUrl}, {@code applicationId}, {@code clientId}, {@code clientSecret}.
   */
  @Override
  public ClientSettings clientSettings() {
    return ClientSettings.builder("storm")
        .put("baseUrl", baseUrl().toString())
        .put("tokenUrl", tokenUrl().toString())
        .put("applicationId", Integer.toString(applicationId))
        .put("clientId", clientId)
        .putSecret("clientSecret", clientSecret)
        .build();
  }

  /**
   * Lifts the token endpoint's limit of 3 requests a minute, so that a fake shared by many tests,
   * each with a client of its own (and so a token request of its own), never makes the fourth
   * client wait a minute.
   *
   * @return this fake
   */
  @Override
  public FakeStorm relaxed() {
    return tokenRequestsPerMinute(Integer.MAX_VALUE);
  }

  // ---- configuration ------------------------------------------------------------------------

  /**
   * Sets the {@code ApplicationId} every API call must send.
   *
   * @param applicationId the Storm application id the fake expects
   * @return this fake
   */
  public FakeStorm applicationId(int applicationId) {
    this.applicationId = applicationId;
    return this;
  }

  /**
   * Sets the OAuth2 client credentials the token endpoint accepts.
   *
   * @param clientId the {@code client_id} expected
   * @param clientSecret the {@code client_secret} expected
   * @return this fake
   */
  public FakeStorm clientCredentials(String clientId, String clientSecret) {
    this.clientId = Objects.requireNonNull(clientId);
    this.clientSecret = Objects.requireNonNull(clientSecret);
    return this;
  }

  /**
   * Sets the {@code expires_in} of issued tokens; default 3600 s.
   *
   * @param lifetime how long an issued token is accepted
   * @return this fake
   */
  public FakeStorm tokenLifetime(Duration lifetime) {
    this.tokenLifetime = Objects.requireNonNull(lifetime);
    return this;
  }

  /**
   * Sets how many token requests any 60 s may hold before 429; default 3, as Storm.
   *
   * @param limit token requests allowed in any 60 s
   * @return this fake
   */
  public FakeStorm tokenRequestsPerMinute(int limit) {
    this.tokenRequestsPerMinute = limit;
    return this;
  }

  /**
   * Chooses what a property UpdateCustomer leaves out becomes; default false (cleared).
   *
   * @param keep true to keep the stored value of an omitted property, false to clear it
   * @return this fake
   */
  public FakeStorm keepOmittedProperties(boolean keep) {
    this.keepOmittedProperties = keep;
    return this;
  }

  /**
   * When true (the default), every API call without {@code format=json} is refused with 400 and an
   * XML body, before anything is processed; false answers JSON either way.
   *
   * @param require whether API calls must ask for {@code format=json}
   * @return this fake
   */
  public FakeStorm requireFormatJson(boolean require) {
    this.requireFormatJson = require;
    return this;
  }

  /**
   * Sets the offset written into WCF dates; default +02:00.
   *
   * @param offset the offset of the dates the fake writes
   * @return this fake
   */
  public FakeStorm wireOffset(ZoneOffset offset) {
    this.wireOffset = Objects.requireNonNull(offset);
    return this;
  }

  /**
   * Accepts {@code token} as a bearer token forever, for clients built with a fixed token.
   *
   * @param token the bearer token to accept
   * @return this fake
   */
  public FakeStorm acceptStaticToken(String token) {
    synchronized (lock) {
      staticTokens.add(token);
    }
    return this;
  }

  // ---- URLs and request matchers -------------------------------------------------------------

  /** {@return the base URL with its API prefix, e.g. {@code http://127.0.0.1:4711/api/1.1/}} */
  public HttpUrl baseUrl() {
    return url(API_PREFIX);
  }

  /** {@return the token endpoint's URL} */
  public HttpUrl tokenUrl() {
    return url(TOKEN_PATH);
  }

  /** {@return a matcher of customer reads: {@code GetCustomer}} */
  public static Predicate<RecordedRequest> readCalls() {
    return r -> r.getUrl().encodedPath().endsWith("/CustomerService.svc/rest/GetCustomer");
  }

  /**
   * Matches every customer write, {@code UpdateCustomer3} and the obsolete {@code UpdateCustomer},
   * for {@link FaultScript#next(Predicate, Fault)} and {@link RequestJournal#countMatching}.
   *
   * @return a matcher of customer writes
   */
  public static Predicate<RecordedRequest> writeCalls() {
    return r -> r.getUrl().encodedPath().endsWith("/CustomerService.svc/rest/UpdateCustomer")
        || r.getUrl().encodedPath().endsWith("/CustomerService.svc/rest/UpdateCustomer3");
  }

  /** {@return a matcher of finds: {@code GetCustomerByEmail} and {@code GetCustomerByCode}} */
  public static Predicate<RecordedRequest> findCalls() {
    return r -> r.getUrl().encodedPath().endsWith("/CustomerService.svc/rest/GetCustomerByEmail")
        || r.getUrl().encodedPath().endsWith("/CustomerService.svc/rest/GetCustomerByCode");
  }

  /** {@return a matcher of every create: CreateCustomer3 and the obsolete, mailing CreateCustomer and CreateCustomer2} */
  public static Predicate<RecordedRequest> createCalls() {
    return r -> {
      String path = r.getUrl().encodedPath();
      return path.startsWith(SERVICE) && CREATES.contains(path.substring(path.lastIndexOf('/') + 1));
    };
  }

  /**
   * Matches every customer write, {@code UpdateCustomer3} and the obsolete {@code UpdateCustomer}.
   *
   * @return a matcher of customer writes
   * @deprecated use {@link #writeCalls()}, named alike on every fake
   */
  @Deprecated
  public static Predicate<RecordedRequest> updateCustomerCalls() {
    return writeCalls();
  }


  /** {@return a matcher of {@code UpdateCustomer3} calls only} */
  public static Predicate<RecordedRequest> updateCustomer3Calls() {
    return r -> r.getUrl().encodedPath().endsWith("/CustomerService.svc/rest/UpdateCustomer3");
  }

  /**
   * Matches every customer create.
   *
   * @return a matcher of creates
   * @deprecated use {@link #createCalls()}, named alike on every fake
   */
  @Deprecated
  public static Predicate<RecordedRequest> createCustomerCalls() {
    return createCalls();
  }


  /**
   * Matches GetCustomerByEmail and GetCustomerByCode calls.
   *
   * @return a matcher of finds
   * @deprecated use {@link #findCalls()}, named alike on every fake
   */
  @Deprecated
  public static Predicate<RecordedRequest> findCustomerCalls() {
    return findCalls();
  }


  /**
   * Matches GetCustomer calls.
   *
   * @return a matcher of customer reads
   * @deprecated use {@link #readCalls()}, named alike on every fake
   */
  @Deprecated
  public static Predicate<RecordedRequest> getCustomerCalls() {
    return readCalls();
  }


  /** {@return a matcher of token requests} */
  public static Predicate<RecordedRequest> tokenCalls() {
    return r -> r.getUrl().encodedPath().equals(TOKEN_PATH);
  }

  /** {@return a matcher of every API call (everything but token requests)} */
  public static Predicate<RecordedRequest> apiCalls() {
    return tokenCalls().negate();
  }

  /**
   * A GetCustomer answer of 200 with {@code {}}: a customer that names no one, which a client must
   * never merge into and write back. Use with {@code faults().next(readCalls(), …)}.
   *
   * @return the fault
   */
  public static Fault noCustomerAnswer() {
    return customerAnswer("{}");
  }

  /**
   * A GetCustomer answer of 200 with {@code customerJson} as the body, e.g. another customer than
   * the one asked for. Use with {@code faults().next(readCalls(), …)}.
   *
   * @param customerJson the answer's body, a customer as Storm JSON
   * @return the fault
   */
  public static Fault customerAnswer(String customerJson) {
    return Fault.status(200, "application/json; charset=utf-8", customerJson);
  }

  // ---- state ---------------------------------------------------------------------------------

  /**
   * Stores a customer given as Storm JSON; an {@code Id} is assigned when it has none, and
   * companies, addresses and an account get ids too.
   *
   * @param customerJson the customer as Storm JSON text
   * @return the customer's id
   */
  public int seedCustomer(String customerJson) {
    try {
      JsonNode node = json.readTree(customerJson);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("a customer must be a JSON object");
      }
      return seedCustomer((ObjectNode) node);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Stores a copy of {@code customer}; see {@link #seedCustomer(String)}. Date strings are kept as
   * given, so WCF dates with and without offset ({@code /Date(ms)/}) can be seeded.
   *
   * @param customer the customer as Storm JSON; copied
   * @return the customer's id
   */
  public int seedCustomer(ObjectNode customer) {
    ObjectNode c = customer.deepCopy();
    synchronized (lock) {
      reserveIds(c);
      int id = c.path("Id").isInt() ? c.get("Id").asInt() : nextId++;
      c.put("Id", id);
      if (!c.hasNonNull("Key")) {
        c.put("Key", UUID.randomUUID().toString());
      }
      if (!c.hasNonNull("Created")) {
        c.put("Created", wcfNow());
      }
      if (!c.hasNonNull("Updated")) {
        c.put("Updated", wcfNow());
      }
      assignIds(c);
      FakeStormSchema.learn(c, seededMembers);
      customers.put(id, c);
      return id;
    }
  }

  /**
   * Stores a neutral customer as Storm would hold it ({@code Companies[0]} for the company, {@code
   * Info} entries for the custom fields, {@code IsActive} true unless {@code active} says otherwise)
   * under a new id; its company and addresses get new ids too.
   *
   * @param customer the customer; fields Storm cannot hold are refused
   * @return the new customer's id
   * @throws IllegalArgumentException naming a field Storm cannot hold
   */
  public int seed(Customer customer) {
    return seedCustomer(NeutralCustomerJson.storm(customer));
  }

  /**
   * Stores a customer given as Storm JSON; the same as {@link #seedCustomer(String)}, named alike
   * on every fake.
   *
   * @param customerJson the customer as Storm JSON text
   * @return the customer's id
   */
  public int seed(String customerJson) {
    return seedCustomer(customerJson);
  }

  /**
   * Stores {@code customerJson} exactly as given: nothing is added (no {@code Key}, dates or ids),
   * and numbers, date strings, nulls, empty lists and unknown members are answered back as written.
   * Its integer {@code Id} is required; ids the fake hands out later never collide with it or with
   * the ids of its companies, addresses and account.
   *
   * @param customerJson the customer as Storm JSON text, with an integer {@code Id}
   * @return the customer's id
   */
  public int seedCustomerExactly(String customerJson) {
    JsonNode node;
    try {
      node = json.readTree(customerJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject() || !node.path("Id").isInt()) {
      throw new IllegalArgumentException("a customer must be a JSON object with an integer Id");
    }
    ObjectNode c = (ObjectNode) node;
    synchronized (lock) {
      reserveIds(c);
      int id = c.get("Id").asInt();
      FakeStormSchema.learn(c, seededMembers);
      customers.put(id, c);
      return id;
    }
  }

  /**
   * Stores a simple active customer, for tests that need one.
   *
   * @param firstName the customer's {@code FirstName}
   * @param lastName the customer's {@code LastName}
   * @param email the customer's {@code Email}
   * @return the customer's id
   */
  public int seedCustomer(String firstName, String lastName, String email) {
    ObjectNode c = json.createObjectNode();
    c.put("FirstName", firstName).put("LastName", lastName).put("Email", email).put("IsActive", true);
    return seedCustomer(c);
  }

  /**
   * Two demo customers: 1001 Ada Lovelace, with a company, flags, info fields, price lists, an
   * account and addresses; 1002 Grace Hopper with nothing but names and e-mail.
   *
   * @return this fake
   */
  public FakeStorm seedDemoCustomers() {
    seedCustomer("""
        {"Id": 1001, "Code": "ERP-1001", "Email": "ada@example.com", "SSN": "19151210-1234",
         "FirstName": "Ada", "LastName": "Lovelace", "Phone": "+46 8 123 45", "CellPhone": "+46 70 123 45 67",
         "ReferId": 77, "ReferUrl": "https://partner.example.com/", "CrmId": "CRM-1",
         "IsActive": true, "UseInvoiceAddressAsDeliveryAddress": false,
         "Account": {"Id": 7001, "Key": "7b0c7f4e-1a47-4c36-9d0a-4c1b3e1f0001", "LoginName": "ada@example.com",
                     "Name": "Ada Lovelace", "Roles": [1, 3], "Authorizations": [{"Id": 1, "Value": "buy", "Code": "Purchase"}],
                     "IsActive": true},
         "Companies": [{"Id": 501, "Key": "b3c5e1f0-5f58-4bd4-8c7b-2a5e1a7f0501", "Code": "C-501",
                        "Name": "Analytical Engines AB", "OrgNo": "556677-8899", "VatNo": "SE556677889901",
                        "Phone": "+46 8 555 00", "Email": "billing@engines.example.com",
                        "Flags": [{"Id": 3, "Name": "Key account", "Group": 1, "IsSelected": true}],
                        "PricelistIds": [12], "DeliveryMethodIds": [1, 2], "PaymentMethodIds": [4]}],
         "InvoiceAddress": {"Id": 9001, "Line1": "Storgatan 1", "Zip": "111 22", "City": "Stockholm",
                            "CountryId": 1, "Country": "SE", "IsValidated": true},
         "DeliveryAddresses": [{"Id": 9002, "CareOf": "Reception", "Line1": "Hamngatan 2", "Zip": "111 47",
                                "City": "Stockholm", "CountryId": 1, "Country": "SE"}],
         "Flags": [{"Id": 1, "Name": "Newsletter", "Group": 2, "IsSelected": true},
                   {"Id": 2, "Name": "VIP", "Group": 2, "IsSelected": false}],
         "Info": [{"Id": 10, "Code": "ShoeSize", "Value": "38"}, {"Id": 11, "Code": "Segment", "Value": "B2B"}],
         "PricelistIds": [12, 14]}
        """);
    seedCustomer("""
        {"Id": 1002, "Email": "grace@example.com", "FirstName": "Grace", "LastName": "Hopper", "IsActive": true}
        """);
    return this;
  }

  /**
   * Looks up a stored customer.
   *
   * @param id the customer's {@code Id}
   * @return a copy of the stored customer, as Storm would answer it, or empty when there is none
   */
  public Optional<ObjectNode> customer(int id) {
    synchronized (lock) {
      ObjectNode c = customers.get(id);
      return Optional.ofNullable(c == null ? null : c.deepCopy());
    }
  }

  /** {@return how many customers are stored} */
  public int customerCount() {
    synchronized (lock) {
      return customers.size();
    }
  }

  /** {@return how many token requests were received so far, refused ones included} */
  public long tokenRequests() {
    return tokenRequests.get();
  }

  /** {@return how many UpdateCustomer3 and UpdateCustomer calls changed a customer} */
  public long updatesApplied() {
    return updatesApplied.get();
  }

  /** {@return how many customers CreateCustomer3, CreateCustomer and CreateCustomer2 created} */
  public long createdCount() {
    return customersCreated.get();
  }

  /**
   * How many mails Storm would have sent the customers: one per applied {@code UpdateCustomer}
   * (Storm's calls UpdateCustomer3 with {@code doSendMail=true}), {@code CreateCustomer} and {@code
   * CreateCustomer2}, and per applied {@code UpdateCustomer3} or {@code CreateCustomer3} with
   * {@code doSendMail=true}.
   *
   * @return the number of mails Storm would have sent
   */
  public long mailsSent() {
    return mailsSent.get();
  }

  /** Makes every issued token invalid, as when Storm's identity server rotates its keys. */
  public void revokeTokens() {
    synchronized (lock) {
      tokens.clear();
    }
  }

  // ---- dispatch ------------------------------------------------------------------------------

  @Override
  protected MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals(TOKEN_PATH)) {
      return "POST".equals(request.getMethod()) ? token(request) : status(405, "text/plain", "POST only");
    }
    if (!path.startsWith(SERVICE)) {
      return status(404, "text/html", "<html><body>Endpoint not found.</body></html>");
    }
    MockResponse refused = authenticate(request);
    if (refused != null) {
      return refused;
    }
    if (requireFormatJson && !"json".equalsIgnoreCase(request.getUrl().queryParameter("format"))) {
      return status(400, "application/xml; charset=utf-8", "<Fault><Reason>This fake Storm answers only "
          + "format=json calls: without it Storm may answer XML, and Storm's own REST clients always send it"
          + "</Reason></Fault>");
    }
    String operation = path.substring(SERVICE.length());
    if (operation.equals("GetCustomer") && "GET".equals(request.getMethod())) {
      return getCustomer(request);
    }
    if (operation.equals("UpdateCustomer3") && "POST".equals(request.getMethod())) {
      return updateCustomer(request, true);
    }
    if (operation.equals("UpdateCustomer") && "POST".equals(request.getMethod())) {
      return updateCustomer(request, false);
    }
    if (operation.equals("GetCustomerByEmail") && "GET".equals(request.getMethod())) {
      return getCustomerBy(request, "email", "Email", true);
    }
    if (operation.equals("GetCustomerByCode") && "GET".equals(request.getMethod())) {
      return getCustomerBy(request, "code", "Code", false);
    }
    if (CREATES.contains(operation) && "POST".equals(request.getMethod())) {
      return createCustomer(request, operation.equals("CreateCustomer3"));
    }
    if (operation.equals("GetCustomer") || operation.equals("UpdateCustomer") || operation.equals("UpdateCustomer3")
        || operation.equals("GetCustomerByEmail") || operation.equals("GetCustomerByCode") || CREATES.contains(operation)) {
      return status(405, "text/html", "<html><body>Method not allowed.</body></html>");
    }
    return status(404, "text/html", "<html><body>Endpoint not found.</body></html>");
  }

  private MockResponse token(RecordedRequest request) {
    tokenRequests.incrementAndGet();
    Instant now = clock.instant();
    synchronized (lock) {
      while (!tokenWindow.isEmpty() && !tokenWindow.peekFirst().isAfter(now.minusSeconds(60))) {
        tokenWindow.removeFirst();
      }
      if (tokenWindow.size() >= tokenRequestsPerMinute) {
        long wait = tokenWindow.isEmpty() ? 60
            : Math.max(1, Duration.between(now, tokenWindow.peekFirst().plusSeconds(60)).toSeconds());
        return new MockResponse.Builder().code(429).setHeader("Retry-After", Long.toString(wait))
            .setHeader("Content-Type", "application/json")
            .body("{\"error\":\"rate_limited\",\"error_description\":\"Too many token requests; at most "
                + tokenRequestsPerMinute + " a minute\"}")
            .build();
      }
      tokenWindow.addLast(now);
    }
    Map<String, String> form = form(request);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return oauthError("unsupported_grant_type", "only client_credentials is supported");
    }
    if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
      return oauthError("invalid_client", "unknown client or wrong secret");
    }
    String token;
    synchronized (lock) {
      token = "storm-at-" + (++tokenSerial) + "-" + UUID.randomUUID().toString().replace("-", "");
      tokens.put(token, now.plus(tokenLifetime));
    }
    ObjectNode body = json.createObjectNode()
        .put("access_token", token)
        .put("expires_in", tokenLifetime.toSeconds())
        .put("token_type", "Bearer");
    if (form.containsKey("scope")) {
      body.put("scope", form.get("scope"));
    }
    return okJson(body);
  }

  private MockResponse authenticate(RecordedRequest request) {
    String auth = request.getHeaders().get("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    boolean valid;
    synchronized (lock) {
      Instant expires = token == null ? null : tokens.get(token);
      valid = token != null && (staticTokens.contains(token) || expires != null && clock.instant().isBefore(expires));
    }
    if (!valid) {
      return new MockResponse.Builder().code(401)
          .setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
          .setHeader("Content-Type", "text/plain")
          .body("Unauthorized")
          .build();
    }
    if (!Integer.toString(applicationId).equals(request.getHeaders().get("ApplicationId"))) {
      return status(403, "text/plain", "ApplicationId header missing or not allowed for this client");
    }
    return null;
  }

  private MockResponse getCustomer(RecordedRequest request) {
    Integer id = intParam(request, "id");
    if (id == null) {
      return errorMessage(400, "The 'id' query parameter must be an integer", List.of());
    }
    Optional<ObjectNode> c = customer(id);
    return c.<MockResponse>map(this::okJson).orElseGet(() -> new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8").body("null").build());
  }

  /**
   * GetCustomerByEmail or GetCustomerByCode: the stored customer whose {@code property} equals the
   * parameter (ignoring case for e-mails), the lowest id when several do, or {@code null}. With
   * {@code includeCompanies=false} only the first (primary) company is answered.
   */
  private MockResponse getCustomerBy(RecordedRequest request, String parameter, String property, boolean ignoreCase) {
    String value = request.getUrl().queryParameter(parameter);
    if (value == null || value.isEmpty()) {
      return errorMessage(400, "The '" + parameter + "' query parameter is required", List.of());
    }
    String include = request.getUrl().queryParameter("includeCompanies");
    if (include != null && !"true".equalsIgnoreCase(include) && !"false".equalsIgnoreCase(include)) {
      return errorMessage(400, "The 'includeCompanies' query parameter must be 'true' or 'false'", List.of());
    }
    ObjectNode found = null;
    synchronized (lock) {
      for (ObjectNode c : customers.values()) {
        String held = c.path(property).isTextual() ? c.get(property).textValue() : null;
        if (held != null && (ignoreCase ? held.equalsIgnoreCase(value) : held.equals(value))) {
          found = c.deepCopy();
          break;
        }
      }
    }
    if (found == null) {
      return new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "application/json; charset=utf-8").body("null").build();
    }
    if ("false".equalsIgnoreCase(include) && found.get("Companies") instanceof ArrayNode companies) {
      while (companies.size() > 1) {
        companies.remove(companies.size() - 1);
      }
    }
    return okJson(found);
  }

  /**
   * UpdateCustomer3's and CreateCustomer3's {@code doSendMail}: a string-typed flag at Storm
   * (CustomerService4.xsd). What Storm does with a missing or other value is undocumented, so the
   * fake takes the stricter reading: null, which the caller refuses.
   */
  private static @Nullable Boolean sendMailFlag(RecordedRequest request) {
    String flag = request.getUrl().queryParameter("doSendMail");
    return "true".equalsIgnoreCase(flag) ? Boolean.TRUE : "false".equalsIgnoreCase(flag) ? Boolean.FALSE : null;
  }

  /** A write's Customer body, or the refusal Storm would answer instead. */
  private record CustomerBody(@Nullable ObjectNode customer, @Nullable MockResponse refusal) {}

  /** The checks every write of a Customer body passes: JSON content type, a JSON object, Storm's shape. */
  private CustomerBody customerBody(RecordedRequest request) {
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return new CustomerBody(null, status(415, "text/plain", "Content-Type must be application/json"));
    }
    JsonNode body;
    try {
      body = request.getBody() == null || request.getBody().size() == 0 ? null : json.readTree(request.getBody().utf8());
    } catch (IOException e) {
      return new CustomerBody(null, errorMessage(400, "The request body is not JSON: " + e.getMessage(), List.of()));
    }
    if (body == null || body.isNull()) {
      return new CustomerBody(null, errorMessage(400, null, List.of(entry("CustomerMissing", "The customer is missing"))));
    }
    if (!body.isObject()) {
      return new CustomerBody(null,
          errorMessage(400, "There was an error deserializing the object of type Customer", List.of()));
    }
    List<String> shape;
    synchronized (lock) {
      shape = FakeStormSchema.problems(body, seededMembers);
    }
    if (!shape.isEmpty()) {
      return new CustomerBody(null, errorMessage(400, "There was an error deserializing the object of type Customer: "
          + String.join("; ", shape), List.of()));
    }
    return new CustomerBody((ObjectNode) body, null);
  }

  /**
   * CreateCustomer3 ({@code version3}) or the obsolete CreateCustomer / CreateCustomer2, which Storm
   * documents as sending the registration mail. Storm lists no required properties for a create;
   * the fake takes its admin UI's: {@code Email} ({@code InvalidEmail}), {@code FirstName} and
   * {@code LastName} ({@code FirstNameMissing}, {@code LastNameMissing}: keys the fake invents).
   */
  private MockResponse createCustomer(RecordedRequest request, boolean version3) {
    boolean sendMail = true;
    if (version3) {
      Integer createdBy = intParam(request, "createdBy");
      if (createdBy == null || createdBy < 1) {
        return errorMessage(400, "The 'createdBy' query parameter is required and must be an account id", List.of());
      }
      Boolean flag = sendMailFlag(request);
      if (flag == null) {
        return errorMessage(400, "The 'doSendMail' query parameter must be 'true' or 'false'", List.of());
      }
      sendMail = flag;
    }
    CustomerBody parsed = customerBody(request);
    if (parsed.refusal() != null) {
      return parsed.refusal();
    }
    ObjectNode incoming = parsed.customer();
    // "Leave it blank, Storm generates the Id": what Storm does with one is undocumented, so it is refused.
    if (incoming.hasNonNull("Id")) {
      return errorMessage(400, "A new customer's Id must be left blank; Storm generates it", List.of());
    }
    synchronized (lock) {
      List<ObjectNode> keys = new ArrayList<>();
      if (incoming.path("Email").asText("").isBlank()) {
        keys.add(entry("InvalidEmail", "The email is missing"));
      }
      if (incoming.path("FirstName").asText("").isBlank()) {
        keys.add(entry("FirstNameMissing", "The first name is missing"));
      }
      if (incoming.path("LastName").asText("").isBlank()) {
        keys.add(entry("LastNameMissing", "The last name is missing"));
      }
      keys.addAll(validate(incoming, -1));
      if (!keys.isEmpty()) {
        return errorMessage(400, null, keys);
      }
      ObjectNode next = incoming.deepCopy();
      int id = nextId++;
      next.put("Id", id);
      next.put("Key", UUID.randomUUID().toString());
      next.put("Created", wcfNow());
      next.put("Updated", wcfNow());
      // Price lists are maintained elsewhere in Storm, as for an update.
      next.remove("PricelistIds");
      assignIds(next);
      customers.put(id, next);
      customersCreated.incrementAndGet();
      if (sendMail) {
        mailsSent.incrementAndGet();
      }
      return okJson(next.deepCopy());
    }
  }

  /**
   * UpdateCustomer3 ({@code version3}) or the obsolete UpdateCustomer, which Storm implements as
   * UpdateCustomer3 with an empty password and {@code doSendMail=true}.
   */
  private MockResponse updateCustomer(RecordedRequest request, boolean version3) {
    Integer updatedBy = intParam(request, "updatedBy");
    if (updatedBy == null || updatedBy < 1) {
      return errorMessage(400, "The 'updatedBy' query parameter is required and must be an account id", List.of());
    }
    boolean sendMail = true;
    if (version3) {
      Boolean flag = sendMailFlag(request);
      if (flag == null) {
        return errorMessage(400, "The 'doSendMail' query parameter must be 'true' or 'false'", List.of());
      }
      sendMail = flag;
    }
    CustomerBody parsed = customerBody(request);
    if (parsed.refusal() != null) {
      return parsed.refusal();
    }
    ObjectNode incoming = parsed.customer();
    synchronized (lock) {
      Integer id = incoming.path("Id").isInt() ? incoming.get("Id").asInt() : null;
      ObjectNode stored = id == null ? null : customers.get(id);
      if (stored == null) {
        return errorMessage(400, null, List.of(entry("CustomerMissing", "The customer is missing")));
      }
      List<ObjectNode> keys = validate(incoming, id);
      if (!keys.isEmpty()) {
        return errorMessage(400, null, keys);
      }
      ObjectNode next = keepOmittedProperties ? stored.deepCopy() : json.createObjectNode();
      incoming.properties().forEach(e -> next.set(e.getKey(), e.getValue().deepCopy()));
      next.put("Id", id);
      keepStored(next, stored, "Key");
      keepStored(next, stored, "Created");
      // PricelistIds are maintained elsewhere in Storm; a customer update does not change them.
      if (stored.has("PricelistIds")) {
        next.set("PricelistIds", stored.get("PricelistIds").deepCopy());
      } else {
        next.remove("PricelistIds");
      }
      next.put("Updated", wcfNow());
      assignIds(next);
      customers.put(id, next);
      updatesApplied.incrementAndGet();
      if (sendMail) {
        mailsSent.incrementAndGet();
      }
      return okJson(next.deepCopy());
    }
  }

  /** Storm's documented UpdateCustomer checks, every key that applies, in the page's order. */
  private List<ObjectNode> validate(ObjectNode c, int id) {
    List<ObjectNode> keys = new ArrayList<>();
    JsonNode account = c.get("Account");
    if (account != null && account.isObject() && !account.path("Id").isInt() && account.hasNonNull("LoginName")) {
      String login = account.get("LoginName").asText();
      boolean taken = customers.values().stream().anyMatch(o -> o.path("Account").path("LoginName").asText("")
          .equalsIgnoreCase(login));
      if (taken) {
        keys.add(entry("AccountAlreadyExists", "An account with login name '" + login + "' already exists"));
      }
    }
    JsonNode companies = c.get("Companies");
    if (companies != null && companies.isArray()) {
      for (JsonNode company : companies) {
        if (company.path("Name").asText("").isBlank()) {
          keys.add(entry("InvalidCompanyName", "Company name is missing"));
        } else if (!company.path("Id").isInt() && companyExists(company)) {
          keys.add(entry("CompanyAlreadyExists", "A company named '" + company.get("Name").asText()
              + "' with organization number '" + company.path("OrgNo").asText("") + "' already exists"));
        }
      }
    }
    String email = c.path("Email").asText("");
    if (!email.isEmpty()) {
      if (!EMAIL.matcher(email).matches()) {
        keys.add(entry("InvalidEmail", "The email '" + email + "' is not valid"));
      } else {
        boolean taken = customers.entrySet().stream().anyMatch(e -> e.getKey() != id
            && e.getValue().path("Email").asText("").equalsIgnoreCase(email));
        if (taken) {
          keys.add(entry("CustomerAlreadyExists", "A customer with the email '" + email + "' already exists"));
        }
      }
    }
    JsonNode delivery = c.get("DeliveryAddresses");
    if (delivery != null && delivery.isArray()) {
      for (JsonNode a : delivery) {
        addressKeys(keys, "DeliveryAddress", a);
      }
    }
    JsonNode invoice = c.get("InvoiceAddress");
    if (invoice != null && invoice.isObject()) {
      addressKeys(keys, "InvoiceAddress", invoice);
    }
    return keys;
  }

  private void addressKeys(List<ObjectNode> keys, String which, JsonNode a) {
    if (a.path("Zip").asText("").isBlank()) {
      keys.add(entry(which + "ZipMissing", which + " is missing a zip code"));
    }
    if (a.path("City").asText("").isBlank()) {
      keys.add(entry(which + "CityMissing", which + " is missing a city"));
    }
    if (a.path("Country").asText("").isBlank() && a.path("CountryId").asInt(0) <= 0) {
      keys.add(entry(which + "CountryMissing", which + " is missing a country"));
    }
  }

  private boolean companyExists(JsonNode company) {
    String name = company.get("Name").asText();
    String orgNo = company.path("OrgNo").asText("");
    for (ObjectNode c : customers.values()) {
      for (JsonNode existing : c.path("Companies")) {
        if (existing.path("Name").asText("").equalsIgnoreCase(name) && existing.path("OrgNo").asText("").equals(orgNo)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Storm keeps {@code name} as it holds it, whatever the request says. */
  private static void keepStored(ObjectNode next, ObjectNode stored, String name) {
    JsonNode held = stored.get(name);
    if (held == null) {
      next.remove(name);
    } else {
      next.set(name, held.deepCopy());
    }
  }

  /** Moves the id sequence past every id {@code c} carries, of any kind, so that ids handed out later are new. */
  private void reserveIds(ObjectNode c) {
    reserve(c.get("Id"));
    JsonNode account = c.get("Account");
    if (account != null) {
      reserve(account.get("Id"));
    }
    for (JsonNode company : c.path("Companies")) {
      reserve(company.get("Id"));
      reserveAddressIds(company);
    }
    reserveAddressIds(c);
  }

  private void reserveAddressIds(JsonNode owner) {
    JsonNode invoice = owner.get("InvoiceAddress");
    if (invoice != null) {
      reserve(invoice.get("Id"));
    }
    for (JsonNode a : owner.path("DeliveryAddresses")) {
      reserve(a.get("Id"));
    }
  }

  private void reserve(JsonNode id) {
    if (id != null && id.isInt()) {
      nextId = Math.max(nextId, id.asInt() + 1);
    }
  }

  /** Gives every company, address and account without an id a new one, as Storm creates them. */
  private void assignIds(ObjectNode c) {
    JsonNode account = c.get("Account");
    if (account instanceof ObjectNode a && !a.path("Id").isInt()) {
      a.put("Id", nextId++);
      if (!a.hasNonNull("Key")) {
        a.put("Key", UUID.randomUUID().toString());
      }
    }
    for (JsonNode company : c.path("Companies")) {
      if (company instanceof ObjectNode co) {
        if (!co.path("Id").isInt()) {
          co.put("Id", nextId++);
        }
        if (!co.hasNonNull("Key")) {
          co.put("Key", UUID.randomUUID().toString());
        }
        addressIds(co);
      }
    }
    addressIds(c);
  }

  private void addressIds(ObjectNode owner) {
    if (owner.get("InvoiceAddress") instanceof ObjectNode a && !a.path("Id").isInt()) {
      a.put("Id", nextId++);
    }
    for (JsonNode a : owner.path("DeliveryAddresses")) {
      if (a instanceof ObjectNode o && !o.path("Id").isInt()) {
        o.put("Id", nextId++);
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String wcfNow() {
    Instant now = clock.instant();
    int total = wireOffset.getTotalSeconds();
    int abs = Math.abs(total);
    return String.format("/Date(%d%c%02d%02d)/", now.toEpochMilli(), total < 0 ? '-' : '+', abs / 3600, (abs % 3600) / 60);
  }

  private ObjectNode entry(String key, String value) {
    return json.createObjectNode().put("Key", key).put("Value", value);
  }

  /** Storm's fault: {@code ErrorMessage {MessageId, Message, TimeStamp, Messages[{Key, Value}]}}. */
  private MockResponse errorMessage(int status, String message, List<ObjectNode> entries) {
    ObjectNode body = json.createObjectNode();
    body.put("MessageId", UUID.randomUUID().toString());
    body.put("Message", message != null ? message : entries.isEmpty() ? "Bad request" : entries.get(0).get("Value").asText());
    body.put("TimeStamp", wcfNow());
    ArrayNode list = body.putArray("Messages");
    entries.forEach(list::add);
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString()).build();
  }

  private MockResponse oauthError(String error, String description) {
    return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
        .body(json.createObjectNode().put("error", error).put("error_description", description).toString())
        .build();
  }

  private MockResponse okJson(JsonNode body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(LosslessJson.text(body)).build();
  }

  private static MockResponse status(int code, String contentType, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body).build();
  }

  private static Integer intParam(RecordedRequest request, String name) {
    String value = request.getUrl().queryParameter(name);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    if (request.getBody() == null) {
      return out;
    }
    for (String pair : request.getBody().utf8().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
