package dev.customersync.billbee;

import static dev.customersync.billbee.BillbeeSamples.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.json.LosslessJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The updater's exact wire: what is read, what is (or is not) written, and what is refused. */
class BillbeeLosslessUpdateContractTest {

  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      (TestClients.USERNAME + ":" + TestClients.API_PASSWORD).getBytes(StandardCharsets.UTF_8));

  /**
   * Billbee's sample as its fixtures write it: dates without an offset, plus what this SDK does not
   * model (a decimal with a trailing zero, an exponent, nulls, an empty list, unknown properties of
   * meta-data entries and of the customer).
   */
  private static final String READ = "{\"Id\":100000150176895,\"Name\":\"Ada Lovelace\",\"Email\":\"ada@example.com\","
      + "\"Tel1\":\"+49 30 1234567\",\"Tel2\":null,\"Number\":4711,\"PriceGroupId\":100000000012345,\"LanguageId\":null,"
      + "\"VatId\":\"DE123456789\",\"Type\":0,"
      + "\"MetaData\":[{\"Id\":100000000000001,\"TypeId\":1,\"TypeName\":\"E-Mail\",\"SubType\":\"private\","
      + "\"Value\":\"ada@example.com\",\"VerifiedAt\":\"2022-07-16T09:56:01.903\"},"
      + "{\"Id\":100000000000003,\"TypeId\":2,\"TypeName\":\"Telefon\",\"SubType\":null,\"Value\":\"+49 30 1234567\"}],"
      + "\"DefaultMailAddress\":{\"Id\":100000000000001,\"TypeId\":1,\"TypeName\":\"E-Mail\",\"SubType\":\"private\","
      + "\"Value\":\"ada@example.com\",\"VerifiedAt\":\"2022-07-16T09:56:01.903\"},"
      + "\"DefaultCommercialMailAddress\":null,"
      + "\"DefaultStatusUpdatesMailAddress\":{\"Id\":100000000000001,\"TypeId\":1,\"TypeName\":\"E-Mail\","
      + "\"SubType\":\"private\",\"Value\":\"ada@example.com\"},"
      + "\"DefaultPhone1\":{\"Id\":100000000000003,\"TypeId\":2,\"TypeName\":\"Telefon\",\"SubType\":null,"
      + "\"Value\":\"+49 30 1234567\"},\"DefaultPhone2\":null,\"DefaultFax\":null,"
      + "\"ArchivedAt\":null,\"RestoredAt\":\"2022-07-16T09:56:01.903\","
      + "\"CreditLimit\":1.50,\"Turnover\":1E+15,\"Tags\":[],\"Loyalty\":{\"Level\":\"gold\",\"Since\":\"2021-01-02T03:04:05Z\"}}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final TestClients clients = new TestClients();
  private BillbeeClient client;
  private CustomerUpdater updater;

  @BeforeEach
  void setUp() {
    client = clients.builder(server.url("/")).retryPolicy(RetryPolicy.none()).build();
    updater = client.customerUpdater();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void aOneFieldChangePutsTheReadJsonWithOnlyThatFieldChanged() throws Exception {
    String expected = READ.replace("\"VatId\":\"DE123456789\"", "\"VatId\":\"DE999999999\"");
    server.enqueue(json(envelope(READ)));
    server.enqueue(json(envelope(expected)));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().vatId("DE999999999").build());

    RecordedRequest get = server.takeRequest();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v1/customers/100000150176895");
    assertThat(get.getUrl().query()).isNull();
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v1/customers/100000150176895");
    assertThat(put.getUrl().query()).isNull();
    assertThat(put.getHeaders().get("X-Billbee-Api-Key")).isEqualTo(TestClients.API_KEY);
    assertThat(put.getHeaders().get("Authorization")).isEqualTo(BASIC);
    assertThat(put.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(put.getHeaders().get("Content-Type")).isEqualTo("application/json");
    JsonNode sent = LosslessJson.read(put.getBody().toByteArray());
    assertSameFieldByField("", LosslessJson.read(expected), sent);
    assertThat(put.getBody().utf8()).as("byte for byte").isEqualTo(expected);

    assertThat(r.written()).isTrue();
    assertThat(r.changes()).containsExactly(FieldChange.of("VatId", "\"DE123456789\"", "\"DE999999999\""));
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(r.customer().vatId()).contains("DE999999999");
  }

  @Test
  void writesNothingWhenNothingChanged() throws Exception {
    server.enqueue(json(envelope(READ)));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().firstName("Ada").lastName("Lovelace")
        .email("ada@example.com").phone("+49 30 1234567").vatId("DE123456789").externalCode("4711").build());

    assertThat(r.written()).isFalse();
    assertThat(r.changes()).isEmpty();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    assertThat(r.customer().email()).contains("ada@example.com");
    assertThat(r.vendorResponse(BillbeeCustomer.class).restoredAt())
        .as("a date without offset is read as UTC").isEqualTo(OffsetDateTime.parse("2022-07-16T09:56:01.903Z"));
  }

  @Test
  void planListsEmailAndEveryCopyOfTheDefaultMailEntryAndWritesNothing() {
    server.enqueue(json(envelope(READ)));

    UpdatePlan plan = updater.plan(Long.toString(ID), Customer.builder().email("ada@lovelace.example").build());

    String was = "\"ada@example.com\"";
    String now = "\"ada@lovelace.example\"";
    assertThat(plan.changes()).containsExactly(
        FieldChange.of("Email", was, now),
        FieldChange.of("MetaData[0].Value", was, now),
        FieldChange.of("DefaultMailAddress.Value", was, now),
        FieldChange.of("DefaultStatusUpdatesMailAddress.Value", was, now));
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.customerId()).isEqualTo("100000150176895");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aReadWhoseDataIsAnEmptyObjectIsRefusedAndNothingIsWritten() {
    server.enqueue(json(envelope("{}")));

    UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));

    assertThat(e.requestedId()).isEqualTo("100000150176895");
    assertThat(e.foundId()).isEmpty();
    assertThat(e.vendor()).isEqualTo("billbee");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("names no customer").contains("nothing was written");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aReadWhoseDataCarriesNoIntegerIdIsRefusedAndNothingIsWritten() {
    List<String> datas = List.of("{\"Name\":\"Ada\"}", "{\"Id\":null,\"Name\":\"Ada\"}",
        "{\"Id\":\"100000150176895\",\"Name\":\"Ada\"}", "[]", "\"Ada\"");
    for (String data : datas) {
      server.enqueue(json(envelope(data)));
    }

    for (String data : datas) {
      assertThatThrownBy(() -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()))
          .as(data).isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).isEmpty());
    }
    assertThat(server.getRequestCount()).isEqualTo(datas.size());
  }

  @Test
  void aReadNamingAnotherCustomerIsRefusedAndNothingIsWritten() {
    server.enqueue(json(envelope(READ.replace("\"Id\":100000150176895", "\"Id\":100000150176896"))));

    UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));

    assertThat(e.foundId()).contains("100000150176896");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSuccessEnvelopeWithNullOrNoDataIsNotFoundAndNothingIsWritten() {
    server.enqueue(json("{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":null}"));
    server.enqueue(json("{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0}"));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()))
          .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer 100000150176895");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aFailureInsideTheReadsHttp200EnvelopeIsRaisedAndNothingIsWritten() {
    server.enqueue(json("{\"ErrorMessage\":\"Customer locked\",\"ErrorCode\":11,\"ErrorDescription\":11,\"Data\":{}}"));
    server.enqueue(json("{\"ErrorMessage\":\"Something went wrong\",\"ErrorCode\":0,\"Data\":" + READ + "}"));

    VendorApiException coded = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));
    VendorApiException messageOnly = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));

    assertThat(coded).isNotInstanceOf(UnexpectedCustomerException.class);
    assertThat(coded.statusCode()).isEqualTo(200);
    assertThat(coded.errorCode()).contains("InvalidData");
    assertThat(coded.getMessage()).contains("Customer locked");
    assertThat(messageOnly.getMessage()).contains("Something went wrong");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aReadThatIsNotAnEnvelopeIsRefusedWithoutQuotingJackson() {
    server.enqueue(json("<html>maintenance</html>"));
    server.enqueue(json("[1,2]"));

    VendorApiException notJson = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));
    VendorApiException notEnvelope = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));

    assertThat(notJson.getMessage()).contains("not JSON");
    assertThat(notJson.getCause()).isNull();
    assertThat(notEnvelope.getMessage()).contains("not an envelope");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void whenThePutAnswerCarriesNoCustomerTheBodySentIsTheResult() throws Exception {
    server.enqueue(json(envelope(READ)));
    server.enqueue(json("{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":null}"));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().mobilePhone("+49 171 1").build());

    assertThat(r.customer().mobilePhone()).contains("+49 171 1");
    BillbeeCustomer vendor = r.vendorResponse(BillbeeCustomer.class);
    assertThat(vendor.tel2()).isEqualTo("+49 171 1");
    assertThat(vendor.additionalProperties()).containsOnlyKeys("CreditLimit", "Turnover", "Tags", "Loyalty");
    assertThat(r.changes()).as("no DefaultPhone2 entry to mirror into; none is created")
        .containsExactly(FieldChange.of("Tel2", "null", "\"+49 171 1\""));
  }

  @Test
  void anArchiveDateWithoutOffsetStillRefusesTheUpdateBeforeAnyPut() {
    server.enqueue(json(envelope(READ.replace("\"ArchivedAt\":null", "\"ArchivedAt\":\"2024-01-01T00:00:00\""))));

    BillbeeCustomerArchivedException e = catchThrowableOfType(BillbeeCustomerArchivedException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()));

    assertThat(e.customerId()).isEqualTo(ID);
    assertThat(e.archivedAt()).isEqualTo(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anArchiveDateThatIsNoDateStopsTheUpdateBeforeAnyPut() {
    server.enqueue(json(envelope(READ.replace("\"ArchivedAt\":null", "\"ArchivedAt\":\"yesterday\""))));

    assertThatThrownBy(() -> updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build()))
        .isInstanceOf(VendorApiException.class).hasMessageContaining("ArchivedAt").hasMessageContaining("nothing was written");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Compares two trees property by property, naming the first path that differs. */
  static void assertSameFieldByField(String path, JsonNode expected, JsonNode actual) {
    assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
    if (expected.isObject()) {
      List<String> names = new ArrayList<>();
      expected.fieldNames().forEachRemaining(names::add);
      List<String> actualNames = new ArrayList<>();
      actual.fieldNames().forEachRemaining(actualNames::add);
      assertThat(actualNames).as(path + " properties").isEqualTo(names);
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assertSameFieldByField(path + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()));
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertSameFieldByField(path + "/" + i, expected.get(i), actual.get(i));
      }
    } else {
      assertThat(LosslessJson.text(actual)).as(path).isEqualTo(LosslessJson.text(expected));
    }
  }

  static String envelope(String data) {
    return "{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":" + data + "}";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }
}
