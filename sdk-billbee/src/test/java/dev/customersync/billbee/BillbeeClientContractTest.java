package dev.customersync.billbee;

import static dev.customersync.billbee.BillbeeSamples.CUSTOMER;
import static dev.customersync.billbee.BillbeeSamples.CUSTOMER_ENVELOPE;
import static dev.customersync.billbee.BillbeeSamples.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact wire of both calls and every error format, against MockWebServer. */
class BillbeeClientContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper BILLBEE_JSON = BillbeeJson.newMapper();
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      (TestClients.USERNAME + ":" + TestClients.API_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final TestClients clients = new TestClients();
  private BillbeeClient client;

  @BeforeEach
  void setUp() {
    client = clients.client(server.url("/"));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void getCustomerSendsKeyBasicAndJsonHeadersAndUnwrapsData() throws Exception {
    server.enqueue(json(200, CUSTOMER_ENVELOPE));

    BillbeeCustomer c = client.getCustomer(ID);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/customers/100000150176895");
    assertThat(r.getUrl().query()).isNull();
    assertThat(r.getHeaders().get("X-Billbee-Api-Key")).isEqualTo(TestClients.API_KEY);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getBodySize()).isZero();

    assertThat(c.id()).isEqualTo(ID);
    assertThat(c.name()).isEqualTo("Ada Lovelace");
    assertThat(c.email()).isEqualTo("ada@example.com");
    assertThat(c.tel1()).isEqualTo("+49 30 1234567");
    assertThat(c.tel2()).isEqualTo("+49 170 7654321");
    assertThat(c.number()).isEqualTo(4711L);
    assertThat(c.priceGroupId()).isEqualTo(100000000012345L);
    assertThat(c.languageId()).isEqualTo(1);
    assertThat(c.vatId()).isEqualTo("DE123456789");
    assertThat(c.type()).isEqualTo(BillbeeCustomerType.END_CUSTOMER);
    assertThat(c.metaData()).hasSize(5);
    assertThat(c.metaData().get(2)).isEqualTo(BillbeeCustomerMetaData.builder().id(100000000000003L)
        .typeId(BillbeeCustomerMetaData.TYPE_PHONE).typeName("Telefon").subType("landline").value("+49 30 1234567")
        .build());
    assertThat(c.defaultMailAddress().value()).isEqualTo("ada@example.com");
    assertThat(c.defaultCommercialMailAddress().value()).isEqualTo("billing@example.com");
    assertThat(c.defaultStatusUpdatesMailAddress().id()).isEqualTo(100000000000001L);
    assertThat(c.defaultPhone1().value()).isEqualTo("+49 30 1234567");
    assertThat(c.defaultPhone2().subType()).isEqualTo("mobile");
    assertThat(c.defaultFax().subType()).isNull();
    assertThat(c.archivedAt()).isNull();
    assertThat(c.restoredAt()).isEqualTo(OffsetDateTime.parse("2022-07-22T00:00:00+00:00"));
    assertThat(c.isArchived()).isFalse();
    assertThat(c.additionalProperties()).isEmpty();
  }

  @Test
  void updateCustomerPutsTheWholeModelWithEveryPropertyCasedAsBillbee() throws Exception {
    server.enqueue(json(200, CUSTOMER_ENVELOPE));
    BillbeeCustomer model = BILLBEE_JSON.readValue(CUSTOMER, BillbeeCustomer.class);

    BillbeeCustomer answer = client.updateCustomer(ID, model);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/customers/100000150176895");
    assertThat(r.getHeaders().get("X-Billbee-Api-Key")).isEqualTo(TestClients.API_KEY);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(JSON.readTree(r.getBody().utf8())).isEqualTo(JSON.readTree(CUSTOMER));
    assertThat(answer).isEqualTo(model);
  }

  @Test
  void updateCustomerWritesNullPropertiesExplicitlySoNothingDependsOnOmission() throws Exception {
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 7, \"Name\": \"X\"}")));

    client.updateCustomer(7, BillbeeCustomer.builder().name("X").build());

    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(names(body)).containsExactly("Id", "Name", "Email", "Tel1", "Tel2", "Number", "PriceGroupId",
        "LanguageId", "VatId", "Type", "MetaData", "DefaultMailAddress", "DefaultCommercialMailAddress",
        "DefaultStatusUpdatesMailAddress", "DefaultPhone1", "DefaultPhone2", "DefaultFax", "ArchivedAt", "RestoredAt");
    assertThat(body.get("Id").longValue()).as("Id filled in from the path").isEqualTo(7);
    assertThat(body.get("Email").isNull()).isTrue();
    assertThat(body.get("MetaData").isNull()).isTrue();
  }

  @Test
  void unknownPropertiesAreReadAndWrittenBackUnchanged() throws Exception {
    ObjectNode withExtras = (ObjectNode) JSON.readTree(CUSTOMER);
    withExtras.putObject("FutureSettings").put("Newsletter", true).putArray("Tags").add("vip");
    withExtras.putNull("FutureNullable");
    server.enqueue(json(200, BillbeeSamples.envelope(withExtras.toString())));
    server.enqueue(json(200, BillbeeSamples.envelope(withExtras.toString())));

    BillbeeCustomer read = client.getCustomer(ID);
    client.updateCustomer(ID, read.toBuilder().name("Ada King").build());

    assertThat(read.additionalProperties()).containsOnlyKeys("FutureSettings", "FutureNullable");
    server.takeRequest();
    JsonNode put = JSON.readTree(server.takeRequest().getBody().utf8());
    ObjectNode expected = withExtras.deepCopy().put("Name", "Ada King");
    assertThat(put).isEqualTo(expected);
  }

  @Test
  void largeIdsRoundTripExactly() throws Exception {
    long big = 9_007_199_254_740_993L; // 2^53 + 1: would be rounded by any double on the way
    String body = CUSTOMER.replace("100000150176895", Long.toString(big));
    server.enqueue(json(200, BillbeeSamples.envelope(body)));
    server.enqueue(json(200, BillbeeSamples.envelope(body)));

    BillbeeCustomer read = client.getCustomer(big);
    client.updateCustomer(big, read);

    assertThat(read.id()).isEqualTo(big);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/customers/9007199254740993");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v1/customers/9007199254740993");
    assertThat(put.getBody().utf8()).contains("\"Id\":9007199254740993");
    assertThat(JSON.readTree(put.getBody().utf8()).get("PriceGroupId").longValue()).isEqualTo(100000000012345L);
  }

  @Test
  void datesAreWrittenAsIsoWithNumericOffset() throws Exception {
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 7}")));

    client.updateCustomer(7, BillbeeCustomer.builder()
        .restoredAt(OffsetDateTime.parse("2022-07-22T00:00:00Z"))
        .archivedAt(OffsetDateTime.parse("2021-01-02T03:04:05.123+02:00"))
        .build());

    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(body.get("RestoredAt").asText()).isEqualTo("2022-07-22T00:00:00+00:00");
    assertThat(body.get("ArchivedAt").asText()).isEqualTo("2021-01-02T03:04:05.123+02:00");
  }

  @Test
  void envelopeErrorOnHttp200IsAVendorApiExceptionNamedByItsCode() {
    server.enqueue(json(200, "{\"ErrorMessage\": \"Email is not valid\", \"ErrorCode\": 11, \"ErrorDescription\": 11, \"Data\": null}"));

    VendorApiException e = catchThrowableOfType(VendorApiException.class,
        () -> client.updateCustomer(ID, BillbeeCustomer.builder().build()));

    assertThat(e.getClass()).isEqualTo(VendorApiException.class);
    assertThat(e.vendor()).isEqualTo("billbee");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.errorCode()).contains("InvalidData");
    assertThat(e.vendorMessage()).contains("Email is not valid");
    assertThat(e.getMessage()).contains("[InvalidData]").contains("Email is not valid");
    assertThat(e.rawBody()).contains("\"ErrorCode\": 11");
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void envelopeWithAMessageButErrorCodeZeroIsAFailureToo() {
    server.enqueue(json(200, "{\"ErrorMessage\": \"Something went wrong\", \"ErrorCode\": 0, \"Data\": null}"));

    assertThatThrownBy(() -> client.getCustomer(ID))
        .isExactlyInstanceOf(VendorApiException.class)
        .hasMessageContaining("Something went wrong");
  }

  @Test
  void envelopeWithAnUnnamedCodeKeepsTheNumber() {
    server.enqueue(json(200, "{\"ErrorMessage\": null, \"ErrorCode\": 23, \"Data\": null}"));

    VendorApiException e = catchThrowableOfType(VendorApiException.class, () -> client.getCustomer(ID));

    assertThat(e.errorCode()).contains("Unknown(23)");
    assertThat(e.getMessage()).contains("without a message");
  }

  @Test
  void envelopeSayingTheAccountCannotUseTheApiIsAnAuthenticationException() {
    server.enqueue(json(200, "{\"ErrorMessage\": \"API not activated\", \"ErrorCode\": 1, \"Data\": null}"));
    server.enqueue(json(200, "{\"ErrorMessage\": \"Internal error\", \"ErrorCode\": 8, \"Data\": null}"));

    assertThatThrownBy(() -> client.getCustomer(ID)).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("[ApiNotActivated]");
    assertThatThrownBy(() -> client.getCustomer(ID)).isInstanceOf(VendorServerException.class)
        .hasMessageContaining("[InternalError]");
  }

  @Test
  void modelState400BecomesFieldErrorsNamedLikeBillbeeProperties() {
    server.enqueue(json(400, """
        {"Message": "The request is invalid.",
         "ModelState": {"model.Email": ["The Email field is not a valid e-mail address."],
                        "model.MetaData[0].Value": ["Required", "Too long"]}}"""));

    VendorApiException e = catchThrowableOfType(VendorApiException.class,
        () -> client.updateCustomer(ID, BillbeeCustomer.builder().build()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.vendorMessage()).contains("The request is invalid.");
    assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Email", "The Email field is not a valid e-mail address.",
        "MetaData[0].Value", "Required; Too long"));
    assertThat(server.getRequestCount()).as("a 400 is not retried").isEqualTo(1);
  }

  @Test
  void status401And403AreAuthenticationExceptions() {
    server.enqueue(json(401, "{\"Message\": \"Authorization has been denied for this request.\"}"));
    server.enqueue(json(403, "{\"Message\": \"Forbidden\"}"));

    AuthenticationException denied = catchThrowableOfType(AuthenticationException.class, () -> client.getCustomer(ID));
    AuthenticationException forbidden = catchThrowableOfType(AuthenticationException.class, () -> client.getCustomer(ID));

    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.vendorMessage()).contains("Authorization has been denied for this request.");
    assertThat(forbidden.statusCode()).isEqualTo(403);
  }

  @Test
  void unknownCustomerIsNotFoundWhether404OrAnEmptyData() {
    server.enqueue(json(404, "{\"ErrorMessage\": \"Customer not found\", \"ErrorCode\": 0, \"Data\": null}"));
    server.enqueue(json(200, "{\"ErrorMessage\": null, \"ErrorCode\": 0, \"Data\": null}"));

    assertThatThrownBy(() -> client.getCustomer(ID)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Customer not found");
    assertThatThrownBy(() -> client.getCustomer(ID)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no customer 100000150176895");
  }

  @Test
  void aNonJsonErrorKeepsStatusAndRawBody() {
    client.close();
    client = clients.builder(server.url("/")).retryPolicy(RetryPolicy.none()).build();
    server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><body>Bad Gateway</body></html>").build());

    VendorServerException e = catchThrowableOfType(VendorServerException.class, () -> client.getCustomer(ID));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.rawBody()).contains("Bad Gateway");
  }

  @Test
  void aSuccessBodyThatIsNotAnEnvelopeIsAVendorApiException() {
    server.enqueue(json(200, "<html>maintenance</html>"));

    assertThatThrownBy(() -> client.getCustomer(ID)).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("not a BillbeeCustomer envelope");
  }

  @Test
  void retriesOn429WithRetryAfterThenSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
    server.enqueue(json(200, CUSTOMER_ENVELOPE));

    BillbeeCustomer c = client.updateCustomer(ID, BILLBEE_JSON.readValue(CUSTOMER, BillbeeCustomer.class));

    assertThat(c.id()).isEqualTo(ID);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clients.retryWaits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void retriesOn429WithoutRetryAfterOnItsOwnBackoffThenSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(json(200, CUSTOMER_ENVELOPE));

    BillbeeCustomer c = client.getCustomer(ID);

    assertThat(c.id()).isEqualTo(ID);
    assertThat(clients.retryWaits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void keeps429ingBecomesARateLimitExceptionAfterThePolicysAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    }

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.getCustomer(ID));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void rejectsANonPositiveIdBeforeSending() {
    for (long bad : List.of(0L, -1L, Long.MIN_VALUE)) {
      assertThatThrownBy(() -> client.getCustomer(bad)).isInstanceOf(CustomerValidationException.class)
          .hasMessageContaining("id");
      assertThatThrownBy(() -> client.updateCustomer(bad, BillbeeCustomer.builder().build()))
          .isInstanceOf(CustomerValidationException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectsABodyIdForAnotherCustomerBeforeSending() {
    assertThatThrownBy(() -> client.updateCustomer(ID, BillbeeCustomer.builder().id(ID + 1).build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("Id: must be the id in the path (100000150176895)");
    assertThat(server.getRequestCount()).isZero();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
