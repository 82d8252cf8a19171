package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.json.LosslessJson;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The neutral updater's exact requests: GetCustomer, then UpdateCustomer3 or nothing, against a scripted server. */
class StormUpdaterContractTest {

  /** A real-shaped read with what the DTOs do not model: unknown members, decimals, nulls, a date without offset. */
  private static final String READ = "{\"Id\":42,\"Key\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"Code\":\"ERP-42\","
      + "\"Email\":\"ada@example.com\",\"SSN\":null,\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"Phone\":null,"
      + "\"CellPhone\":\"+46 70 123\",\"ReferId\":null,\"ReferUrl\":null,\"Account\":null,"
      + "\"Companies\":[{\"Id\":501,\"Name\":\"Engines AB\",\"OrgNo\":\"556677-8899\",\"Discount\":12.50,"
      + "\"Flags\":[{\"Id\":3,\"Name\":\"Key account\",\"Group\":1,\"IsSelected\":true,\"Sort\":1E+15}]}],"
      + "\"DeliveryAddresses\":[],\"InvoiceAddress\":{\"Id\":9001,\"Line1\":\"Storgatan 1\",\"Zip\":\"111 22\","
      + "\"City\":\"Stockholm\",\"CountryId\":1,\"Country\":\"SE\",\"IsValidated\":true,\"Geo\":{\"Lat\":59.3300}},"
      + "\"Flags\":[],\"UseInvoiceAddressAsDeliveryAddress\":false,"
      + "\"Info\":[{\"Id\":10,\"Value\":\"38\",\"Code\":\"ShoeSize\",\"Unit\":null}],\"PricelistIds\":[12,14],"
      + "\"CrmId\":null,\"IsActive\":true,\"Created\":\"/Date(1566656122000)/\",\"Updated\":\"/Date(1566656122000+0200)/\","
      + "\"LoyaltyTier\":{\"Name\":\"gold\",\"Since\":\"/Date(0)/\"}}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private StormClient client;
  private CustomerUpdater updater;

  @BeforeEach
  void build() {
    client = StormClient.builder()
        .baseUrl(server.url("/api/1.1/").toString())
        .applicationId(1234)
        .accessToken("static-token-abcdef")
        .cultureCode("sv-SE")
        .retryPolicy(StormTestSupport.fastRetries())
        .build();
    updater = client.customerUpdater();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @Test
  void readsWithGetCustomerThenWritesTheReadBackWithOnlyTheChangeThroughUpdateCustomer3() throws Exception {
    server.enqueue(json(READ));
    server.enqueue(json(READ.replace("\"Ada\"", "\"Augusta\"")));

    UpdateResult result = updater.update("42", Customer.builder().firstName("Augusta").languageTag("nb-NO").build());

    RecordedRequest read = take();
    assertThat(read.getMethod()).isEqualTo("GET");
    assertThat(read.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/GetCustomer");
    assertThat(read.getUrl().encodedQuery()).isEqualTo("id=42&cultureCode=nb-NO&format=json");
    assertThat(read.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abcdef");
    assertThat(read.getHeaders().get("ApplicationId")).isEqualTo("1234");
    assertThat(read.getHeaders().get("Accept")).isEqualTo("application/json");

    RecordedRequest write = take();
    assertThat(write.getMethod()).isEqualTo("POST");
    assertThat(write.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/UpdateCustomer3");
    assertThat(write.getUrl().encodedQuery())
        .isEqualTo("password=&doSendMail=false&updatedBy=1&cultureCode=nb-NO&format=json");
    assertThat(write.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(write.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abcdef");
    assertThat(write.getHeaders().get("ApplicationId")).isEqualTo("1234");
    JsonNode expected = LosslessJson.read(READ);
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("FirstName", "Augusta");
    JsonNode sent = LosslessJson.read(write.getBody().toByteArray());
    assertThat(sent.properties()).hasSameSizeAs(expected.properties());
    expected.properties().forEach(p -> assertThat(LosslessJson.text(sent.get(p.getKey()))).as(p.getKey())
        .isEqualTo(LosslessJson.text(p.getValue())));
    assertThat(write.getBody().utf8()).as("byte for byte").isEqualTo(READ.replace("\"Ada\"", "\"Augusta\""));

    assertThat(result.written()).isTrue();
    assertThat(result.changes()).containsExactly(FieldChange.of("FirstName", "\"Ada\"", "\"Augusta\""));
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.customer().firstName()).contains("Augusta");
    assertThat(result.vendorResponse(StormCustomer.class).firstName()).isEqualTo("Augusta");
  }

  @Test
  void usesTheClientsCultureWhenTheCustomerHasNoLanguageTag() throws Exception {
    server.enqueue(json(READ));
    server.enqueue(json(READ));

    updater.update("42", Customer.builder().lastName("King").build());

    assertThat(take().getUrl().encodedQuery()).isEqualTo("id=42&cultureCode=sv-SE&format=json");
    assertThat(take().getUrl().encodedQuery())
        .isEqualTo("password=&doSendMail=false&updatedBy=1&cultureCode=sv-SE&format=json");
  }

  @Test
  void sendsNoWriteWhenNothingChanged() throws Exception {
    server.enqueue(json(READ));

    UpdateResult result = updater.update("42", Customer.builder().firstName("Ada").build());

    assertThat(result.written()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEmptyObjectNamesNoCustomerAndNothingIsWritten() {
    server.enqueue(json("{}"));

    assertThatThrownBy(() -> updater.update("42", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
          assertThat(e.foundId()).isEmpty();
          assertThat(e.vendor()).isEqualTo("storm");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anIdThatIsNotAJsonIntegerIsNotTheCustomerAskedFor() {
    server.enqueue(json(READ.replace("\"Id\":42", "\"Id\":\"42\"")));

    assertThatThrownBy(() -> updater.update("42", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).contains("\"42\""));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void nullIsNotFoundAndNothingIsWritten() {
    server.enqueue(json("null"));

    assertThatThrownBy(() -> updater.update("42", Customer.builder().firstName("Augusta").build()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer with id 42");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stormsFaultInsideA200IsAVendorApiExceptionAndNothingIsWritten() {
    server.enqueue(json("{\"MessageId\":\"6a1f\",\"Message\":\"Customer is locked\","
        + "\"Messages\":[{\"Key\":\"CustomerLocked\",\"Value\":\"Customer is locked\"}]}"));

    assertThatThrownBy(() -> updater.update("42", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e).isNotInstanceOf(UnexpectedCustomerException.class);
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.errorCode()).contains("CustomerLocked");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stormsFaultInsideA200AnsweringTheWriteIsAVendorApiException() {
    server.enqueue(json(READ));
    server.enqueue(json("{\"MessageId\":\"6a1f\",\"Message\":\"Customer is locked\","
        + "\"Messages\":[{\"Key\":\"CustomerLocked\",\"Value\":\"Customer is locked\"}]}"));

    assertThatThrownBy(() -> updater.update("42", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> assertThat(e.errorCode()).contains("CustomerLocked"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aJsonArrayIsNotACustomer() {
    server.enqueue(json("[" + READ + "]"));

    assertThatThrownBy(() -> updater.update("42", Customer.builder().firstName("Augusta").build()))
        .isInstanceOf(VendorApiException.class).isNotInstanceOf(UnexpectedCustomerException.class)
        .hasMessageContaining("JSON array where a Customer or null belongs");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aWriteAnsweredWithoutABodyReportsTheCustomerAsSent() {
    server.enqueue(json(READ));
    server.enqueue(json(""));

    UpdateResult result = updater.update("42", Customer.builder().firstName("Augusta").build());

    assertThat(result.customer().firstName()).contains("Augusta");
    assertThat(result.customer().lastName()).contains("Lovelace");
  }
}
