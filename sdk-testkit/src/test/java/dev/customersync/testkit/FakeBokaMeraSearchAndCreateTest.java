package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BokaMera fake's customer search and create on the wire, independently of the BokaMera client. */
class FakeBokaMeraSearchAndCreateTest {

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final ObjectMapper json = Json.newMapper();
  private final OkHttpClient http = new OkHttpClient();
  private final FakeBokaMera fake = new FakeBokaMera();
  private String token;

  @BeforeEach
  void setUp() {
    fake.start();
    token = fake.issueAccessToken();
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

  private Answer search(String search, Integer skip, Integer take) throws IOException {
    HttpUrl.Builder url = fake.url("/customers").newBuilder();
    if (search != null) {
      url.addQueryParameter("Search", search);
    }
    if (skip != null) {
      url.addQueryParameter("Skip", skip.toString());
    }
    if (take != null) {
      url.addQueryParameter("Take", take.toString());
    }
    return send(authed(url.build()));
  }

  private Answer create(String body) throws IOException {
    return send(authed(fake.url("/customers")).post(RequestBody.create(body, JSON_TYPE)));
  }

  private static List<String> emails(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.get("Email").asText()));
    return out;
  }

  @Test
  void searchIsACaseInsensitiveSubstringOfNameOrEmail() throws IOException {
    fake.addCustomer("Ada", "Lovelace", "ada@x.se", "1");
    fake.addCustomer("Nada", "Nilsson", "nada@x.se", "2");
    fake.addCustomer("Ada@x.se", "Named", "other@y.se", "3");
    fake.addCustomer("Grace", "Hopper", "grace@y.se", "4");

    Answer a = search("ADA@X.SE", null, null);

    assertThat(a.code()).isEqualTo(200);
    assertThat(a.body().get("Total").asInt()).isEqualTo(3);
    assertThat(emails(a.body().get("Results"))).containsExactlyInAnyOrder("ada@x.se", "nada@x.se", "other@y.se");
  }

  @Test
  void pagesWithSkipAndTakeInCreatedThenIdOrderCappingTakeAtTheMaxLimit() throws IOException {
    Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
    List<String> byCreation = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      fake.clock(Clock.fixed(t0.plusSeconds(i), ZoneOffset.UTC));
      byCreation.add("c" + i + "@x.se");
      fake.addCustomer("C", "N", "c" + i + "@x.se", "1");
    }

    Answer first = search(null, 0, 500);
    Answer second = search(null, 100, 100);
    Answer beyond = search(null, 200, 100);

    assertThat(first.body().get("Results")).hasSize(FakeBokaMera.MAX_LIMIT);
    assertThat(first.body().get("Total").asInt()).isEqualTo(130);
    assertThat(second.body().get("Offset").asInt()).isEqualTo(100);
    List<String> walked = new ArrayList<>(emails(first.body().get("Results")));
    walked.addAll(emails(second.body().get("Results")));
    assertThat(walked).isEqualTo(byCreation);
    assertThat(beyond.body().get("Results")).isEmpty();
  }

  @Test
  void customersCreatedAtOneInstantAreOrderedById() throws IOException {
    fake.clock(Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(fake.addCustomer("C", "N", i + "@x.se", "1").toString());
    }

    JsonNode results = search(null, null, null).body().get("Results");

    List<String> answered = new ArrayList<>();
    results.forEach(r -> answered.add(r.get("Id").asText()));
    assertThat(answered).isEqualTo(ids.stream().sorted().toList());
  }

  @Test
  void answersABareArrayWithoutTotalWhenSwitched() throws IOException {
    fake.addCustomer("Ada", "Lovelace", "ada@x.se", "1");
    fake.answersBareArrays(true);

    Answer a = search("ada", 0, 100);

    assertThat(a.body().isArray()).isTrue();
    assertThat(emails(a.body())).containsExactly("ada@x.se");
  }

  @Test
  void refusesAMalformedSkipOrTake() throws IOException {
    assertThat(search(null, -1, 10).code()).isEqualTo(400);
    assertThat(send(authed(fake.url("/customers?Take=ten"))).code()).isEqualTo(400);
  }

  @Test
  void createStoresTheCustomerUnderANewIdVisibleToReadsSearchesAndUpdates() throws IOException {
    UUID seeded = fake.addCustomer("Ada", "Lovelace", "ada@x.se", "1");
    UUID chosen = UUID.randomUUID();

    Answer created = create("{\"CustomerId\":\"" + chosen + "\",\"Firstname\":\"Grace\",\"Lastname\":\"Hopper\","
        + "\"Phone\":\"+46 70 1\",\"Email\":\"grace@y.se\",\"SubscribedToNewsletter\":true,"
        + "\"InvoiceAddress\":{\"InvoiceCity\":\"Lund\"},\"CustomFields\":[{\"Id\":3,\"Value\":\"v\"}]}");

    assertThat(created.code()).isEqualTo(200);
    UUID id = UUID.fromString(created.body().get("Id").asText());
    assertThat(id).isNotEqualTo(seeded).isNotEqualTo(chosen);
    assertThat(created.body().get("CompanyId").asText()).isEqualTo(fake.companyId().toString());
    assertThat(created.body().at("/InvoiceAddress/InvoiceCity").asText()).isEqualTo("Lund");
    assertThat(created.body().at("/CustomFieldValues/0/Value").asText()).isEqualTo("v");
    assertThat(created.body().get("CreatedOrUpdatedAccessKeys")).isEmpty();
    assertThat(fake.createdCustomers()).containsExactly(id);
    assertThat(fake.keysCreated()).isZero();
    assertThat(fake.customer(id).orElseThrow().get("SubscribedToNewsletter").asBoolean()).isTrue();
    assertThat(emails(search("grace@y.se", null, null).body().get("Results"))).containsExactly("grace@y.se");
    HttpUrl read = fake.url("/customers").newBuilder().addQueryParameter("CustomerId", id.toString()).build();
    assertThat(send(authed(read)).body().at("/Results/0/Firstname").asText()).isEqualTo("Grace");
    Answer updated = send(authed(fake.url("/customers/" + id)).put(RequestBody.create(
        "{\"Firstname\":\"Grace B.\",\"Lastname\":\"Hopper\"}", JSON_TYPE)));
    assertThat(updated.code()).isEqualTo(200);
    assertThat(fake.customer(id).orElseThrow().get("Firstname").asText()).isEqualTo("Grace B.");
  }

  @Test
  void createWithoutFirstnameLastnameOrPhoneIsAServiceStackValidationErrorAndStoresNothing() throws IOException {
    Answer a = create("{\"Firstname\":\" \",\"Email\":\"x@y.se\"}");

    assertThat(a.code()).isEqualTo(400);
    assertThat(a.body().at("/ResponseStatus/ErrorCode").asText()).isEqualTo("NotEmpty");
    assertThat(a.body().at("/ResponseStatus/Errors").findValuesAsText("FieldName"))
        .containsExactly("Firstname", "Lastname", "Phone");
    assertThat(fake.createdCustomers()).isEmpty();
    assertThat(search(null, null, null).body().get("Total").asInt()).isZero();
  }

  @Test
  void createWithAccessKeysCreatesThemVisibly() throws IOException {
    Answer a = create("{\"Firstname\":\"A\",\"Lastname\":\"B\",\"Phone\":\"1\",\"AccessKeys\":[{\"AccessKeyTypeId\":1,\"Value\":\"K\"}]}");

    assertThat(a.code()).isEqualTo(200);
    assertThat(fake.keysCreated()).isEqualTo(1);
    assertThat(a.body().get("CreatedOrUpdatedAccessKeys")).hasSize(1);
  }

  @Test
  void createInAnotherCompanyIsForbidden() throws IOException {
    Answer a = send(authed(fake.url("/customers").newBuilder().addQueryParameter("CompanyId", UUID.randomUUID().toString())
        .build()).post(RequestBody.create("{\"Firstname\":\"A\",\"Lastname\":\"B\",\"Phone\":\"1\"}", JSON_TYPE)));

    assertThat(a.code()).isEqualTo(403);
    assertThat(fake.createdCustomers()).isEmpty();
  }
}
