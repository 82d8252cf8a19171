package dev.customersync.faultmatrix;

import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeVendorServer;
import dev.customersync.testkit.Fault;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/** BokaMera: GET /customers?CustomerId=…, PUT /customers/{Id} (idempotent), Keycloak password grant. */
final class BokaMeraHarness implements VendorHarness {

  static final UUID CUSTOMER = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final UUID OTHER_CUSTOMER = UUID.fromString("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
  // A first result as BokaMera answers one, less its Id.
  private static final String RESULT = "{\"Firstname\": \"Eve\", \"Lastname\": \"Other\", "
      + "\"Email\": \"eve@example.com\", \"Phone\": \"+46 8 999 99\", \"SubscribedToNewsletter\": false, "
      + "\"CustomFieldValues\": [], \"AccessKeys\": [{\"AccessKeyTypeId\": 1, \"Value\": \"CARD-9\"}], "
      + "\"Created\": \"/Date(1577836800000+0100)/\", \"Updated\": \"/Date(1577836800000+0100)/\", \"ResponseStatus\": {}}";
  private static final String[] API_KEYS = {"bm-key-A-7c1e2d9a-5b3f-4e61-9d2a-000000000001",
      "bm-key-B-1f0e9d8c-7b6a-4d5e-8f90-000000000002"};
  private static final String[] USERS = {"api-user-a@example.com", "api-user-b@example.com"};
  private static final String[] PASSWORDS = {"bm-password-A-s3cr3t-Zq9", "bm-password-B-s3cr3t-Xw4"};

  @Override
  public String name() {
    return "bokamera";
  }

  @Override
  public FakeVendorServer startFake(int credentials) {
    FakeBokaMera fake = new FakeBokaMera(API_KEYS[credentials], UUID.randomUUID());
    fake.addUser(USERS[credentials], PASSWORDS[credentials]);
    fake.putCustomer(CUSTOMER, """
        {"Firstname": "Ada", "Lastname": "Lovelace", "Email": "ada@example.com", "Phone": "+46 8 123 45",
         "SubscribedToNewsletter": true,
         "InvoiceAddress": {"InvoiceAddress1": "Storgatan 1", "InvoiceCity": "Stockholm",
                            "InvoicePostalCode": "111 22", "InvoiceCountryCode": "SE"},
         "AccessKeys": [{"AccessKeyTypeId": 1, "Value": "CARD-0042", "Description": "Gym card"}]}
        """);
    fake.start();
    return fake;
  }

  @Override
  public String apiBaseUrl(FakeVendorServer fake) {
    return ((FakeBokaMera) fake).baseUrl();
  }

  @Override
  public Client build(Setup s) {
    FakeBokaMera fake = (FakeBokaMera) s.fake();
    BokaMeraClient client = BokaMeraClient.builder()
        .baseUrl(s.apiBaseUrl())
        .apiKey(API_KEYS[s.credentials()])
        .login(USERS[s.credentials()], PASSWORDS[s.credentials()])
        .tokenUrl(fake.tokenUrl().toString())
        .okHttpClient(s.okHttp())
        .retryPolicy(s.retryPolicy())
        .timeouts(s.timeouts())
        .build();
    return new Client(client.customerUpdater(), client, client.toString());
  }

  @Override
  public AutoCloseable buildWithUrls(String apiBaseUrl, String tokenUrl, boolean allowInsecureHttp) {
    BokaMeraClient.Builder b = BokaMeraClient.builder().baseUrl(apiBaseUrl).apiKey(API_KEYS[0])
        .login(USERS[0], PASSWORDS[0]).allowInsecureHttp(allowInsecureHttp);
    if (tokenUrl != null) {
      b.tokenUrl(tokenUrl);
    }
    return b.build();
  }

  @Override
  public String customerId() {
    return CUSTOMER.toString();
  }

  @Override
  public Predicate<RecordedRequest> reads() {
    return r -> r.getMethod().equals("GET") && r.getUrl().encodedPath().equals("/customers");
  }

  @Override
  public Predicate<RecordedRequest> writes() {
    return r -> r.getMethod().equals("PUT") && r.getUrl().encodedPath().startsWith("/customers/");
  }

  @Override
  public Predicate<RecordedRequest> tokenCalls() {
    return r -> r.getUrl().encodedPath().equals(FakeBokaMera.TOKEN_PATH);
  }

  @Override
  public boolean writeIdempotent() {
    return true;
  }

  @Override
  public boolean hasTokens() {
    return true;
  }

  @Override
  public void expireTokens(FakeVendorServer fake) {
    ((FakeBokaMera) fake).revokeAccessTokens();
  }

  @Override
  public String errorBody() {
    return "{\"ResponseStatus\":{\"ErrorCode\":\"MatrixFailure\",\"Message\":\"the matrix says no\",\"Errors\":[]}}";
  }

  @Override
  public String errorCode() {
    return "MatrixFailure";
  }

  @Override
  public boolean carriesCredentials(RecordedRequest request, int credentials) {
    if (tokenCalls().test(request)) {
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      return body.contains("username=" + java.net.URLEncoder.encode(USERS[credentials], java.nio.charset.StandardCharsets.UTF_8))
          || body.contains("grant_type=refresh_token");
    }
    return API_KEYS[credentials].equals(request.getHeaders().get("x-api-key"));
  }

  @Override
  public List<String> secrets(int credentials) {
    return List.of(API_KEYS[credentials], PASSWORDS[credentials]);
  }

  @Override
  public String storedName(FakeVendorServer fake) {
    return ((FakeBokaMera) fake).customer(CUSTOMER).orElseThrow().path("Firstname").asText();
  }

  @Override
  public Map<String, String> exactFields() {
    return Map.of("firstName", "/Firstname", "lastName", "/Lastname", "email", "/Email",
        "invoiceAddress.city", "/InvoiceAddress/InvoiceCity", "invoiceAddress.countryCode",
        "/InvoiceAddress/InvoiceCountryCode");
  }

  @Override
  public String toString() {
    return name();
  }

  /** A query page whose first result is a whole customer without {@code Id}. */
  /** ISO 8601 with and without offset and WCF with and without offset; UpdateCustomer carries no date back. */
  @Override
  public DatedRead readWithEveryDateForm() {
    return new DatedRead(page("{\"Id\": \"" + CUSTOMER + "\", " + RESULT.substring(1)
        .replace("\"Created\": \"/Date(1577836800000+0100)/\"", "\"Created\": \"/Date(1577836800000)/\", "
            + "\"LastLogin\": \"2020-01-01T00:00:00.000\", \"Verified\": \"2020-01-01T01:00:00+01:00\"")),
        List.of());
  }

  @Override
  public Fault readNamingNoCustomer() {
    return page(RESULT);
  }

  /** A query page whose first result is another customer. */
  @Override
  public Fault readNamingAnotherCustomer() {
    return page("{\"Id\": \"" + OTHER_CUSTOMER + "\", " + RESULT.substring(1));
  }

  /** Access keys the fake created: BokaMera creates a key for each one sent without its {@code Id}. */
  @Override
  public long sideEffects(FakeVendorServer fake) {
    return ((FakeBokaMera) fake).keysCreated();
  }

  private static Fault page(String firstResult) {
    return Fault.status(200, "application/json; charset=utf-8",
        "{\"Offset\": 0, \"Total\": 1, \"Results\": [" + firstResult + "], \"ResponseStatus\": {}}");
  }
}
