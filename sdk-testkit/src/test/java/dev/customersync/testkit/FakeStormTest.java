package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FakeStorm checked on the wire with a bare OkHttp client, independent of sdk-storm. */
class FakeStormTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-01T08:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final HandClock clock = new HandClock();
  private final FakeStorm fake = new FakeStorm(clock).seedDemoCustomers();
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void close() {
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private record Answer(int status, String body, String retryAfter) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(body);
    }
  }

  private Answer send(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      return new Answer(r.code(), r.body().string(), r.header("Retry-After"));
    }
  }

  private Answer token(String secret) throws IOException {
    return send(new Request.Builder().url(fake.tokenUrl()).post(new FormBody.Builder()
        .add("grant_type", "client_credentials").add("client_id", FakeStorm.DEFAULT_CLIENT_ID)
        .add("client_secret", secret).add("scope", "lab").build()).build());
  }

  private String validToken() throws IOException {
    return token(FakeStorm.DEFAULT_CLIENT_SECRET).json().get("access_token").asText();
  }

  private Request.Builder api(String operation, String token) {
    return new Request.Builder().header("Authorization", "Bearer " + token)
        .header("ApplicationId", Integer.toString(FakeStorm.DEFAULT_APPLICATION_ID))
        .url(fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/" + operation).build());
  }

  private Answer get(int id, String token) throws IOException {
    HttpUrl url = fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/GetCustomer")
        .addQueryParameter("id", Integer.toString(id)).addQueryParameter("format", "json").build();
    return send(api("GetCustomer", token).url(url).get().build());
  }

  /** UpdateCustomer3 as the SDK sends it, without mail. */
  private Answer update(String body, String token) throws IOException {
    return update3(body, token, "false");
  }

  private Answer update3(String body, String token, String doSendMail) throws IOException {
    HttpUrl.Builder url = fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/UpdateCustomer3")
        .addQueryParameter("password", "");
    if (doSendMail != null) {
      url.addQueryParameter("doSendMail", doSendMail);
    }
    url.addQueryParameter("updatedBy", "1").addQueryParameter("format", "json");
    return post(url.build(), body, token);
  }

  /** The obsolete UpdateCustomer, which Storm implements as UpdateCustomer3 with doSendMail=true. */
  private Answer obsoleteUpdate(String body, String token) throws IOException {
    return post(fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/UpdateCustomer")
        .addQueryParameter("updatedBy", "1").addQueryParameter("format", "json").build(), body, token);
  }

  private Answer post(HttpUrl url, String body, String token) throws IOException {
    return send(api("UpdateCustomer3", token).url(url)
        .post(RequestBody.create(body, MediaType.get("application/json; charset=utf-8"))).build());
  }

  @Test
  void issuesClientCredentialsTokensWithExpiresIn() throws IOException {
    Answer a = token(FakeStorm.DEFAULT_CLIENT_SECRET);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("expires_in").asLong()).isEqualTo(3600);
    assertThat(a.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(a.json().get("scope").asText()).isEqualTo("lab");
    assertThat(fake.tokenRequests()).isEqualTo(1);
  }

  @Test
  void refusesAWrongSecretAsInvalidClient() throws IOException {
    Answer a = token("nope");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void answers429WithRetryAfterPastThreeTokenRequestsAMinute() throws IOException {
    for (int i = 0; i < 3; i++) {
      assertThat(token(FakeStorm.DEFAULT_CLIENT_SECRET).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(10));
    }
    Answer fourth = token(FakeStorm.DEFAULT_CLIENT_SECRET);
    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.retryAfter()).isEqualTo("30");

    clock.advance(Duration.ofSeconds(30));
    assertThat(token(FakeStorm.DEFAULT_CLIENT_SECRET).status()).isEqualTo(200);
    assertThat(fake.tokenRequests()).isEqualTo(5);
  }

  @Test
  void requiresAnUnexpiredBearerToken() throws IOException {
    String token = validToken();
    assertThat(get(1001, token).status()).isEqualTo(200);
    assertThat(get(1001, "made-up").status()).isEqualTo(401);

    clock.advance(Duration.ofSeconds(3600));
    assertThat(get(1001, token).status()).isEqualTo(401);
  }

  @Test
  void revokedTokensAreRefused() throws IOException {
    String token = validToken();
    fake.revokeTokens();

    assertThat(get(1001, token).status()).isEqualTo(401);
  }

  @Test
  void requiresTheApplicationIdHeader() throws IOException {
    String token = validToken();
    Answer a = send(api("GetCustomer", token).header("ApplicationId", "1").url(
        fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/GetCustomer").addQueryParameter("id", "1001")
            .addQueryParameter("format", "json").build()).build());

    assertThat(a.status()).isEqualTo(403);
  }

  @Test
  void acceptsAConfiguredStaticToken() throws IOException {
    fake.acceptStaticToken("fixed-token-1234");

    assertThat(get(1002, "fixed-token-1234").status()).isEqualTo(200);
    assertThat(fake.tokenRequests()).isZero();
  }

  @Test
  void getCustomerAnswersTheCustomerWithWcfDatesOrNull() throws IOException {
    String token = validToken();
    Answer ada = get(1001, token);
    Answer none = get(4711, token);

    assertThat(ada.json().get("FirstName").asText()).isEqualTo("Ada");
    assertThat(ada.json().get("Companies").get(0).get("Id").asInt()).isEqualTo(501);
    assertThat(ada.json().get("Created").asText()).isEqualTo("/Date(" + clock.instant().toEpochMilli() + "+0200)/");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).isEqualTo("null");
  }

  @Test
  void updateCustomerReplacesTheCustomerAndCreatesWhatHasNoId() throws IOException {
    String token = validToken();
    ObjectNode ada = (ObjectNode) get(1001, token).json();
    ada.put("FirstName", "Augusta");
    ada.remove("Flags");
    ((ObjectNode) ada.get("Companies").get(0)).put("VatNo", "SE1");
    ada.withArray("Companies").addObject().put("Name", "New AB").put("OrgNo", "559999-0000");

    Answer a = update(ada.toString(), token);

    assertThat(a.status()).isEqualTo(200);
    JsonNode stored = fake.customer(1001).orElseThrow();
    assertThat(stored.get("FirstName").asText()).isEqualTo("Augusta");
    assertThat(stored.has("Flags")).as("left out means cleared by default").isFalse();
    assertThat(stored.get("Companies")).hasSize(2);
    assertThat(stored.get("Companies").get(0).get("Id").asInt()).isEqualTo(501);
    assertThat(stored.get("Companies").get(1).get("Id").isInt()).isTrue();
    assertThat(a.json()).isEqualTo(stored);
    assertThat(fake.updatesApplied()).isEqualTo(1);
  }

  @Test
  void keepOmittedPropertiesKeepsWhatTheRequestLeavesOut() throws IOException {
    fake.keepOmittedProperties(true);
    String token = validToken();

    assertThat(update("{\"Id\": 1001, \"FirstName\": \"Augusta\"}", token).status()).isEqualTo(200);

    JsonNode stored = fake.customer(1001).orElseThrow();
    assertThat(stored.get("FirstName").asText()).isEqualTo("Augusta");
    assertThat(stored.get("Flags")).hasSize(2);
  }

  @Test
  void answersTheDocumentedKeysInAnErrorMessage() throws IOException {
    String token = validToken();
    Answer duplicate = update("{\"Id\": 1002, \"Email\": \"ada@example.com\"}", token);
    Answer invalid = update("{\"Id\": 1002, \"Email\": \"no-at-sign\"}", token);
    Answer address = update("{\"Id\": 1002, \"InvoiceAddress\": {\"Line1\": \"x\"}, "
        + "\"DeliveryAddresses\": [{\"Zip\": \"1\", \"City\": \"c\"}]}", token);
    Answer company = update("{\"Id\": 1002, \"Companies\": [{\"OrgNo\": \"1\"}]}", token);
    Answer missing = update("null", token);
    Answer unknownId = update("{\"Id\": 4711}", token);
    Answer existingCompany = update("{\"Id\": 1002, \"Companies\": [{\"Name\": \"Analytical Engines AB\", "
        + "\"OrgNo\": \"556677-8899\"}]}", token);
    Answer existingAccount = update("{\"Id\": 1002, \"Account\": {\"LoginName\": \"ada@example.com\"}}", token);

    assertThat(keys(duplicate)).containsExactly("CustomerAlreadyExists");
    assertThat(keys(invalid)).containsExactly("InvalidEmail");
    assertThat(keys(address)).containsExactly("DeliveryAddressCountryMissing", "InvoiceAddressZipMissing",
        "InvoiceAddressCityMissing", "InvoiceAddressCountryMissing");
    assertThat(keys(company)).containsExactly("InvalidCompanyName");
    assertThat(keys(missing)).containsExactly("CustomerMissing");
    assertThat(keys(unknownId)).containsExactly("CustomerMissing");
    assertThat(keys(existingCompany)).containsExactly("CompanyAlreadyExists");
    assertThat(keys(existingAccount)).containsExactly("AccountAlreadyExists");
    assertThat(duplicate.json().get("MessageId").asText()).isNotBlank();
    assertThat(duplicate.json().get("TimeStamp").asText()).startsWith("/Date(");
    assertThat(fake.updatesApplied()).isZero();
  }

  @Test
  void refusesMiscasedMembersAndIsoDatesThatWcfWouldMishandle() throws IOException {
    String token = validToken();
    Answer miscased = update("{\"Id\": 1002, \"Firstname\": \"Grace\"}", token);
    Answer iso = update("{\"Id\": 1002, \"Created\": \"2019-08-24T14:15:22Z\"}", token);

    assertThat(miscased.status()).isEqualTo(400);
    assertThat(miscased.json().get("Message").asText()).contains("unknown member 'Firstname'");
    assertThat(iso.status()).isEqualTo(400);
    assertThat(iso.json().get("Message").asText()).contains("/Date(");
  }

  @Test
  void takesFaultScriptsForChosenCalls() throws IOException {
    String token = validToken();
    fake.faults().next(FakeStorm.updateCustomerCalls(), Fault.status(500).afterHandling());

    assertThat(get(1002, token).status()).isEqualTo(200);
    assertThat(update("{\"Id\": 1002, \"FirstName\": \"G\", \"Email\": \"grace@example.com\"}", token).status())
        .isEqualTo(500);
    assertThat(fake.customer(1002).orElseThrow().get("FirstName").asText()).as("processed before the fault").isEqualTo("G");
    assertThat(fake.journal().count("POST", "/UpdateCustomer3")).isEqualTo(1);
  }

  @Test
  void seedsCustomersWithIdsForCompaniesAndAddresses() {
    int id = fake.seedCustomer("{\"FirstName\": \"Linus\", \"Companies\": [{\"Name\": \"T AB\"}], "
        + "\"InvoiceAddress\": {\"Line1\": \"x\"}}");

    JsonNode c = fake.customer(id).orElseThrow();
    assertThat(id).as("above every id the demo seeded, 9002 its highest address id").isEqualTo(9003);
    assertThat(c.get("Companies").get(0).get("Id").isInt()).isTrue();
    assertThat(c.get("InvoiceAddress").get("Id").isInt()).isTrue();
    assertThat(fake.customerCount()).isEqualTo(3);
  }

  @Test
  void updateCustomer3SendsAMailOnlyWhenAskedAndTheObsoleteUpdateCustomerAlways() throws IOException {
    String token = validToken();
    String grace = "{\"Id\": 1002, \"FirstName\": \"G\", \"Email\": \"grace@example.com\"}";

    assertThat(update3(grace, token, "false").status()).isEqualTo(200);
    assertThat(fake.mailsSent()).isZero();
    assertThat(update3(grace, token, "True").status()).isEqualTo(200);
    assertThat(fake.mailsSent()).isEqualTo(1);
    assertThat(obsoleteUpdate(grace, token).status()).isEqualTo(200);
    assertThat(fake.mailsSent()).isEqualTo(2);
    assertThat(fake.updatesApplied()).isEqualTo(3);
  }

  @Test
  void aRefusedUpdateSendsNoMail() throws IOException {
    String token = validToken();

    assertThat(obsoleteUpdate("{\"Id\": 1002, \"Email\": \"no-at-sign\"}", token).status()).isEqualTo(400);

    assertThat(fake.mailsSent()).isZero();
  }

  @Test
  void refusesUpdateCustomer3WithoutAStringFlagForDoSendMail() throws IOException {
    String token = validToken();
    String grace = "{\"Id\": 1002, \"FirstName\": \"G\"}";

    Answer missing = update3(grace, token, null);
    Answer other = update3(grace, token, "1");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("Message").asText()).contains("doSendMail");
    assertThat(other.status()).isEqualTo(400);
    assertThat(fake.updatesApplied()).isZero();
  }

  @Test
  void refusesEveryCallWithoutFormatJsonBeforeProcessingUnlessTolerated() throws IOException {
    String token = validToken();
    HttpUrl getUrl = fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/GetCustomer")
        .addQueryParameter("id", "1001").build();
    HttpUrl postUrl = fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/UpdateCustomer3")
        .addQueryParameter("password", "").addQueryParameter("doSendMail", "false").addQueryParameter("updatedBy", "1")
        .build();

    Answer read = send(api("GetCustomer", token).url(getUrl).get().build());
    Answer write = post(postUrl, "{\"Id\": 1002, \"FirstName\": \"G\"}", token);

    assertThat(read.status()).isEqualTo(400);
    assertThat(read.body()).startsWith("<Fault>").contains("format=json");
    assertThat(write.status()).isEqualTo(400);
    assertThat(fake.updatesApplied()).isZero();

    fake.requireFormatJson(false);
    assertThat(send(api("GetCustomer", token).url(getUrl).get().build()).status()).isEqualTo(200);
  }

  @Test
  void storesAndAnswersPropertiesItWasSeededWithAtEveryLevelExactly() throws IOException {
    String seeded = "{\"Id\":3001,\"FirstName\":\"Linus\",\"Loyalty\":{\"Tier\":\"gold\",\"Points\":1.50},"
        + "\"Score\":1E+15,\"Nothing\":null,\"Tags\":[],"
        + "\"Account\":{\"Id\":8001,\"LoginName\":\"linus\",\"Mfa\":true,"
        + "\"Authorizations\":[{\"Id\":1,\"Code\":\"Buy\",\"Value\":\"x\",\"Scope\":[1,2]}]},"
        + "\"Companies\":[{\"Id\":601,\"Name\":\"T AB\",\"Rating\":5,"
        + "\"InvoiceAddress\":{\"Id\":9601,\"Geo\":{\"Lat\":59.3300}},"
        + "\"Flags\":[{\"Id\":3,\"Colour\":\"red\"}],\"Info\":[{\"Id\":4,\"Unit\":\"kg\"}]}],"
        + "\"InvoiceAddress\":{\"Id\":9701,\"Zip\":\"1\",\"City\":\"c\",\"Country\":\"SE\",\"Door\":\"B\"},"
        + "\"DeliveryAddresses\":[{\"Id\":9702,\"Zip\":\"1\",\"City\":\"c\",\"Country\":\"SE\",\"Gate\":2}],"
        + "\"Flags\":[{\"Id\":1,\"Weight\":0.10}],\"Info\":[{\"Id\":10,\"Code\":\"ShoeSize\",\"Value\":\"38\",\"Unit\":null}],"
        + "\"Created\":\"/Date(1566656122000)/\",\"Updated\":\"/Date(-62135596800000+0100)/\"}";
    fake.seedCustomerExactly(seeded);
    String token = validToken();

    Answer read = get(3001, token);
    assertThat(read.body()).isEqualTo(seeded);

    Answer written = update(read.body().replace("\"Linus\"", "\"Linnea\""), token);

    assertThat(written.status()).as(written.body()).isEqualTo(200);
    String stored = get(3001, token).body();
    assertThat(stored).contains("\"FirstName\":\"Linnea\"", "\"Points\":1.50", "\"Score\":1E+15", "\"Nothing\":null",
        "\"Mfa\":true", "\"Scope\":[1,2]", "\"Rating\":5", "\"Lat\":59.3300", "\"Colour\":\"red\"",
        "\"Unit\":\"kg\"", "\"Door\":\"B\"", "\"Gate\":2", "\"Weight\":0.10", "\"Unit\":null",
        "\"Created\":\"/Date(1566656122000)/\"");
  }

  @Test
  void stillRefusesMembersNoSeedCarried() throws IOException {
    fake.seedCustomerExactly("{\"Id\":3001,\"FirstName\":\"Linus\",\"Loyalty\":\"gold\"}");
    String token = validToken();

    Answer a = update("{\"Id\":3001,\"Loyalty\":\"gold\",\"Firstname\":\"Linnea\","
        + "\"Flags\":[{\"Id\":1,\"Loyalty\":\"x\"}]}", token);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("Message").asText()).contains("unknown member 'Firstname' in Customer")
        .contains("unknown member 'Loyalty' in Customer.Flags[0]").doesNotContain("'Loyalty' in Customer ");
  }

  @Test
  void seedsWcfDatesWithAndWithoutOffsetCharacterForCharacter() throws IOException {
    int id = fake.seedCustomer("{\"FirstName\": \"Linus\", \"Created\": \"/Date(1566656122000)/\", "
        + "\"Updated\": \"/Date(1566656122000-0530)/\"}");
    String token = validToken();

    JsonNode c = get(id, token).json();

    assertThat(c.get("Created").asText()).isEqualTo("/Date(1566656122000)/");
    assertThat(c.get("Updated").asText()).isEqualTo("/Date(1566656122000-0530)/");
  }

  @Test
  void idsItHandsOutNeverCollideWithSeededOnes() {
    int id = fake.seedCustomerExactly("{\"Id\": 5000, \"Companies\": [{\"Id\": 900, \"Name\": \"A\"}], "
        + "\"InvoiceAddress\": {\"Id\": 99000}, \"Account\": {\"Id\": 88000}}");
    int next = fake.seedCustomer("{\"Companies\": [{\"Name\": \"B\"}], \"InvoiceAddress\": {\"Line1\": \"x\"}, "
        + "\"Account\": {\"LoginName\": \"b\"}}");

    JsonNode c = fake.customer(next).orElseThrow();
    assertThat(id).isEqualTo(5000);
    assertThat(java.util.List.of(next, c.get("Account").get("Id").asInt(), c.get("Companies").get(0).get("Id").asInt(),
        c.get("InvoiceAddress").get("Id").asInt()))
        .as("every kind starts above every seeded id of any kind, 99000 the highest")
        .allSatisfy(newId -> assertThat(newId).isGreaterThan(99000))
        .doesNotHaveDuplicates();
    assertThat(fake.customer(1001).orElseThrow().get("Companies").get(0).get("Id").asInt())
        .as("the demo's own company keeps its id").isEqualTo(501);
  }

  @Test
  void aCompanyCreatedOnGraceNeverTakesTheIdOfAdasCompany() throws IOException {
    String token = validToken();

    update("{\"Id\": 1002, \"FirstName\": \"Grace\", \"Email\": \"grace@example.com\", "
        + "\"Companies\": [{\"Name\": \"Cobol Consulting\"}]}", token);

    int created = fake.customer(1002).orElseThrow().get("Companies").get(0).get("Id").asInt();
    assertThat(created).isNotEqualTo(501).isGreaterThan(9002);
  }

  @Test
  void scriptsAReadNamingNoCustomerOrAnother() throws IOException {
    String token = validToken();
    fake.faults().next(FakeStorm.getCustomerCalls(), FakeStorm.noCustomerAnswer())
        .next(FakeStorm.getCustomerCalls(), FakeStorm.customerAnswer("{\"Id\": 1002, \"FirstName\": \"Grace\"}"));

    assertThat(get(1001, token).body()).isEqualTo("{}");
    assertThat(get(1001, token).json().get("Id").asInt()).isEqualTo(1002);
    assertThat(get(1001, token).json().get("Id").asInt()).isEqualTo(1001);
  }

  private static java.util.List<String> keys(Answer a) throws IOException {
    assertThat(a.status()).isEqualTo(400);
    java.util.List<String> out = new java.util.ArrayList<>();
    a.json().get("Messages").forEach(m -> out.add(m.get("Key").asText()));
    return out;
  }
}
