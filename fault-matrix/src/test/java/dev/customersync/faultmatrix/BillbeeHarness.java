package dev.customersync.faultmatrix;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.RateLimiter;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeVendorServer;
import dev.customersync.testkit.Fault;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/** Billbee: GET and PUT /api/v1/customers/{id} (PUT idempotent), API key + HTTP Basic, no tokens. */
final class BillbeeHarness implements VendorHarness {

  static final long CUSTOMER = 100000150176895L;
  private static final String[] API_KEYS = {"bb-key-A-44e1c0de-0000-4aaa-9bbb-000000000001",
      "bb-key-B-55f2d1ef-1111-4ccc-8ddd-000000000002"};
  private static final String[] USERS = {"shop-a@example.com", "shop-b@example.com"};
  private static final String[] PASSWORDS = {"bb-api-password-A-Kx7", "bb-api-password-B-Vy8"};

  @Override
  public String name() {
    return "billbee";
  }

  @Override
  public FakeVendorServer startFake(int credentials) {
    // The client-side throttle is replaced by an unlimited one below, so the fake's is off too:
    // the matrix counts requests, and a throttle 429 would add some.
    FakeBillbee fake = new FakeBillbee(API_KEYS[credentials], USERS[credentials], PASSWORDS[credentials])
        .throttling(false).seedSample(CUSTOMER);
    return fake.start();
  }

  @Override
  public String apiBaseUrl(FakeVendorServer fake) {
    return fake.url("/").toString();
  }

  @Override
  public Client build(Setup s) {
    BillbeeClient client = BillbeeClient.builder()
        .baseUrl(s.apiBaseUrl())
        .apiKey(API_KEYS[s.credentials()])
        .username(USERS[s.credentials()])
        .apiPassword(PASSWORDS[s.credentials()])
        .rateLimiter(RateLimiter.unlimited())
        .okHttpClient(s.okHttp())
        .retryPolicy(s.retryPolicy())
        .timeouts(s.timeouts())
        .build();
    return new Client(client.customerUpdater(), client, client.toString());
  }

  @Override
  public AutoCloseable buildWithUrls(String apiBaseUrl, String tokenUrl, boolean allowInsecureHttp) {
    return BillbeeClient.builder().baseUrl(apiBaseUrl).apiKey(API_KEYS[0]).username(USERS[0])
        .apiPassword(PASSWORDS[0]).allowInsecureHttp(allowInsecureHttp).build();
  }

  @Override
  public String customerId() {
    return Long.toString(CUSTOMER);
  }

  @Override
  public Predicate<RecordedRequest> reads() {
    return r -> r.getMethod().equals("GET") && r.getUrl().encodedPath().startsWith("/api/v1/customers/");
  }

  @Override
  public Predicate<RecordedRequest> writes() {
    return r -> r.getMethod().equals("PUT") && r.getUrl().encodedPath().startsWith("/api/v1/customers/");
  }

  @Override
  public Predicate<RecordedRequest> tokenCalls() {
    return r -> false;
  }

  @Override
  public boolean writeIdempotent() {
    return true;
  }

  @Override
  public boolean hasTokens() {
    return false;
  }

  @Override
  public void expireTokens(FakeVendorServer fake) {
    throw new UnsupportedOperationException("Billbee has no tokens");
  }

  @Override
  public String errorBody() {
    return "{\"Paging\":null,\"ErrorMessage\":\"the matrix says no\",\"ErrorCode\":11,\"ErrorDescription\":\"InvalidData\",\"Data\":null}";
  }

  @Override
  public String errorCode() {
    return "InvalidData";
  }

  @Override
  public boolean carriesCredentials(RecordedRequest request, int credentials) {
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        (USERS[credentials] + ":" + PASSWORDS[credentials]).getBytes(StandardCharsets.UTF_8));
    return API_KEYS[credentials].equals(request.getHeaders().get("X-Billbee-Api-Key"))
        && basic.equals(request.getHeaders().get("Authorization"));
  }

  @Override
  public List<String> secrets(int credentials) {
    return List.of(API_KEYS[credentials], PASSWORDS[credentials],
        Base64.getEncoder().encodeToString((USERS[credentials] + ":" + PASSWORDS[credentials]).getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String storedName(FakeVendorServer fake) {
    return ((FakeBillbee) fake).customer(CUSTOMER).orElseThrow().path("Name").asText();
  }

  @Override
  public Map<String, String> exactFields() {
    return Map.of("email", "/Email", "vatId", "/VatId");
  }

  @Override
  public String toString() {
    return name();
  }

  /** A read answered with a success envelope whose {@code Data} is {@code {}}: it names no customer. */
  /** Billbee's fixtures write date-times without an offset; its swagger says RFC 3339 (with Z or an offset). */
  @Override
  public DatedRead readWithEveryDateForm() {
    com.fasterxml.jackson.databind.node.ObjectNode data = FakeBillbee.sampleCustomer(CUSTOMER,
        FakeBillbee.DateForm.WITHOUT_OFFSET);
    data.put("LastOrderAt", "2022-07-16T09:56:01.903");
    data.put("CreatedAt", "2022-07-16T09:56:01Z");
    data.put("ChangedAt", "2022-07-16T11:56:01.9030000+02:00");
    return new DatedRead(FakeBillbee.envelopeWithData(data),
        List.of("2022-07-16T09:56:01.903", "2022-07-16T09:56:01Z", "2022-07-16T11:56:01.9030000+02:00"));
  }

  @Override
  public Fault readNamingNoCustomer() {
    return FakeBillbee.envelopeNamingNoCustomer();
  }

  /** A success envelope carrying the sample customer of the next id. */
  @Override
  public Fault readNamingAnotherCustomer() {
    return FakeBillbee.envelopeWithData(FakeBillbee.sampleCustomer(CUSTOMER + 1));
  }

  /** Billbee's customer PUT sends no mail and creates nothing the caller did not send. */
  @Override
  public long sideEffects(FakeVendorServer fake) {
    return 0;
  }
}
