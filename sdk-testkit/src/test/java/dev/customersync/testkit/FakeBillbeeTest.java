package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeBillbeeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ID = 100000150176895L;

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private FakeBillbee fake;

  @BeforeEach
  void start() {
    fake = new FakeBillbee().nanoClock(now::get).start();
    fake.seedSample(ID);
  }

  @AfterEach
  void stop() {
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void getAnswersTheStoredCustomerInAnEnvelope() throws IOException {
    Answer a = call(get(ID));

    assertThat(a.status).isEqualTo(200);
    assertThat(a.body.get("ErrorCode").intValue()).isZero();
    assertThat(a.body.get("ErrorMessage").isNull()).isTrue();
    assertThat(a.body.get("Data")).isEqualTo(FakeBillbee.sampleCustomer(ID));
    assertThat(a.body.get("Data").get("Id").longValue()).isEqualTo(ID);
  }

  @Test
  void refusesAWrongApiKeyOrPasswordOrMissingBasicAuth() throws IOException {
    Request wrongKey = get(ID).newBuilder().header("X-Billbee-Api-Key", "other-key").build();
    Request wrongPassword = get(ID).newBuilder()
        .header("Authorization", Credentials.basic(FakeBillbee.DEFAULT_USERNAME, "wrong")).build();
    Request noBasic = get(ID).newBuilder().removeHeader("Authorization").build();

    for (Request r : List.of(wrongKey, wrongPassword, noBasic)) {
      Answer a = call(r);
      assertThat(a.status).isEqualTo(401);
      assertThat(a.body.get("Message").asText()).contains("Authorization has been denied");
    }
  }

  @Test
  void throttlesAThirdCallToOneEndpointWithinASecondWithRetryAfter() throws IOException {
    assertThat(call(get(ID)).status).isEqualTo(200);
    now.addAndGet(400_000_000L);
    assertThat(call(get(ID)).status).isEqualTo(200);
    now.addAndGet(500_000_000L);

    Answer third = call(get(ID));

    assertThat(third.status).isEqualTo(429);
    assertThat(third.retryAfter).isEqualTo("1");
    assertThat(fake.throttledCount()).isEqualTo(1);
    // One second after the first call, the window has room again.
    now.addAndGet(100_000_000L);
    assertThat(call(get(ID)).status).isEqualTo(200);
  }

  @Test
  void byDefaultGetAndPutOfOneCustomerShareTheEndpointWindow() throws IOException {
    assertThat(call(get(ID)).status).isEqualTo(200);
    now.addAndGet(400_000_000L);
    assertThat(call(get(ID)).status).isEqualTo(200);
    now.addAndGet(500_000_000L);

    Answer put = call(put(ID, FakeBillbee.sampleCustomer(ID).put("Name", "Changed")));

    assertThat(put.status).isEqualTo(429);
    assertThat(fake.throttledCount()).isEqualTo(1);
    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Ada Lovelace");
  }

  @Test
  void perMethodScopeGivesGetAndPutAWindowEach() throws IOException {
    fake.endpointScope(FakeBillbee.EndpointScope.METHOD_AND_ROUTE);
    assertThat(call(get(ID)).status).isEqualTo(200);
    now.addAndGet(400_000_000L);
    assertThat(call(get(ID)).status).isEqualTo(200);
    now.addAndGet(500_000_000L);

    assertThat(call(get(ID)).status).isEqualTo(429);
    assertThat(call(put(ID, FakeBillbee.sampleCustomer(ID))).status).isEqualTo(200);
    assertThat(call(put(ID, FakeBillbee.sampleCustomer(ID))).status).isEqualTo(200);
    assertThat(call(put(ID, FakeBillbee.sampleCustomer(ID))).status).isEqualTo(429);
    assertThat(fake.throttledCount()).isEqualTo(2);
  }

  @Test
  void storesAndAnswersWhatItDoesNotModelExactlyAtEveryLevel() throws IOException {
    String customer = "{\"Id\":7,\"Name\":\"Ada\",\"Balance\":1.50,\"Big\":1E+15,\"Huge\":9007199254740993,"
        + "\"Created\":\"2022-07-16T09:56:01.903\",\"Nothing\":null,\"Empty\":[],"
        + "\"MetaData\":[{\"Id\":1,\"TypeId\":1,\"Value\":\"a@example.com\",\"Verified\":{\"At\":\"2022-07-22T00:00:00Z\",\"Score\":0.10}}],"
        + "\"DefaultMailAddress\":{\"Id\":1,\"TypeId\":1,\"Value\":\"a@example.com\",\"Flags\":[1.0,null,{}]},"
        + "\"Loyalty\":{\"Level\":\"gold\",\"Since\":\"2021-01-02T03:04:05+02:00\",\"Points\":[12.340]},"
        + "\"Emoji\":\"\uD83D\uDE00\"}";
    fake.throttling(false).seed(7, customer);

    String got = callRaw(get(7));

    assertThat(got).isEqualTo("{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":" + customer + "}");
    String changed = customer.replace("\"Ada\"", "\"Augusta\"");
    assertThat(callRaw(base("7").put(RequestBody.create(changed, MediaType.get("application/json"))).build()))
        .isEqualTo("{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":" + changed + "}");
    assertThat(callRaw(get(7))).contains(changed);
  }

  @Test
  void canScriptAReadWhoseDataNamesNoCustomerOrAnother() throws IOException {
    fake.faults().next(FakeBillbee.envelopeNamingNoCustomer())
        .next(FakeBillbee.envelopeWithData(FakeBillbee.sampleCustomer(ID + 1)));

    Answer none = call(get(ID));
    Answer other = call(get(ID));

    assertThat(none.status).isEqualTo(200);
    assertThat(none.body.get("ErrorCode").intValue()).isZero();
    assertThat(none.body.get("Data").isObject()).isTrue();
    assertThat(none.body.get("Data").size()).isZero();
    assertThat(other.body.get("Data").get("Id").longValue()).isEqualTo(ID + 1);
  }

  @Test
  void seedsDatesInEachDocumentedForm() throws IOException {
    fake.throttling(false).seed(FakeBillbee.sampleCustomer(1, FakeBillbee.DateForm.WITHOUT_OFFSET))
        .seed(FakeBillbee.sampleCustomer(2, FakeBillbee.DateForm.UTC_Z))
        .seed(FakeBillbee.sampleCustomer(3, FakeBillbee.DateForm.WITH_OFFSET));

    assertThat(call(get(1)).body.at("/Data/RestoredAt").asText()).isEqualTo("2022-07-22T00:00:00.000");
    assertThat(call(get(2)).body.at("/Data/RestoredAt").asText()).isEqualTo("2022-07-22T00:00:00Z");
    assertThat(call(get(3)).body.at("/Data/RestoredAt").asText()).isEqualTo("2022-07-22T00:00:00+00:00");
    assertThat(FakeBillbee.DateForm.WITHOUT_OFFSET.format(OffsetDateTime.parse("2022-07-16T11:56:01.903+02:00")))
        .isEqualTo("2022-07-16T09:56:01.903");
  }

  @Test
  void anArchiveDateWithoutOffsetStillRefusesThePut() throws IOException {
    fake.seed(FakeBillbee.sampleCustomer(ID, FakeBillbee.DateForm.WITHOUT_OFFSET));
    fake.archive(ID, "2024-01-01T00:00:00.000");

    Answer a = call(put(ID, FakeBillbee.sampleCustomer(ID).put("Name", "Changed")));

    assertThat(a.body.get("ErrorCode").intValue()).isEqualTo(11);
    assertThat(fake.customer(ID).orElseThrow().get("ArchivedAt").asText()).isEqualTo("2024-01-01T00:00:00.000");
  }

  @Test
  void putAddsNoServerControlledDateTheCustomerDidNotHave() throws IOException {
    fake.seed(7, "{\"Name\":\"Ada\"}");

    call(put(7, JSON.createObjectNode().put("Id", 7).put("Name", "Augusta")));

    assertThat(fake.customer(7).orElseThrow().toString()).isEqualTo("{\"Id\":7,\"Name\":\"Augusta\"}");
  }

  @Test
  void throttleCanAnswerWithoutRetryAfter() throws IOException {
    fake.throttleRetryAfter(null).perEndpointPerSecond(1);
    call(get(ID));

    Answer throttled = call(get(ID));

    assertThat(throttled.status).isEqualTo(429);
    assertThat(throttled.retryAfter).isNull();
  }

  @Test
  void putReplacesTheWholeModelExceptServerManagedDates() throws IOException {
    ObjectNode body = JSON.createObjectNode().put("Id", ID).put("Name", "Only Name");

    Answer a = call(put(ID, body));

    assertThat(a.status).isEqualTo(200);
    ObjectNode stored = fake.customer(ID).orElseThrow();
    assertThat(stored.get("Name").asText()).isEqualTo("Only Name");
    assertThat(stored.has("PriceGroupId")).isFalse();
    assertThat(stored.has("MetaData")).isFalse();
    assertThat(stored.get("RestoredAt").asText()).isEqualTo("2022-07-22T00:00:00+00:00");
    assertThat(a.body.get("Data")).isEqualTo(stored);
  }

  @Test
  void refusesPropertyNamesCasedDifferentlyFromBillbee() throws IOException {
    ObjectNode body = FakeBillbee.sampleCustomer(ID);
    body.remove("Name");
    body.put("name", "lower case");
    ((ObjectNode) body.get("DefaultPhone1")).put("value", "x");

    Answer a = call(put(ID, body));

    assertThat(a.status).isEqualTo(400);
    assertThat(a.body.get("Message").asText()).isEqualTo("The request is invalid.");
    assertThat(a.body.get("ModelState").has("model.name")).isTrue();
    assertThat(a.body.get("ModelState").has("model.DefaultPhone1.value")).isTrue();
    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Ada Lovelace");
  }

  @Test
  void refusesAnIdThatIsNotInt64AndABodyIdForAnotherCustomer() throws IOException {
    Answer notNumber = call(base("abc").get().build());
    Answer otherId = call(put(ID, FakeBillbee.sampleCustomer(ID + 1)));

    assertThat(notNumber.status).isEqualTo(400);
    assertThat(notNumber.body.get("ModelState").has("id")).isTrue();
    assertThat(otherId.status).isEqualTo(400);
    assertThat(otherId.body.get("ModelState").has("model.Id")).isTrue();
  }

  @Test
  void unknownCustomerIs404WithAnErrorEnvelope() throws IOException {
    Answer a = call(get(42));

    assertThat(a.status).isEqualTo(404);
    assertThat(a.body.get("ErrorMessage").asText()).contains("42");
  }

  @Test
  void archivedCustomerRefusesPutWithAnErrorEnvelopeOnHttp200() throws IOException {
    fake.archive(ID, OffsetDateTime.parse("2024-01-01T00:00:00+00:00"));

    Answer a = call(put(ID, FakeBillbee.sampleCustomer(ID).put("Name", "Changed")));

    assertThat(a.status).isEqualTo(200);
    assertThat(a.body.get("ErrorCode").intValue()).isEqualTo(11);
    assertThat(a.body.get("ErrorMessage").asText()).contains("archived");
    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Ada Lovelace");
  }

  @Test
  void envelopeAndModelStateFaultsLeaveTheStoreAlone() throws IOException {
    fake.faults().next(FakeBillbee.envelopeError(11, "Invalid data"))
        .next(FakeBillbee.modelStateError("The request is invalid.", Map.of("model.Email", List.of("bad"))));

    Answer envelope = call(put(ID, FakeBillbee.sampleCustomer(ID).put("Name", "X")));
    Answer modelState = call(put(ID, FakeBillbee.sampleCustomer(ID).put("Name", "Y")));

    assertThat(envelope.status).isEqualTo(200);
    assertThat(envelope.body.get("ErrorCode").intValue()).isEqualTo(11);
    assertThat(modelState.status).isEqualTo(400);
    assertThat(modelState.body.get("ModelState").get("model.Email").get(0).asText()).isEqualTo("bad");
    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Ada Lovelace");
    assertThat(fake.journal().size()).isEqualTo(2);
  }

  private Request.Builder base(String id) {
    return new Request.Builder().url(fake.url("/api/v1/customers/" + id))
        .header("X-Billbee-Api-Key", FakeBillbee.DEFAULT_API_KEY)
        .header("Authorization", Credentials.basic(FakeBillbee.DEFAULT_USERNAME, FakeBillbee.DEFAULT_API_PASSWORD));
  }

  private Request get(long id) {
    return base(Long.toString(id)).get().build();
  }

  private Request put(long id, JsonNode body) {
    return base(Long.toString(id)).put(RequestBody.create(body.toString(), MediaType.get("application/json"))).build();
  }

  private String callRaw(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      return r.body().string();
    }
  }

  private Answer call(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      return new Answer(r.code(), text.isEmpty() ? null : JSON.readTree(text), r.header("Retry-After"));
    }
  }

  private record Answer(int status, JsonNode body, String retryAfter) {}
}
