package dev.customersync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.ClientSettings;
import dev.customersync.core.Customer;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.json.WcfDate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A stateful fake of Billbee's customer API ({@code GET} and {@code PUT /api/v1/customers/{id}},
 * the list {@code GET /api/v1/customers?page=&pageSize=} and the create {@code POST
 * /api/v1/customers}) for tests and demos. It checks the wire independently of the SDK, on Jackson trees:
 *
 * <ul>
 *   <li>every request must carry {@code X-Billbee-Api-Key} and HTTP Basic with the configured user
 *       and API password, else 401 with ASP.NET's denial message;
 *   <li>Billbee's throttle: at most 2 calls per second per endpoint per key and user, 10 per key
 *       and user, 50 per key, counted over a sliding one-second window; beyond that 429, with
 *       {@code Retry-After: 1} or, as Billbee is reported to do at times, without ({@link
 *       #throttleRetryAfter(String)}). Whether GET and PUT of one route are one "endpoint" is
 *       unconfirmed, so by default they share one window (the stricter reading, {@link
 *       EndpointScope#ROUTE}); {@link #endpointScope} switches to one window per method;
 *   <li>answers come in Billbee's {@code ApiResult} envelope; an id that is not an int64 or a body
 *       that is not a customer gets an ASP.NET model-state 400; a property name cased differently
 *       from Billbee's (e.g. {@code name} for {@code Name}) is refused the same way, so casing bugs
 *       show up in tests;
 *   <li>PUT replaces the whole stored model with the body (as the real API is assumed to do), so a
 *       client that omits a property loses it here, visibly; only {@code Id}, {@code ArchivedAt}
 *       and {@code RestoredAt} stay under the server's control. A PUT to an archived customer gets
 *       an error envelope with HTTP 200 ({@code ErrorCode} 11, InvalidData).
 *   <li>Customers are stored and answered exactly ({@link LosslessJson}): properties the fake does
 *       not model, at every level, number forms such as {@code 1.50}, and date strings in whatever
 *       form they were seeded or sent ({@link DateForm}) come back as they went in.
 * </ul>
 *
 * <p>The list answers in ascending {@code Id} order with a correct {@code Paging} block ({@code
 * page} default 1, {@code pageSize} default 50; a {@code pageSize} outside 1…250 or a {@code page}
 * below 1 gets a model-state 400, the stricter reading of "values between 1 and 250"). Archived
 * customers are listed unless {@link #listsArchivedCustomers(boolean)} says otherwise (whether
 * Billbee lists them is unconfirmed; listing them is the stricter reading for a client's index,
 * since they can then make a key ambiguous). The list is its own throttle endpoint.
 *
 * <p>A create stores the body as a new customer with the next id above every id seeded or created
 * (never colliding), answers it in an envelope, and is counted ({@link #createdCount()}, {@link
 * #createdIds()}); it sends no mail (the fake has none, nor has Billbee for this call). Where
 * Billbee is unconfirmed the fake is strict: a create without {@code Address} gets a model-state
 * 400 (both official SDKs always send one), and so does one whose {@code Id} is set (Billbee
 * documents {@code Id} in the create model, but whether a client may choose it is unconfirmed).
 *
 * <p>Unknown customers answer 404 with an error envelope. Faults ({@link #faults()}) and the helpers
 * {@link #envelopeError}, {@link #modelStateError} inject failures. Where Billbee's behaviour is
 * undocumented (the 404 and archived answers, the 429 body) the fake's choice is an assumption.
 * Thread-safe.
 */
public final class FakeBillbee extends FakeVendorServer {

  /** The API key a no-argument fake accepts. */
  public static final String DEFAULT_API_KEY = "fake-billbee-api-key-0001";
  /** The user a no-argument fake accepts. */
  public static final String DEFAULT_USERNAME = "shop@example.com";
  /** The API password a no-argument fake accepts. */
  public static final String DEFAULT_API_PASSWORD = "fake-billbee-api-password";

  /** The route of one customer. */
  public static final String CUSTOMER_ROUTE = "/api/v1/customers/{id}";

  /** The route of the list and the create. */
  public static final String CUSTOMERS_ROUTE = "/api/v1/customers";

  /** The properties of Billbee's CustomerAddressApiModel, cased as Billbee cases them. */
  public static final Set<String> ADDRESS_PROPERTIES = Set.of("Id", "AddressType", "CustomerId", "Company", "FirstName",
      "LastName", "Name2", "Street", "Housenumber", "Zip", "City", "State", "CountryCode", "Email", "Tel1", "Tel2", "Fax",
      "AddressAddition");

  /** The properties of Billbee's CustomerApiModel, cased as Billbee cases them. */
  public static final Set<String> CUSTOMER_PROPERTIES = Set.of("Id", "Name", "Email", "Tel1", "Tel2", "Number",
      "PriceGroupId", "LanguageId", "VatId", "Type", "MetaData", "DefaultMailAddress", "DefaultCommercialMailAddress",
      "DefaultStatusUpdatesMailAddress", "DefaultPhone1", "DefaultPhone2", "DefaultFax", "ArchivedAt", "RestoredAt");

  /** The properties of a meta-data entry ({@code MetaData[]} and the {@code Default*} ones). */
  public static final Set<String> META_PROPERTIES = Set.of("Id", "TypeId", "TypeName", "SubType", "Value");

  private static final Set<String> META_OBJECTS = Set.of("DefaultMailAddress", "DefaultCommercialMailAddress",
      "DefaultStatusUpdatesMailAddress", "DefaultPhone1", "DefaultPhone2", "DefaultFax");
  private static final String JSON = "application/json; charset=utf-8";
  private static final long SECOND = 1_000_000_000L;

  private final String apiKey;
  private final String username;
  private final String apiPassword;
  private final ConcurrentMap<Long, ObjectNode> customers = new ConcurrentHashMap<>();
  private final ConcurrentMap<Long, ObjectNode> addresses = new ConcurrentHashMap<>();
  private final List<Long> created = new CopyOnWriteArrayList<>();
  private final Object idLock = new Object();
  private long highestId;
  private volatile boolean listsArchived = true;
  private final Map<String, Deque<Long>> windows = new HashMap<>();
  private final AtomicInteger throttledCount = new AtomicInteger();
  private volatile LongSupplier nanoClock = System::nanoTime;
  private volatile boolean throttling = true;
  private volatile int perEndpointPerSecond = 2;
  private volatile int perKeyAndUserPerSecond = 10;
  private volatile int perKeyPerSecond = 50;
  private volatile String throttleRetryAfter = "1";
  private volatile EndpointScope endpointScope = EndpointScope.ROUTE;

  /**
   * What the per-endpoint throttle counts as one endpoint. Billbee's docs say "2 calls/s per
   * endpoint" without defining an endpoint.
   */
  public enum EndpointScope {
    /** GET and PUT of one route share one window: the stricter reading, and the default. */
    ROUTE,
    /** Each method of a route has its own window. */
    METHOD_AND_ROUTE
  }

  /** The forms Billbee's date-times come in. */
  public enum DateForm {
    /** Without an offset, with milliseconds, as in Billbee's own fixtures: {@code 2022-07-16T09:56:01.903}. */
    WITHOUT_OFFSET(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")),
    /** UTC with {@code Z}: {@code 2022-07-22T00:00:00Z}. */
    UTC_Z(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")),
    /** With a numeric offset, as Billbee's docs show: {@code 2022-07-22T00:00:00+00:00}. */
    WITH_OFFSET(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"));

    private final DateTimeFormatter format;

    DateForm(DateTimeFormatter format) {
      this.format = format;
    }

    /**
     * {@code at} in this form: {@link #WITHOUT_OFFSET} and {@link #UTC_Z} give its UTC time,
     * {@link #WITH_OFFSET} keeps its own offset.
     *
     * @param at the instant to write
     * @return {@code at} as a date string in this form
     */
    public String format(OffsetDateTime at) {
      return format.format(this == WITH_OFFSET ? at : at.withOffsetSameInstant(ZoneOffset.UTC));
    }
  }

  /** A fake accepting {@link #DEFAULT_API_KEY}, {@link #DEFAULT_USERNAME}, {@link #DEFAULT_API_PASSWORD}. */
  public FakeBillbee() {
    this(DEFAULT_API_KEY, DEFAULT_USERNAME, DEFAULT_API_PASSWORD);
  }

  /**
   * A fake accepting exactly these credentials.
   *
   * @param apiKey the developer API key expected in {@code X-Billbee-Api-Key}
   * @param username the user name expected in HTTP Basic
   * @param apiPassword the API password expected in HTTP Basic
   */
  public FakeBillbee(String apiKey, String username, String apiPassword) {
    this.apiKey = Objects.requireNonNull(apiKey);
    this.username = Objects.requireNonNull(username);
    this.apiPassword = Objects.requireNonNull(apiPassword);
  }

  /**
   * The credentials a fake accepts. {@link #toString()} masks the API key and password.
   *
   * @param apiKey the developer API key, sent as {@code X-Billbee-Api-Key}
   * @param username the Billbee user of HTTP Basic
   * @param apiPassword the user's API password
   */
  public record Credentials(String apiKey, String username, String apiPassword) {
    @Override
    public String toString() {
      return "Credentials[apiKey=****, username=" + username + ", apiPassword=****]";
    }
  }

  @Override
  public FakeBillbee start() {
    super.start();
    return this;
  }

  /** {@return the base URL to give a client, e.g. {@code http://127.0.0.1:41234/}; starts the fake} */
  public HttpUrl baseUrl() {
    return url("/");
  }

  /** {@return the credentials this fake accepts} */
  public Credentials credentials() {
    return new Credentials(apiKey, username, apiPassword);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code baseUrl}, {@code apiKey}, {@code username}, {@code apiPassword}; and {@code
   * rateLimiter=unlimited} while the throttle is off ({@link #relaxed()}), since a client spacing
   * its calls for a throttle that is not there only makes the test slow.
   */
  @Override
  public ClientSettings clientSettings() {
    ClientSettings.Builder b = ClientSettings.builder("billbee")
        .put("baseUrl", baseUrl().toString())
        .putSecret("apiKey", apiKey)
        .put("username", username)
        .putSecret("apiPassword", apiPassword);
    if (!throttling) {
      b.put("rateLimiter", "unlimited");
    }
    return b.build();
  }

  /**
   * Switches the throttle off ({@link #throttling(boolean)}); {@link #clientSettings()} then also
   * turns the client's own limiter off.
   *
   * @return this fake
   */
  @Override
  public FakeBillbee relaxed() {
    return throttling(false);
  }

  // ---- request matchers, named alike on every fake ----

  /** {@return a matcher of customer reads: {@code GET /api/v1/customers/{id}}} */
  public static Predicate<RecordedRequest> readCalls() {
    return r -> r.getMethod().equals("GET") && isCustomerPath(r);
  }

  /** {@return a matcher of customer writes: {@code PUT /api/v1/customers/{id}}} */
  public static Predicate<RecordedRequest> writeCalls() {
    return r -> r.getMethod().equals("PUT") && isCustomerPath(r);
  }

  /** {@return a matcher of list page reads, which is how Billbee finds a customer: {@code GET /api/v1/customers}} */
  public static Predicate<RecordedRequest> findCalls() {
    return r -> r.getMethod().equals("GET") && r.getUrl().encodedPath().equals(CUSTOMERS_ROUTE);
  }

  /** {@return a matcher of creates: {@code POST /api/v1/customers}} */
  public static Predicate<RecordedRequest> createCalls() {
    return r -> r.getMethod().equals("POST") && r.getUrl().encodedPath().equals(CUSTOMERS_ROUTE);
  }

  private static boolean isCustomerPath(RecordedRequest r) {
    List<String> s = r.getUrl().pathSegments();
    return s.size() == 4 && s.get(0).equals("api") && s.get(1).equals("v1") && s.get(2).equals("customers");
  }

  // ---- seeding and inspection ----

  /**
   * Stores {@code customer} (a CustomerApiModel with an {@code Id}) as Billbee would hold it.
   *
   * @param customer the customer as JSON, with a numeric {@code Id}; copied
   * @return this fake
   */
  public FakeBillbee seed(JsonNode customer) {
    if (!customer.isObject() || !customer.path("Id").canConvertToLong()) {
      throw new IllegalArgumentException("a seeded customer must be an object with a numeric Id");
    }
    long id = customer.get("Id").longValue();
    synchronized (idLock) {
      reserveIds(customer);
    }
    customers.put(id, customer.deepCopy());
    return this;
  }

  /**
   * Stores a neutral customer as Billbee would hold it (one {@code Name}: the company's, as a
   * business customer, or "first last"; {@code Tel1}/{@code Tel2} the phones; {@code Number} a
   * numeric external code) under a new id.
   *
   * @param customer the customer; fields Billbee cannot hold are refused
   * @return the new customer's {@code Id}
   * @throws IllegalArgumentException naming a field Billbee cannot hold
   */
  public long seed(Customer customer) {
    return seedNew(NeutralCustomerJson.billbee(customer));
  }

  /**
   * Stores a CustomerApiModel given as JSON text under a new id (any {@code Id} in it is replaced);
   * every other property and value is kept exactly as written.
   *
   * @param customerJson a CustomerApiModel as JSON text
   * @return the new customer's {@code Id}
   */
  public long seed(String customerJson) {
    return seedNew((ObjectNode) parse(customerJson));
  }

  private long seedNew(ObjectNode node) {
    long id;
    synchronized (idLock) {
      node.remove("Id");
      reserveIds(node);
      id = ++highestId;
    }
    node.put("Id", id);
    return seed(node).customer(id).map(c -> id).orElseThrow();
  }

  /** Moves the id sequence past every {@code Id} in {@code node}, of any kind (customer, meta data, address). */
  private void reserveIds(JsonNode node) {
    if (node.isObject()) {
      JsonNode id = node.get("Id");
      if (id != null && id.canConvertToLong() && id.isIntegralNumber()) {
        highestId = Math.max(highestId, id.longValue());
      }
    }
    node.forEach(this::reserveIds);
  }

  /**
   * Stores the customer in {@code json}, with its {@code Id} set to {@code id}; every property and
   * value is kept exactly as written there.
   *
   * @param id the customer's {@code Id}
   * @param json a CustomerApiModel as JSON text
   * @return this fake
   */
  public FakeBillbee seed(long id, String json) {
    ObjectNode node = (ObjectNode) parse(json);
    node.put("Id", id);
    return seed(node);
  }

  /**
   * Stores {@link #sampleCustomer(long)}.
   *
   * @param id the customer's {@code Id}
   * @return this fake
   */
  public FakeBillbee seedSample(long id) {
    return seed(sampleCustomer(id));
  }

  /**
   * A realistic customer with every property set: a price group, a language, e-mail and phone
   * meta data with their {@code Default*} entries, and {@code RestoredAt} from an earlier archive.
   *
   * @param id the customer's {@code Id}; the meta data ids are derived from it
   * @return the customer as a CustomerApiModel JSON object
   */
  public static ObjectNode sampleCustomer(long id) {
    return sampleCustomer(id, DateForm.WITH_OFFSET);
  }

  /**
   * {@link #sampleCustomer(long)} with {@code RestoredAt} (2022-07-22T00:00:00 UTC) written in {@code dates}' form.
   *
   * @param id the customer's {@code Id}; the meta data ids are derived from it
   * @param dates the form to write {@code RestoredAt} in
   * @return the customer as a CustomerApiModel JSON object
   */
  public static ObjectNode sampleCustomer(long id, DateForm dates) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode c = f.objectNode();
    c.put("Id", id);
    c.put("Name", "Ada Lovelace");
    c.put("Email", "ada@example.com");
    c.put("Tel1", "+49 30 1234567");
    c.put("Tel2", "+49 170 7654321");
    c.put("Number", 4711);
    c.put("PriceGroupId", 100000000012345L);
    c.put("LanguageId", 1);
    c.put("VatId", "DE123456789");
    c.put("Type", 0);
    ObjectNode mail = meta(f, id * 10 + 1, 1, "E-Mail", "private", "ada@example.com");
    ObjectNode commercial = meta(f, id * 10 + 2, 1, "E-Mail", "commercial", "billing@example.com");
    ObjectNode phone1 = meta(f, id * 10 + 3, 2, "Telefon", "landline", "+49 30 1234567");
    ObjectNode phone2 = meta(f, id * 10 + 4, 2, "Telefon", "mobile", "+49 170 7654321");
    ArrayNode all = f.arrayNode().add(mail).add(commercial).add(phone1).add(phone2);
    c.set("MetaData", all);
    c.set("DefaultMailAddress", mail.deepCopy());
    c.set("DefaultCommercialMailAddress", commercial.deepCopy());
    c.set("DefaultStatusUpdatesMailAddress", mail.deepCopy());
    c.set("DefaultPhone1", phone1.deepCopy());
    c.set("DefaultPhone2", phone2.deepCopy());
    c.putNull("DefaultFax");
    c.putNull("ArchivedAt");
    c.put("RestoredAt", dates.format(OffsetDateTime.of(2022, 7, 22, 0, 0, 0, 0, ZoneOffset.UTC)));
    return c;
  }

  /**
   * Archives a stored customer, as Billbee's UI would; {@code ArchivedAt} is written with its offset.
   *
   * @param id the stored customer's {@code Id}
   * @param at when it was archived
   * @return this fake
   */
  public FakeBillbee archive(long id, OffsetDateTime at) {
    return archive(id, DateForm.WITH_OFFSET.format(at));
  }

  /**
   * Archives a stored customer with {@code ArchivedAt} exactly {@code at}, in any of Billbee's date forms.
   *
   * @param id the stored customer's {@code Id}
   * @param at the {@code ArchivedAt} text, a date Billbee could send
   * @return this fake
   */
  public FakeBillbee archive(long id, String at) {
    WcfDate.parse(at);
    ObjectNode c = customers.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no customer " + id);
    }
    synchronized (c) {
      c.put("ArchivedAt", at);
    }
    return this;
  }

  /**
   * Looks up a stored customer.
   *
   * @param id the customer's {@code Id}
   * @return a copy of the stored customer, or empty when there is none
   */
  public Optional<ObjectNode> customer(long id) {
    ObjectNode c = customers.get(id);
    if (c == null) {
      return Optional.empty();
    }
    synchronized (c) {
      return Optional.of(c.deepCopy());
    }
  }

  /** {@return how many customers were created through {@code POST /api/v1/customers}} */
  public int createdCount() {
    return created.size();
  }

  /** {@return the ids of the customers created through {@code POST /api/v1/customers}, in order} */
  public List<Long> createdIds() {
    return List.copyOf(created);
  }

  /**
   * The {@code Address} a customer was created with.
   *
   * @param id the created customer's {@code Id}
   * @return a copy of the address as sent (with {@code CustomerId} set), or empty when the customer
   *     was not created through the API
   */
  public Optional<ObjectNode> createdAddress(long id) {
    ObjectNode a = addresses.get(id);
    return a == null ? Optional.empty() : Optional.of(a.deepCopy());
  }

  /**
   * Whether the list includes archived customers; default true. Billbee does not document it.
   *
   * @param on true to list them, false to leave them out
   * @return this fake
   */
  public FakeBillbee listsArchivedCustomers(boolean on) {
    this.listsArchived = on;
    return this;
  }

  /** {@return how many customers are stored} */
  public int customerCount() {
    return customers.size();
  }

  // ---- throttle configuration ----

  /**
   * Switches the throttle on (default) or off.
   *
   * @param on true to answer calls over the limits with 429
   * @return this fake
   */
  public FakeBillbee throttling(boolean on) {
    this.throttling = on;
    return this;
  }

  /**
   * Sets the calls per second per endpoint, key and user before a 429; default 2.
   *
   * @param limit calls allowed in any one second, at least 1
   * @return this fake
   */
  public FakeBillbee perEndpointPerSecond(int limit) {
    this.perEndpointPerSecond = positive(limit);
    return this;
  }

  /**
   * Sets the calls per second per key and user; default 10.
   *
   * @param limit calls allowed in any one second, at least 1
   * @return this fake
   */
  public FakeBillbee perKeyAndUserPerSecond(int limit) {
    this.perKeyAndUserPerSecond = positive(limit);
    return this;
  }

  /**
   * Sets the calls per second per key; default 50.
   *
   * @param limit calls allowed in any one second, at least 1
   * @return this fake
   */
  public FakeBillbee perKeyPerSecond(int limit) {
    this.perKeyPerSecond = positive(limit);
    return this;
  }

  /**
   * What the per-endpoint limit counts as one endpoint; default {@link EndpointScope#ROUTE} (GET and
   * PUT of a customer share one window).
   *
   * @param scope what counts as one endpoint
   * @return this fake
   */
  public FakeBillbee endpointScope(EndpointScope scope) {
    this.endpointScope = Objects.requireNonNull(scope);
    return this;
  }

  /**
   * Sets the {@code Retry-After} value a throttled call gets; null sends none. Default {@code "1"}.
   *
   * @param retryAfter the header value, or null for none
   * @return this fake
   */
  public FakeBillbee throttleRetryAfter(String retryAfter) {
    this.throttleRetryAfter = retryAfter;
    return this;
  }

  /**
   * Sets the clock of the sliding windows, in nanoseconds; default {@link System#nanoTime()}.
   *
   * @param nanoClock a monotonic clock in nanoseconds
   * @return this fake
   */
  public FakeBillbee nanoClock(LongSupplier nanoClock) {
    this.nanoClock = Objects.requireNonNull(nanoClock);
    return this;
  }

  /** {@return how many calls were answered 429 by the throttle (scripted faults not counted)} */
  public int throttledCount() {
    return throttledCount.get();
  }

  // ---- fault helpers ----

  /**
   * An HTTP 200 whose envelope reports {@code errorCode} and {@code message}; the store is untouched.
   *
   * @param errorCode the envelope's {@code ErrorCode} and {@code ErrorDescription}
   * @param message the envelope's {@code ErrorMessage}
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault envelopeError(int errorCode, String message) {
    ObjectNode body = envelope(null);
    body.put("ErrorMessage", message);
    body.put("ErrorCode", errorCode);
    body.put("ErrorDescription", errorCode);
    return Fault.status(200, JSON, body.toString());
  }

  /**
   * An HTTP 200 success envelope carrying {@code data} as {@code Data}, in place of the fake's own
   * answer: a read that names another customer, or none ({@code null}); the store is untouched.
   *
   * @param data the envelope's {@code Data}; copied
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault envelopeWithData(JsonNode data) {
    return Fault.status(200, JSON, LosslessJson.text(envelope(data.deepCopy())));
  }

  /**
   * {@return a fault that answers a read with a success envelope whose {@code Data} is {@code {}}: it
   * names no customer}
   */
  public static Fault envelopeNamingNoCustomer() {
    return envelopeWithData(JsonNodeFactory.instance.objectNode());
  }

  /**
   * An ASP.NET model-state 400: {@code {"Message": message, "ModelState": {key: [messages]}}}.
   *
   * @param message the body's {@code Message}
   * @param modelState the messages for each property key, as {@code ModelState}
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault modelStateError(String message, Map<String, List<String>> modelState) {
    return Fault.status(400, JSON, modelState(message, modelState).toString());
  }

  // ---- the API ----

  @Override
  protected MockResponse handle(RecordedRequest request) {
    List<String> segments = request.getUrl().pathSegments();
    boolean customersRoute = segments.size() == 3 && segments.get(0).equals("api") && segments.get(1).equals("v1")
        && segments.get(2).equals("customers");
    if (customersRoute) {
      return customers(request);
    }
    boolean customerRoute = segments.size() == 4 && segments.get(0).equals("api") && segments.get(1).equals("v1")
        && segments.get(2).equals("customers");
    if (!customerRoute) {
      return json(404, messageBody("No HTTP resource was found that matches the request URI '" + request.getUrl() + "'."));
    }
    if (!authorized(request)) {
      return json(401, messageBody("Authorization has been denied for this request."));
    }
    if (throttled(endpointScope == EndpointScope.ROUTE ? CUSTOMER_ROUTE : request.getMethod() + " " + CUSTOMER_ROUTE)) {
      return throttledAnswer();
    }
    String rawId = segments.get(3);
    long id;
    try {
      id = Long.parseLong(rawId);
    } catch (NumberFormatException e) {
      return json(400, modelState("The request is invalid.",
          Map.of("id", List.of("The value '" + rawId + "' is not valid for Int64."))));
    }
    return switch (request.getMethod()) {
      case "GET" -> get(id);
      case "PUT" -> put(id, request);
      default -> json(405, messageBody("The requested resource does not support http method '" + request.getMethod() + "'."));
    };
  }

  private MockResponse customers(RecordedRequest request) {
    if (!authorized(request)) {
      return json(401, messageBody("Authorization has been denied for this request."));
    }
    if (throttled(endpointScope == EndpointScope.ROUTE ? CUSTOMERS_ROUTE : request.getMethod() + " " + CUSTOMERS_ROUTE)) {
      return throttledAnswer();
    }
    return switch (request.getMethod()) {
      case "GET" -> list(request);
      case "POST" -> create(request);
      default -> json(405, messageBody("The requested resource does not support http method '" + request.getMethod() + "'."));
    };
  }

  private MockResponse list(RecordedRequest request) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    int page = intParameter(request, "page", 1, problems);
    int pageSize = intParameter(request, "pageSize", 50, problems);
    if (problems.isEmpty() && page < 1) {
      problems.put("page", List.of("The page must be 1 or more."));
    }
    if (problems.isEmpty() && (pageSize < 1 || pageSize > 250)) {
      problems.put("pageSize", List.of("The pageSize must be between 1 and 250."));
    }
    if (!problems.isEmpty()) {
      return json(400, modelState("The request is invalid.", problems));
    }
    List<Long> ids = new ArrayList<>(new TreeSet<>(customers.keySet()));
    if (!listsArchived) {
      ids.removeIf(id -> {
        ObjectNode c = customers.get(id);
        synchronized (c) {
          return isArchived(c);
        }
      });
    }
    int rows = ids.size();
    int totalPages = (rows + pageSize - 1) / pageSize;
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long from = (long) (page - 1) * pageSize;
    for (long i = from; i < Math.min(rows, from + pageSize); i++) {
      customer(ids.get((int) i)).ifPresent(data::add);
    }
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    ObjectNode paging = e.putObject("Paging");
    paging.put("Page", page);
    paging.put("TotalPages", totalPages);
    paging.put("TotalRows", rows);
    paging.put("PageSize", pageSize);
    e.putNull("ErrorMessage");
    e.put("ErrorCode", 0);
    e.put("ErrorDescription", 0);
    e.set("Data", data);
    return json(200, e);
  }

  private static int intParameter(RecordedRequest request, String name, int fallback, Map<String, List<String>> problems) {
    String raw = request.getUrl().queryParameter(name);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      problems.put(name, List.of("The value '" + raw + "' is not valid for Int32."));
      return fallback;
    }
  }

  private MockResponse create(RecordedRequest request) {
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return json(415, messageBody("The request entity's media type '" + contentType + "' is not supported for this resource."));
    }
    JsonNode body;
    try {
      body = LosslessJson.read(request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      return json(400, modelState("The request is invalid.",
          Map.of("model", List.of("A CreateCustomerApiModel object is required."))));
    }
    ObjectNode model = ((ObjectNode) body).deepCopy();
    JsonNode address = model.remove("Address");
    Map<String, List<String>> problems = new LinkedHashMap<>();
    Set<String> known = new java.util.HashSet<>(CUSTOMER_PROPERTIES);
    known.add("Address");
    checkCasing((ObjectNode) body, known, "model.", problems);
    problems.putAll(checkCustomer(model, null));
    if (address == null || address.isNull()) {
      problems.put("model.Address", List.of("The Address field is required."));
    } else if (!address.isObject()) {
      problems.put("model.Address", List.of("Expected an object."));
    } else {
      checkCasing((ObjectNode) address, ADDRESS_PROPERTIES, "model.Address.", problems);
    }
    if (!problems.isEmpty()) {
      return json(400, modelState("The request is invalid.", problems));
    }
    long id;
    ObjectNode storedAddress = ((ObjectNode) address).deepCopy();
    synchronized (idLock) {
      reserveIds(model);
      reserveIds(storedAddress);
      id = ++highestId;
      // The address gets its id from the same sequence, so that no id means two things.
      if (!storedAddress.path("Id").isIntegralNumber()) {
        storedAddress.put("Id", ++highestId);
      }
    }
    for (String name : CUSTOMER_PROPERTIES) {
      if (!model.has(name)) {
        model.putNull(name);
      }
    }
    model.put("Id", id);
    model.putNull("ArchivedAt");
    model.putNull("RestoredAt");
    storedAddress.put("CustomerId", id);
    addresses.put(id, storedAddress);
    customers.put(id, model);
    created.add(id);
    return json(200, envelope(model.deepCopy()));
  }

  private MockResponse throttledAnswer() {
    throttledCount.incrementAndGet();
    MockResponse.Builder r = new MockResponse.Builder().code(429).setHeader("Content-Type", JSON)
        .body(messageBody("API rate limit exceeded").toString());
    if (throttleRetryAfter != null) {
      r.setHeader("Retry-After", throttleRetryAfter);
    }
    return r.build();
  }

  private MockResponse get(long id) {
    return customer(id).map(c -> json(200, envelope(c))).orElseGet(() -> notFound(id));
  }

  private MockResponse put(long id, RecordedRequest request) {
    ObjectNode stored = customers.get(id);
    if (stored == null) {
      return notFound(id);
    }
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return json(415, messageBody("The request entity's media type '" + contentType + "' is not supported for this resource."));
    }
    JsonNode body;
    try {
      body = LosslessJson.read(request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      return json(400, modelState("The request is invalid.", Map.of("model", List.of("A CustomerApiModel object is required."))));
    }
    Map<String, List<String>> problems = checkCustomer((ObjectNode) body, id);
    if (!problems.isEmpty()) {
      return json(400, modelState("The request is invalid.", problems));
    }
    synchronized (stored) {
      if (isArchived(stored)) {
        ObjectNode e = envelope(null);
        e.put("ErrorMessage", "The customer " + id + " is archived and can not be modified.");
        e.put("ErrorCode", 11);
        e.put("ErrorDescription", 11);
        return json(200, e);
      }
      ObjectNode replacement = ((ObjectNode) body).deepCopy();
      replacement.put("Id", id);
      serverControlled(replacement, stored, "ArchivedAt");
      serverControlled(replacement, stored, "RestoredAt");
      stored.removeAll();
      stored.setAll(replacement);
      return json(200, envelope(stored.deepCopy()));
    }
  }

  /** The stored value wins; a property the store lacks stays in the body only as null, where it was sent. */
  private static void serverControlled(ObjectNode replacement, ObjectNode stored, String name) {
    JsonNode kept = stored.get(name);
    if (kept != null) {
      replacement.set(name, kept.deepCopy());
    } else if (replacement.has(name)) {
      replacement.putNull(name);
    }
  }

  /** Checks a customer body; {@code id} null for a create, whose body must carry no {@code Id}. */
  private Map<String, List<String>> checkCustomer(ObjectNode body, Long id) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    checkCasing(body, CUSTOMER_PROPERTIES, "model.", problems);
    JsonNode bodyId = body.get("Id");
    if (id == null && bodyId != null && !bodyId.isNull()) {
      // Billbee documents Id in CreateCustomerApiModel; whether a client may choose it is unconfirmed.
      problems.put("model.Id", List.of("Id " + bodyId + " must not be set for a new customer."));
    } else if (id != null && bodyId != null && !bodyId.isNull() && (!bodyId.canConvertToLong() || bodyId.longValue() != id)) {
      problems.put("model.Id", List.of("Id " + bodyId + " does not match the id in the URL (" + id + ")."));
    }
    checkInteger(body, "Number", true, problems);
    checkInteger(body, "LanguageId", true, problems);
    checkInteger(body, "PriceGroupId", false, problems);
    checkInteger(body, "Type", true, problems);
    for (String name : META_OBJECTS) {
      JsonNode m = body.get(name);
      if (m != null && m.isObject()) {
        checkCasing((ObjectNode) m, META_PROPERTIES, "model." + name + ".", problems);
      } else if (m != null && !m.isNull()) {
        problems.put("model." + name, List.of("Expected an object."));
      }
    }
    JsonNode meta = body.get("MetaData");
    if (meta != null && meta.isArray()) {
      for (int i = 0; i < meta.size(); i++) {
        if (meta.get(i).isObject()) {
          checkCasing((ObjectNode) meta.get(i), META_PROPERTIES, "model.MetaData[" + i + "].", problems);
        } else {
          problems.put("model.MetaData[" + i + "]", List.of("Expected an object."));
        }
      }
    } else if (meta != null && !meta.isNull()) {
      problems.put("model.MetaData", List.of("Expected an array."));
    }
    return problems;
  }

  /** Billbee matches names exactly: a known name in another casing is a client bug worth failing on. */
  private static void checkCasing(ObjectNode node, Set<String> known, String prefix, Map<String, List<String>> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().ifPresent(k ->
            problems.put(prefix + name, List.of("Unknown property '" + name + "'; Billbee's name is '" + k + "'.")));
      }
    }
  }

  private static void checkInteger(ObjectNode body, String name, boolean int32, Map<String, List<String>> problems) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isIntegralNumber() || (int32 ? !v.canConvertToInt() : !v.canConvertToLong())) {
      problems.put("model." + name, List.of("The value " + v + " is not valid for " + (int32 ? "Int32" : "Int64") + "."));
    }
  }

  private boolean authorized(RecordedRequest request) {
    if (!apiKey.equals(request.getHeaders().get("X-Billbee-Api-Key"))) {
      return false;
    }
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0 && decoded.substring(0, colon).equals(username) && decoded.substring(colon + 1).equals(apiPassword);
  }

  private synchronized boolean throttled(String endpoint) {
    if (!throttling) {
      return false;
    }
    long now = nanoClock.getAsLong();
    String keyUser = apiKey + "\u0000" + username;
    String[] keys = {apiKey, keyUser, keyUser + "\u0000" + endpoint};
    int[] limits = {perKeyPerSecond, perKeyAndUserPerSecond, perEndpointPerSecond};
    for (int i = 0; i < keys.length; i++) {
      Deque<Long> w = windows.computeIfAbsent(keys[i], k -> new ArrayDeque<>());
      while (!w.isEmpty() && now - w.peekFirst() >= SECOND) {
        w.pollFirst();
      }
      if (w.size() >= limits[i]) {
        return true;
      }
    }
    for (String k : keys) {
      windows.get(k).addLast(now);
    }
    return false;
  }

  private MockResponse notFound(long id) {
    ObjectNode e = envelope(null);
    e.put("ErrorMessage", "Customer " + id + " not found.");
    return json(404, e);
  }

  private static boolean isArchived(ObjectNode c) {
    JsonNode archived = c.get("ArchivedAt");
    if (archived == null || archived.isNull() || archived.asText().isBlank()) {
      return false;
    }
    JsonNode restored = c.get("RestoredAt");
    if (restored == null || restored.isNull() || restored.asText().isBlank()) {
      return true;
    }
    // Billbee's dates may come without an offset; read as UTC, as the SDK reads them.
    return WcfDate.parse(restored.asText()).isBefore(WcfDate.parse(archived.asText()));
  }

  private static ObjectNode envelope(JsonNode data) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.putNull("ErrorMessage");
    e.put("ErrorCode", 0);
    e.put("ErrorDescription", 0);
    e.set("Data", data == null ? JsonNodeFactory.instance.nullNode() : data);
    return e;
  }

  private static ObjectNode messageBody(String message) {
    return JsonNodeFactory.instance.objectNode().put("Message", message);
  }

  private static ObjectNode modelState(String message, Map<String, List<String>> entries) {
    ObjectNode body = messageBody(message);
    ObjectNode state = body.putObject("ModelState");
    entries.forEach((k, v) -> {
      ArrayNode a = state.putArray(k);
      v.forEach(a::add);
    });
    return body;
  }

  private static ObjectNode meta(JsonNodeFactory f, long id, int typeId, String typeName, String subType, String value) {
    return f.objectNode().put("Id", id).put("TypeId", typeId).put("TypeName", typeName).put("SubType", subType)
        .put("Value", value);
  }

  private static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", JSON).body(LosslessJson.text(body)).build();
  }

  private static JsonNode parse(String json) {
    try {
      return LosslessJson.read(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static int positive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a limit must be at least 1, was " + limit);
    }
    return limit;
  }
}
