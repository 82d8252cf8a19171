package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.json.Json;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.json.WcfDate;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BokaMera fake on the wire, independently of the BokaMera client. */
class FakeBokaMeraTest {

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final ObjectMapper json = Json.newMapper();
  private final OkHttpClient http = new OkHttpClient();
  private final FakeBokaMera fake = new FakeBokaMera();
  private String token;
  private UUID id;

  @BeforeEach
  void setUp() {
    fake.start();
    token = fake.issueAccessToken();
    id = fake.addCustomer("Ada", "Lovelace", "ada@example.com", "+46 70 123 45 67");
  }

  @AfterEach
  void tearDown() {
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private record Answer(int code, JsonNode body) {}

  private Answer send(Request.Builder request) throws IOException {
    try (Response r = http.newCall(request.build()).execute()) {
      String text = r.body().string();
      return new Answer(r.code(), text.isEmpty() ? null : json.readTree(text));
    }
  }

  private Request.Builder authed(HttpUrl url) {
    return new Request.Builder().url(url).header("x-api-key", fake.apiKey()).header("Authorization", "Bearer " + token);
  }

  private HttpUrl customerQuery(String... flags) {
    HttpUrl.Builder b = fake.url("/customers").newBuilder().addQueryParameter("CustomerId", id.toString());
    for (String f : flags) {
      b.addQueryParameter(f, "true");
    }
    return b.build();
  }

  private Request.Builder put(String path, String body) {
    return authed(fake.url(path)).put(RequestBody.create(body, JSON_TYPE));
  }

  @Test
  void refusesARequestWithoutTheApiKey() throws IOException {
    Answer a = send(new Request.Builder().url(customerQuery()).header("Authorization", "Bearer " + token));

    assertThat(a.code()).isEqualTo(401);
    assertThat(a.body().at("/ResponseStatus/Message").asText()).contains("x-api-key");
  }

  @Test
  void refusesARequestWithoutAValidBearerToken() throws IOException {
    Answer none = send(new Request.Builder().url(customerQuery()).header("x-api-key", fake.apiKey()));
    Answer unknown = send(new Request.Builder().url(customerQuery()).header("x-api-key", fake.apiKey())
        .header("Authorization", "Bearer made-up"));
    fake.revokeAccessTokens();
    Answer revoked = send(authed(customerQuery()));

    assertThat(none.code()).isEqualTo(401);
    assertThat(unknown.code()).isEqualTo(401);
    assertThat(revoked.code()).isEqualTo(401);
    assertThat(revoked.body().at("/ResponseStatus/ErrorCode").asText()).isEqualTo("TokenException");
  }

  @Test
  void readEndpointIncludesPartsOnlyWhenAskedTo() throws IOException {
    fake.putCustomer(id, "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"InvoiceAddress\":{\"InvoiceCity\":\"Lund\"},"
        + "\"CustomFieldValues\":[{\"Id\":1,\"Value\":\"x\"}],\"AccessKeys\":[{\"Id\":\"" + UUID.randomUUID() + "\",\"Value\":\"K\"}]}");

    JsonNode plain = send(authed(customerQuery())).body().at("/Results/0");
    JsonNode full = send(authed(customerQuery("IncludeInvoiceAddress", "IncludeCustomFieldValues", "IncludeAccessKeys")))
        .body();

    assertThat(plain.has("InvoiceAddress")).isFalse();
    assertThat(plain.has("CustomFieldValues")).isFalse();
    assertThat(plain.has("AccessKeys")).isFalse();
    assertThat(full.get("Total").asInt()).isEqualTo(1);
    assertThat(full.at("/Results/0/InvoiceAddress/InvoiceCity").asText()).isEqualTo("Lund");
    assertThat(full.at("/Results/0/CustomFieldValues/0/Value").asText()).isEqualTo("x");
    assertThat(full.at("/Results/0/AccessKeys/0/Value").asText()).isEqualTo("K");
    assertThat(WcfDate.isWcf(full.at("/Results/0/Updated").asText())).isTrue();
  }

  @Test
  void readEndpointAnswersNoResultsForAnUnknownCustomerOrCompany() throws IOException {
    HttpUrl unknown = fake.url("/customers").newBuilder().addQueryParameter("CustomerId", UUID.randomUUID().toString()).build();
    HttpUrl otherCompany = customerQuery().newBuilder().addQueryParameter("CompanyId", UUID.randomUUID().toString()).build();

    assertThat(send(authed(unknown)).body().get("Results")).isEmpty();
    assertThat(send(authed(otherCompany)).body().get("Results")).isEmpty();
  }

  @Test
  void updateCustomerWithoutNamesIsAServiceStackValidationError() throws IOException {
    Answer a = send(put("/customers/" + id, "{\"Firstname\":\" \",\"Email\":\"x@example.com\"}"));

    assertThat(a.code()).isEqualTo(400);
    assertThat(a.body().at("/ResponseStatus/ErrorCode").asText()).isEqualTo("NotEmpty");
    assertThat(a.body().at("/ResponseStatus/Errors").findValuesAsText("FieldName")).containsExactly("Firstname", "Lastname");
    assertThat(fake.customer(id).orElseThrow().get("Email").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void updateCustomerReplacesScalarsAndUpsertsListsById() throws IOException {
    fake.putCustomer(id, "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"Phone\":\"1\",\"SubscribedToNewsletter\":true,"
        + "\"CustomFieldValues\":[{\"Id\":1,\"Value\":\"a\"},{\"Id\":2,\"Value\":\"b\"}],"
        + "\"AccessKeys\":[{\"Id\":\"9b2f6c1e-0d4a-4f5b-8c7d-1e2f3a4b5c6d\",\"Value\":\"K1\"}]}");

    Answer a = send(put("/customers/" + id, "{\"Firstname\":\"Augusta\",\"Lastname\":\"King\","
        + "\"CustomFields\":[{\"Id\":2,\"Value\":\"B\"},{\"Id\":3,\"Value\":\"c\"}],"
        + "\"AccessKeys\":[{\"AccessKeyTypeId\":1,\"Value\":\"K2\"}],"
        + "\"AccessKeysToDelete\":[{\"Id\":\"9b2f6c1e-0d4a-4f5b-8c7d-1e2f3a4b5c6d\"}]}"));

    assertThat(a.code()).isEqualTo(200);
    JsonNode c = fake.customer(id).orElseThrow();
    assertThat(c.get("Firstname").asText()).isEqualTo("Augusta");
    assertThat(c.get("Phone").isNull()).as("left out, so cleared (the strict reading)").isTrue();
    assertThat(c.get("SubscribedToNewsletter").asBoolean()).as("left out, so kept").isTrue();
    assertThat(c.get("CustomFieldValues").findValuesAsText("Value")).containsExactly("a", "B", "c");
    assertThat(c.get("AccessKeys").findValuesAsText("Value")).containsExactly("K2");
    assertThat(a.body().get("ResponseStatus").isEmpty()).isTrue();
    assertThat(a.body().at("/CustomFieldValues/2/Value").asText()).isEqualTo("c");
  }

  @Test
  void updateCustomerOfAnUnknownIdIsA404AndBadIdsA400() throws IOException {
    Answer unknown = send(put("/customers/" + UUID.randomUUID(), "{\"Firstname\":\"A\",\"Lastname\":\"B\"}"));
    Answer bad = send(put("/customers/not-a-guid", "{\"Firstname\":\"A\",\"Lastname\":\"B\"}"));

    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.body().at("/ResponseStatus/ErrorCode").asText()).isEqualTo("NotFound");
    assertThat(bad.code()).isEqualTo(400);
  }

  @Test
  void updateCustomerNeedsAJsonBody() throws IOException {
    Answer form = send(authed(fake.url("/customers/" + id)).put(new FormBody.Builder().add("Firstname", "A").build()));
    Answer broken = send(put("/customers/" + id, "{\"Firstname\":"));

    assertThat(form.code()).isEqualTo(415);
    assertThat(broken.code()).isEqualTo(400);
    assertThat(broken.body().at("/ResponseStatus/ErrorCode").asText()).isEqualTo("SerializationException");
  }

  @Test
  void updateCustomerArticleChangesOnlyWhatIsSent() throws IOException {
    int article = fake.addCustomerArticle(id, 1, new BigDecimal("995.00"), "SEK");

    Answer a = send(put("/customerarticle/" + article, "{\"Id\":" + article + ",\"StatusId\":4,\"VAT\":0.12}"));

    assertThat(a.code()).isEqualTo(200);
    assertThat(a.body().get("StatusId").asInt()).isEqualTo(4);
    assertThat(a.body().get("StatusName").asText()).isEqualTo("Active");
    assertThat(a.body().get("Price").decimalValue()).isEqualByComparingTo("995.00");
    assertThat(a.body().get("VAT").decimalValue()).isEqualByComparingTo("0.12");
    assertThat(a.body().at("/Customer/Firstname").asText()).isEqualTo("Ada");
    assertThat(fake.customerArticle(article).orElseThrow().get("StatusId").asInt()).isEqualTo(4);
    assertThat(send(put("/customerarticle/999", "{}")).code()).isEqualTo(404);
    assertThat(send(put("/customerarticle/" + article, "{\"StatusId\":\"Refunded\"}")).code()).isEqualTo(400);
  }

  private static final String KEY_ID = "9b2f6c1e-0d4a-4f5b-8c7d-1e2f3a4b5c6d";

  private String rawBody(Request.Builder request) throws IOException {
    try (Response r = http.newCall(request.build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void answersAccessKeysWithoutTheirIdUnlessAskedTo() throws IOException {
    fake.putCustomer(id, "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"AccessKeys\":[{\"Id\":\"" + KEY_ID
        + "\",\"Value\":\"K1\"},{\"Value\":\"K2\"}]}");
    HttpUrl keys = customerQuery("IncludeAccessKeys");

    JsonNode hidden = send(authed(keys)).body().at("/Results/0/AccessKeys");
    fake.answersAccessKeyIds(true);
    JsonNode shown = send(authed(keys)).body().at("/Results/0/AccessKeys");

    assertThat(hidden).hasSize(2).allSatisfy(k -> assertThat(k.has("Id")).isFalse());
    assertThat(shown.get(0).get("Id").asText()).isEqualTo(KEY_ID);
    assertThat(shown.get(1).get("Id").asText()).as("BokaMera knows every key's id").matches("[0-9a-f-]{36}");
    assertThat(fake.customer(id).orElseThrow().at("/AccessKeys/0/Id").asText()).isEqualTo(KEY_ID);
  }

  @Test
  void createsANewKeyEachTimeOneIsSentWithoutIdAndCountsThem() throws IOException {
    fake.putCustomer(id, "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"AccessKeys\":[{\"Id\":\"" + KEY_ID
        + "\",\"AccessKeyTypeId\":1,\"Value\":\"K1\"}]}");
    String withoutId = "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"AccessKeys\":[{\"AccessKeyTypeId\":1,\"Value\":\"K1\"}]}";
    String emptyId = "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"AccessKeys\":[{\"Id\":\"00000000-0000-0000-0000-000000000000\","
        + "\"AccessKeyTypeId\":1,\"Value\":\"K1\"}]}";
    String withId = "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"AccessKeys\":[{\"Id\":\"" + KEY_ID.toUpperCase(Locale.ROOT)
        + "\",\"AccessKeyTypeId\":1,\"Value\":\"K1b\"}]}";

    send(put("/customers/" + id, withoutId));
    send(put("/customers/" + id, withoutId));
    send(put("/customers/" + id, emptyId));
    long afterThree = fake.keysCreated();
    send(put("/customers/" + id, withId));

    assertThat(afterThree).isEqualTo(3);
    assertThat(fake.keysCreated()).as("a key sent with its id is updated in place").isEqualTo(3);
    JsonNode keys = fake.customer(id).orElseThrow().get("AccessKeys");
    assertThat(keys).hasSize(4);
    assertThat(keys.get(0).get("Value").asText()).isEqualTo("K1b");
  }

  @Test
  void keepsUnknownPropertiesOfTheInvoiceAddressAndOfAccessKeysExactlyAsSent() throws IOException {
    fake.answersAccessKeyIds(true);
    fake.putCustomer(id, "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"AccessKeys\":[{\"Id\":\"" + KEY_ID
        + "\",\"Value\":\"K1\"}]}");
    String key = "{\"Id\":\"" + KEY_ID + "\",\"Value\":\"K1\",\"Credit\":1.50,\"Limit\":1E+15,\"Zones\":[],"
        + "\"ValidUntil\":\"/Date(1893456000000+0100)/\",\"Note\":null}";

    send(put("/customers/" + id, "{\"Firstname\":\"Ada\",\"Lastname\":\"L\",\"LoyaltyLevel\":\"Gold\","
        + "\"InvoiceAddress\":{\"InvoiceCity\":\"Lund\",\"Region\":\"Skåne 😀\",\"Geo\":{\"Lat\":55.7000}},"
        + "\"AccessKeys\":[" + key + "]}"));
    String answer = rawBody(authed(customerQuery("IncludeInvoiceAddress", "IncludeAccessKeys")));

    assertThat(answer).contains("\"AccessKeys\":[" + key.replace("}", ",\"CompanyId\":\"" + fake.companyId()
        + "\",\"CustomerId\":\"" + id + "\"}") + "]");
    assertThat(answer).contains("\"InvoiceCountryCode\":null,\"Region\":\"Skåne 😀\",\"Geo\":{\"Lat\":55.7000}}");
    assertThat(answer).as("ServiceStack ignores what its request DTO lacks").doesNotContain("LoyaltyLevel");
    assertThat(fake.keysCreated()).isZero();
  }

  @Test
  void answersACustomerSeededAsIsExactlyAsSeeded() throws IOException {
    fake.answersAccessKeyIds(true);
    String seeded = "{\"Id\":\"" + id.toString().toUpperCase(Locale.ROOT) + "\",\"Firstname\":\"Ada\","
        + "\"Lastname\":null,\"ExtA\":{\"n\":[1.50,1E+15,12345678901234567890,true,null,{}]},"
        + "\"CustomFieldValues\":[],\"AccessKeys\":[{\"Value\":\"no id\"}],"
        + "\"Updated\":\"2024-05-01T12:00:00.1234567+02:00\",\"Created\":\"/Date(1577836800000)/\","
        + "\"InvoiceAddress\":null}";
    fake.putCustomerAsIs(id, seeded);

    String answer = rawBody(authed(customerQuery("IncludeInvoiceAddress", "IncludeCustomFieldValues", "IncludeAccessKeys")));

    assertThat(answer).isEqualTo("{\"Offset\":0,\"Total\":1,\"Results\":[" + seeded + "]}");
    assertThat(LosslessJson.text(fake.customerAsAnswered(id).orElseThrow())).isEqualTo(seeded);
  }

  @Test
  void scriptsReadsThatNameNoCustomerOrAnotherOne() throws IOException {
    UUID other = UUID.randomUUID();
    fake.nextReadNamesNoCustomer().nextReadNamesCustomer(other);

    JsonNode none = send(authed(customerQuery())).body().at("/Results/0");
    JsonNode another = send(authed(customerQuery())).body().at("/Results/0");
    JsonNode normal = send(authed(customerQuery())).body().at("/Results/0");

    assertThat(none.has("Id")).isFalse();
    assertThat(none.get("Firstname").asText()).isEqualTo("Ada");
    assertThat(another.get("Id").asText()).isEqualTo(other.toString());
    assertThat(normal.get("Id").asText()).isEqualTo(id.toString());
  }

  @Test
  void writesItsOwnDatesInTheFormAskedFor() {
    Instant at = Instant.parse("2024-05-01T10:34:56.789Z");
    fake.clock(Clock.fixed(at, ZoneOffset.ofHours(2)));
    Map<FakeBokaMera.DateForm, String> expected = Map.of(
        FakeBokaMera.DateForm.ISO_OFFSET, "2024-05-01T12:34:56.789+02:00",
        FakeBokaMera.DateForm.ISO_LOCAL, "2024-05-01T12:34:56.789",
        FakeBokaMera.DateForm.WCF, "/Date(1714559696789)/",
        FakeBokaMera.DateForm.WCF_OFFSET, "/Date(1714559696789+0200)/");

    expected.forEach((form, text) -> {
      UUID seeded = fake.dateForm(form).addCustomer("Ada", "L", "a@example.com", "1");
      assertThat(fake.customer(seeded).orElseThrow().get("Created").asText()).as(form.name()).isEqualTo(text);
      if (form != FakeBokaMera.DateForm.ISO_LOCAL) {
        // Without an offset the instant is the reader's guess; the other forms pin it down.
        assertThat(WcfDate.parse(text).toInstant()).isEqualTo(at);
      }
    });
  }

  @Test
  void unknownRoutesAnswerATopLevelResponseStatus() throws IOException {
    Answer a = send(authed(fake.url("/bookings")));

    assertThat(a.code()).isEqualTo(404);
    assertThat(a.body().get("ErrorCode").asText()).isEqualTo("NotFound");
  }

  @Test
  void tokenEndpointDoesPasswordAndRefreshGrants() throws IOException {
    fake.addUser("api@example.com", "pw");
    FormBody login = new FormBody.Builder().add("grant_type", "password").add("client_id", FakeBokaMera.CLIENT_ID)
        .add("username", "api@example.com").add("password", "pw").build();

    Answer ok = send(new Request.Builder().url(fake.tokenUrl()).post(login));
    String refresh = ok.body().get("refresh_token").asText();
    Answer refreshed = send(new Request.Builder().url(fake.tokenUrl()).post(new FormBody.Builder()
        .add("grant_type", "refresh_token").add("client_id", FakeBokaMera.CLIENT_ID).add("refresh_token", refresh).build()));
    Answer reused = send(new Request.Builder().url(fake.tokenUrl()).post(new FormBody.Builder()
        .add("grant_type", "refresh_token").add("client_id", FakeBokaMera.CLIENT_ID).add("refresh_token", refresh).build()));
    Answer wrong = send(new Request.Builder().url(fake.tokenUrl()).post(new FormBody.Builder().add("grant_type", "password")
        .add("client_id", FakeBokaMera.CLIENT_ID).add("username", "api@example.com").add("password", "nope").build()));

    assertThat(ok.code()).isEqualTo(200);
    assertThat(ok.body().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(ok.body().get("expires_in").asInt()).isEqualTo(300);
    assertThat(ok.body().get("refresh_expires_in").asInt()).isEqualTo(1800);
    token = ok.body().get("access_token").asText();
    assertThat(send(authed(customerQuery())).code()).isEqualTo(200);
    assertThat(refreshed.code()).isEqualTo(200);
    assertThat(reused.code()).isEqualTo(400);
    assertThat(reused.body().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(fake.tokenRequests("password")).isEqualTo(2);
    assertThat(fake.tokenRequests("refresh_token")).isEqualTo(2);
  }

  @Test
  void faultScriptsReplaceOrFollowTheHandling() throws IOException {
    fake.faults().next(Fault.status(503));
    fake.faults().next(Fault.status(502).afterHandling());

    Answer refused = send(put("/customers/" + id, "{\"Firstname\":\"X\",\"Lastname\":\"Y\"}"));
    assertThat(refused.code()).isEqualTo(503);
    assertThat(fake.customer(id).orElseThrow().get("Firstname").asText()).isEqualTo("Ada");

    Answer lost = send(put("/customers/" + id, "{\"Firstname\":\"X\",\"Lastname\":\"Y\"}"));
    assertThat(lost.code()).isEqualTo(502);
    assertThat(fake.customer(id).orElseThrow().get("Firstname").asText()).isEqualTo("X");
    assertThat(fake.journal().entries()).extracting(RequestJournal.Entry::fault)
        .containsExactly("HTTP 503", "HTTP 502 after handling");
  }
}
