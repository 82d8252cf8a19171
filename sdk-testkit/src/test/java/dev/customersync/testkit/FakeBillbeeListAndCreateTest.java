package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's customer list and create: paging, strictness where Billbee is unconfirmed, state. */
class FakeBillbeeListAndCreateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private FakeBillbee fake;

  @BeforeEach
  void start() {
    fake = new FakeBillbee().throttling(false).start();
  }

  @AfterEach
  void stop() {
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void listsCustomersInAscendingIdOrderWithACorrectPagingBlock() throws IOException {
    for (long id : List.of(30L, 10L, 20L, 50L, 40L)) {
      fake.seedSample(id);
    }

    Answer first = call(list("page=1&pageSize=2"));
    Answer last = call(list("page=3&pageSize=2"));
    Answer beyond = call(list("page=4&pageSize=2"));

    assertThat(first.status).isEqualTo(200);
    assertThat(ids(first.body)).containsExactly(10L, 20L);
    assertThat(first.body.get("Paging")).isEqualTo(JSON.readTree(
        "{\"Page\": 1, \"TotalPages\": 3, \"TotalRows\": 5, \"PageSize\": 2}"));
    assertThat(first.body.get("ErrorCode").intValue()).isZero();
    assertThat(first.body.get("Data").get(0)).isEqualTo(JSON.readTree(FakeBillbee.sampleCustomer(10).toString()));
    assertThat(ids(last.body)).containsExactly(50L);
    assertThat(ids(beyond.body)).isEmpty();
  }

  @Test
  void listDefaultsToPage1Of50() throws IOException {
    for (long id = 1; id <= 60; id++) {
      fake.seedSample(id);
    }

    Answer a = call(list(""));

    assertThat(ids(a.body)).hasSize(50).startsWith(1L);
    assertThat(a.body.get("Paging").get("PageSize").intValue()).isEqualTo(50);
    assertThat(a.body.get("Paging").get("TotalPages").intValue()).isEqualTo(2);
  }

  @Test
  void refusesAPageSizeOutside1To250AndAPageBelow1WithModelState400() throws IOException {
    for (String query : List.of("pageSize=251", "pageSize=0", "page=0", "pageSize=x")) {
      Answer a = call(list(query));
      assertThat(a.status).as(query).isEqualTo(400);
      assertThat(a.body.get("ModelState").size()).as(query).isEqualTo(1);
    }
  }

  @Test
  void listsArchivedCustomersByDefaultAndLeavesThemOutWhenSwitchedOff() throws IOException {
    fake.seedSample(1).seedSample(2).archive(2, OffsetDateTime.parse("2024-01-01T00:00:00+00:00"));

    List<Long> listed = ids(call(list("pageSize=250")).body);
    fake.listsArchivedCustomers(false);
    Answer without = call(list("pageSize=250"));

    assertThat(listed).containsExactly(1L, 2L);
    assertThat(ids(without.body)).containsExactly(1L);
    assertThat(without.body.get("Paging").get("TotalRows").intValue()).isEqualTo(1);
  }

  @Test
  void createStoresTheCustomerWithAnIdAboveEverySeededOneVisibleToGetAndList() throws IOException {
    // The samples' meta data ids are id × 10 + 1…4: customer 100's go up to 1004, and an id the
    // fake hands out is above every id of any kind.
    fake.seedSample(100).seedSample(7);

    Answer first = call(create("{\"Name\": \"Ada Lovelace\", \"Email\": \"ada@example.com\", \"Type\": 0, "
        + "\"Address\": {\"AddressType\": 1, \"FirstName\": \"Ada\"}}"));
    Answer second = call(create("{\"Name\": \"Grace Hopper\", \"Address\": {\"AddressType\": 1}}"));

    assertThat(first.status).isEqualTo(200);
    JsonNode created = first.body.get("Data");
    assertThat(created.get("Id").longValue()).isEqualTo(1005);
    assertThat(created.get("Name").asText()).isEqualTo("Ada Lovelace");
    assertThat(created.has("Address")).as("the address is not part of CustomerApiModel").isFalse();
    assertThat(created.get("ArchivedAt").isNull()).isTrue();
    assertThat(second.body.get("Data").get("Id").longValue()).isEqualTo(1007);
    assertThat(fake.createdCount()).isEqualTo(2);
    assertThat(fake.createdIds()).containsExactly(1005L, 1007L);
    assertThat(fake.createdAddress(1005).orElseThrow().get("CustomerId").longValue()).isEqualTo(1005);
    assertThat(fake.createdAddress(1005).orElseThrow().get("Id").longValue()).as("the address's id is new too").isEqualTo(1006);
    assertThat(call(base("/api/v1/customers/1005").get().build()).body.get("Data")).isEqualTo(created);
    assertThat(ids(call(list("pageSize=250")).body)).containsExactly(7L, 100L, 1005L, 1007L);
  }

  @Test
  void seedingAfterACreateNeverMakesTheNextIdCollide() throws IOException {
    fake.seedSample(5);
    call(create("{\"Name\": \"A\", \"Address\": {}}"));
    fake.seedSample(50);

    Answer next = call(create("{\"Name\": \"B\", \"Address\": {}}"));

    // Sample 50's meta data ids are 501…504.
    assertThat(next.body.get("Data").get("Id").longValue()).isEqualTo(505);
  }

  @Test
  void refusesACreateWithoutAddressOrWithAnIdOrMiscasedNames() throws IOException {
    Answer noAddress = call(create("{\"Name\": \"A\"}"));
    Answer nullAddress = call(create("{\"Name\": \"A\", \"Address\": null}"));
    Answer withId = call(create("{\"Id\": 5, \"Name\": \"A\", \"Address\": {}}"));
    Answer miscased = call(create("{\"name\": \"A\", \"Address\": {\"street\": \"x\"}}"));

    assertThat(noAddress.status).isEqualTo(400);
    assertThat(noAddress.body.get("ModelState").has("model.Address")).isTrue();
    assertThat(nullAddress.body.get("ModelState").has("model.Address")).isTrue();
    assertThat(withId.body.get("ModelState").has("model.Id")).isTrue();
    assertThat(miscased.body.get("ModelState").has("model.name")).isTrue();
    assertThat(miscased.body.get("ModelState").has("model.Address.street")).isTrue();
    assertThat(fake.createdCount()).isZero();
    assertThat(fake.customerCount()).isZero();
  }

  @Test
  void listAndCreateShareOneThrottleEndpointApartFromTheCustomerRoute() throws IOException {
    fake.throttling(true).nanoClock(() -> 0L).seedSample(1);

    assertThat(call(list("")).status).isEqualTo(200);
    assertThat(call(create("{\"Name\": \"A\", \"Address\": {}}")).status).isEqualTo(200);
    assertThat(call(list("")).status).isEqualTo(429);
    assertThat(call(base("/api/v1/customers/1").get().build()).status).isEqualTo(200);
  }

  private Request.Builder base(String path) {
    return new Request.Builder().url(fake.url(path))
        .header("X-Billbee-Api-Key", FakeBillbee.DEFAULT_API_KEY)
        .header("Authorization", Credentials.basic(FakeBillbee.DEFAULT_USERNAME, FakeBillbee.DEFAULT_API_PASSWORD));
  }

  private Request list(String query) {
    return base("/api/v1/customers" + (query.isEmpty() ? "" : "?" + query)).get().build();
  }

  private Request create(String json) {
    return base("/api/v1/customers").post(RequestBody.create(json, MediaType.get("application/json"))).build();
  }

  private static List<Long> ids(JsonNode envelope) {
    List<Long> out = new ArrayList<>();
    envelope.get("Data").forEach(c -> out.add(c.get("Id").longValue()));
    return out;
  }

  private Answer call(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      String text = r.body().string();
      return new Answer(r.code(), text.isEmpty() ? null : JSON.readTree(text));
    }
  }

  private record Answer(int status, JsonNode body) {}
}
