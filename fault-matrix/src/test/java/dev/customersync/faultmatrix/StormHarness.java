package dev.customersync.faultmatrix;

import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.Fault;
import dev.customersync.testkit.FakeVendorServer;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/**
 * Storm: GET GetCustomer, POST UpdateCustomer3 with doSendMail=false (NOT idempotent), OAuth2 client
 * credentials; every call with format=json, which the fake requires.
 */
final class StormHarness implements VendorHarness {

  private static final int[] APPLICATION_IDS = {1234, 5678};
  private static final String[] CLIENT_IDS = {"matrix-client-a", "matrix-client-b"};
  private static final String[] SECRETS = {"storm-secret-A-9f8e7d6c5b4a-Qp1", "storm-secret-B-1a2b3c4d5e6f-Lm2"};

  @Override
  public String name() {
    return "storm";
  }

  @Override
  public FakeVendorServer startFake(int credentials) {
    FakeStorm fake = new FakeStorm().applicationId(APPLICATION_IDS[credentials])
        .clientCredentials(CLIENT_IDS[credentials], SECRETS[credentials]);
    fake.seedDemoCustomers();
    fake.start();
    return fake;
  }

  @Override
  public String apiBaseUrl(FakeVendorServer fake) {
    return ((FakeStorm) fake).baseUrl().toString();
  }

  @Override
  public Client build(Setup s) {
    FakeStorm fake = (FakeStorm) s.fake();
    StormClient client = StormClient.builder()
        .baseUrl(s.apiBaseUrl())
        .applicationId(APPLICATION_IDS[s.credentials()])
        .clientCredentials(CLIENT_IDS[s.credentials()], SECRETS[s.credentials()], "lab")
        .tokenUrl(fake.tokenUrl().toString())
        .okHttpClient(s.okHttp())
        .retryPolicy(s.retryPolicy())
        .timeouts(s.timeouts())
        .build();
    return new Client(client.customerUpdater(), client, client.toString());
  }

  @Override
  public AutoCloseable buildWithUrls(String apiBaseUrl, String tokenUrl, boolean allowInsecureHttp) {
    StormClient.Builder b = StormClient.builder().baseUrl(apiBaseUrl).applicationId(APPLICATION_IDS[0])
        .clientCredentials(CLIENT_IDS[0], SECRETS[0], "lab").allowInsecureHttp(allowInsecureHttp);
    if (tokenUrl != null) {
      b.tokenUrl(tokenUrl);
    }
    return b.build();
  }

  @Override
  public String customerId() {
    return "1001";
  }

  @Override
  public Predicate<RecordedRequest> reads() {
    return FakeStorm.getCustomerCalls();
  }

  /** Every customer write: UpdateCustomer3, and the obsolete UpdateCustomer should the client ever send it. */
  @Override
  public Predicate<RecordedRequest> writes() {
    return FakeStorm.updateCustomerCalls();
  }

  @Override
  public Predicate<RecordedRequest> tokenCalls() {
    return FakeStorm.tokenCalls();
  }

  @Override
  public boolean writeIdempotent() {
    return false;
  }

  @Override
  public boolean hasTokens() {
    return true;
  }

  @Override
  public boolean refreshesTokenOn403() {
    return true;
  }

  @Override
  public void expireTokens(FakeVendorServer fake) {
    ((FakeStorm) fake).revokeTokens();
  }

  @Override
  public String errorBody() {
    return "{\"MessageId\":\"6a1f\",\"Message\":\"the matrix says no\",\"TimeStamp\":\"/Date(1700000000000+0200)/\","
        + "\"Messages\":[{\"Key\":\"MatrixFailure\",\"Value\":\"the matrix says no\"}]}";
  }

  @Override
  public String errorCode() {
    return "MatrixFailure";
  }

  @Override
  public boolean carriesCredentials(RecordedRequest request, int credentials) {
    if (tokenCalls().test(request)) {
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      return body.contains("client_id=" + CLIENT_IDS[credentials]) && body.contains("client_secret=" + SECRETS[credentials]);
    }
    return Integer.toString(APPLICATION_IDS[credentials]).equals(request.getHeaders().get("ApplicationId"));
  }

  @Override
  public List<String> secrets(int credentials) {
    return List.of(SECRETS[credentials]);
  }

  @Override
  public String storedName(FakeVendorServer fake) {
    return ((FakeStorm) fake).customer(1001).orElseThrow().path("FirstName").asText();
  }

  @Override
  public Map<String, String> exactFields() {
    return Map.of("firstName", "/FirstName", "lastName", "/LastName", "email", "/Email",
        "invoiceAddress.city", "/InvoiceAddress/City", "invoiceAddress.countryCode", "/InvoiceAddress/Country");
  }

  @Override
  public String toString() {
    return name();
  }

  /** Storm's GetCustomer answering {@code {}} with 200. */
  /** WCF dates with and without an offset, as Storm's samples show both. */
  @Override
  public DatedRead readWithEveryDateForm() {
    return new DatedRead(FakeStorm.customerAnswer("{\"Id\":1001,\"Key\":\"2d1c0b9a-0000-4000-8000-000000001001\","
        + "\"Email\":\"ada@example.com\",\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"IsActive\":true,"
        + "\"Created\":\"/Date(1566656122000)/\",\"Updated\":\"/Date(1566656122000+0200)/\"}"),
        List.of("/Date(1566656122000)/", "/Date(1566656122000+0200)/"));
  }

  @Override
  public Fault readNamingNoCustomer() {
    return FakeStorm.noCustomerAnswer();
  }

  /** GetCustomer for 1001 answered with the demo's customer 1002, Grace Hopper. */
  @Override
  public Fault readNamingAnotherCustomer() {
    return FakeStorm.customerAnswer("{\"Id\":1002,\"Key\":\"2d1c0b9a-0000-4000-8000-000000001002\","
        + "\"Email\":\"grace@example.com\",\"FirstName\":\"Grace\",\"LastName\":\"Hopper\",\"IsActive\":true,"
        + "\"Created\":\"/Date(1566656122000+0200)/\",\"Updated\":\"/Date(1566656122000+0200)/\"}");
  }

  /** The mails Storm sent the customers: UpdateCustomer always mails, UpdateCustomer3 with doSendMail=true. */
  @Override
  public long sideEffects(FakeVendorServer fake) {
    return ((FakeStorm) fake).mailsSent();
  }
}
