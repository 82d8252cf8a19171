package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The exact wire format of both calls and of the token request, against a scripted server. */
class StormClientContractTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final ObjectMapper plain = new ObjectMapper();

  private static final String STORED = """
      {"Id": 42, "Key": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Code": "ERP-42", "Email": "ada@example.com",
       "FirstName": "Ada", "LastName": "Lovelace", "CellPhone": "+46 70 123", "IsActive": true,
       "Companies": [{"Id": 501, "Name": "Engines AB", "OrgNo": "556677-8899", "VatNo": "SE556677889901",
                      "Flags": [{"Id": 3, "Name": "Key account", "Group": 1, "IsSelected": true}]}],
       "Flags": [{"Id": 1, "Name": "Newsletter", "Group": 2, "IsSelected": true}],
       "Info": [{"Id": 10, "Code": "ShoeSize", "Value": "38"}], "PricelistIds": [12, 14],
       "Created": "/Date(1566656122000+0200)/", "Updated": "/Date(1566656122000-0500)/",
       "SomethingNew": {"Nested": true}}
      """;

  private StormClient.Builder staticTokenClient() {
    return StormClient.builder()
        .baseUrl(server.url("/api/1.1/").toString())
        .applicationId(1234)
        .accessToken("static-token-abcdef")
        .retryPolicy(StormTestSupport.fastRetries());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @Test
  void getCustomerSendsTheExactRequestUnderThePrefixedBaseUrl() throws Exception {
    server.enqueue(json(200, STORED));
    try (StormClient client = staticTokenClient().cultureCode("sv-SE").build()) {
      StormCustomer c = client.getCustomer(42);

      assertThat(c.firstName()).isEqualTo("Ada");
      assertThat(c.companies()).extracting(Company::id).containsExactly(501);
      assertThat(c.created()).isEqualTo(OffsetDateTime.parse("2019-08-24T16:15:22+02:00"));
      assertThat(c.updated()).isEqualTo(OffsetDateTime.parse("2019-08-24T09:15:22-05:00"));
    }
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/GetCustomer");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("id=42&cultureCode=sv-SE&format=json");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abcdef");
    assertThat(r.getHeaders().get("ApplicationId")).isEqualTo("1234");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void getCustomerLeavesCultureCodeOutWhenNoneIsSet() throws Exception {
    server.enqueue(json(200, STORED));
    try (StormClient client = staticTokenClient().build()) {
      client.getCustomer(42);
    }
    HttpUrl url = take().getUrl();
    assertThat(url.encodedQuery()).isEqualTo("id=42&format=json");
  }

  @Test
  void getCustomerAnsweringNullIsNotFound() {
    server.enqueue(json(200, "null"));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(99))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("no customer with id 99");
    }
  }

  @Test
  void getCustomerAnsweringAnEmptyBodyIsNotFound() {
    server.enqueue(json(200, ""));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(99)).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void stormsFaultSentWithA200IsAnErrorNotAnEmptyCustomer() {
    String fault = "{\"MessageId\": \"6a1f\", \"Message\": \"Customer is locked\","
        + " \"Messages\": [{\"Key\": \"CustomerLocked\", \"Value\": \"Customer is locked\"}]}";
    server.enqueue(json(200, fault));
    server.enqueue(json(200, fault));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(5)).isInstanceOfSatisfying(VendorApiException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.errorCode()).contains("CustomerLocked");
      });
      assertThatThrownBy(() -> client.updateCustomer(StormCustomer.builder().id(5).build()))
          .isInstanceOfSatisfying(VendorApiException.class, e -> assertThat(e.errorCode()).contains("CustomerLocked"));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void getCustomerWithABodyThatIsNotACustomerFailsWithTheStatus() {
    server.enqueue(json(200, "{\"Id\": \"not a number\"}"));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(5))
          .isInstanceOf(VendorApiException.class)
          .hasMessageContaining("not a Customer");
    }
  }

  @Test
  void rejectsOutOfRangeWcfOffsetAsVendorApiException() {
    server.enqueue(json(200, STORED.replace("/Date(1566656122000+0200)/", "/Date(1700000000000+2500)/")));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(42))
          .isInstanceOf(VendorApiException.class)
          .hasMessageContaining("WCF date offset +2500 is out of range (hours 0-18, minutes 0-59)")
          .satisfies(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
              assertThat(t).isNotInstanceOf(DateTimeException.class);
            }
          });
    }
  }

  @Test
  void updateCustomerPostsTheWholeCustomerWithStormsNamesAndWcfDates() throws Exception {
    server.enqueue(json(200, STORED));
    StormCustomer customer;
    try (StormClient client = staticTokenClient().cultureCode("sv-SE").build()) {
      customer = client.getCustomer(42);
    }
    take();
    server.enqueue(json(200, STORED));
    try (StormClient client = staticTokenClient().cultureCode("sv-SE").build()) {
      StormCustomer answer = client.updateCustomer(ImmutableStormCustomer.copyOf(customer).withFirstName("Augusta"));
      assertThat(answer.id()).isEqualTo(42);
    }

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/UpdateCustomer3");
    assertThat(r.getUrl().encodedQuery())
        .isEqualTo("password=&doSendMail=false&updatedBy=1&cultureCode=sv-SE&format=json");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abcdef");
    assertThat(r.getHeaders().get("ApplicationId")).isEqualTo("1234");

    JsonNode expected = plain.readTree("""
        {"Id": 42, "Key": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Code": "ERP-42", "Email": "ada@example.com",
         "FirstName": "Augusta", "LastName": "Lovelace", "CellPhone": "+46 70 123", "IsActive": true,
         "Companies": [{"Id": 501, "Name": "Engines AB", "OrgNo": "556677-8899", "VatNo": "SE556677889901",
                        "Flags": [{"Id": 3, "Name": "Key account", "Group": 1, "IsSelected": true}]}],
         "Flags": [{"Id": 1, "Name": "Newsletter", "Group": 2, "IsSelected": true}],
         "Info": [{"Id": 10, "Code": "ShoeSize", "Value": "38"}], "PricelistIds": [12, 14],
         "Created": "/Date(1566656122000+0200)/", "Updated": "/Date(1566656122000-0500)/"}
        """);
    JsonNode sent = plain.readTree(r.getBody().utf8());
    assertThat(sent).isEqualTo(expected);
    assertThat(sent.has("Firstname")).isFalse();
  }

  @Test
  void updateCustomerSendsTheGivenUpdatedByAndCulture() throws Exception {
    server.enqueue(json(200, STORED));
    try (StormClient client = staticTokenClient().updatedBy(3).cultureCode("sv-SE").build()) {
      client.updateCustomer(StormCustomer.builder().id(42).build(), 17, "nb-NO");
    }
    HttpUrl url = take().getUrl();
    assertThat(url.queryParameter("updatedBy")).isEqualTo("17");
    assertThat(url.queryParameter("cultureCode")).isEqualTo("nb-NO");
  }

  @Test
  void updateCustomerUsesTheBuildersUpdatedByByDefault() throws Exception {
    server.enqueue(json(200, STORED));
    try (StormClient client = staticTokenClient().updatedBy(3).build()) {
      client.updateCustomer(StormCustomer.builder().id(42).build());
    }
    HttpUrl url = take().getUrl();
    assertThat(url.encodedQuery()).isEqualTo("password=&doSendMail=false&updatedBy=3&format=json");
  }

  @Test
  void updateCustomerAsksStormForItsMailOnlyWhenTheClientOptsIn() throws Exception {
    server.enqueue(json(200, STORED));
    try (StormClient client = staticTokenClient().sendMail(true).build()) {
      assertThat(client.sendMail()).isTrue();
      client.updateCustomer(StormCustomer.builder().id(42).build());
    }
    assertThat(take().getUrl().encodedQuery()).isEqualTo("password=&doSendMail=true&updatedBy=1&format=json");
  }

  @Test
  void updateCustomerAnsweredWithoutABodyReturnsTheCustomerAsSent() {
    server.enqueue(json(200, ""));
    StormCustomer sent = StormCustomer.builder().id(42).firstName("Ada").build();
    try (StormClient client = staticTokenClient().build()) {
      assertThat(client.updateCustomer(sent)).isEqualTo(sent);
    }
  }

  @Test
  void rejectsAFiftyOneCharacterFirstNameBeforeSending() {
    StormCustomer tooLong = StormCustomer.builder().id(42).firstName("x".repeat(51))
        .companies(List.of(Company.builder().name("n".repeat(101)).build())).build();
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.updateCustomer(tooLong))
          .isInstanceOfSatisfying(CustomerValidationException.class, e -> {
            assertThat(e.violations()).extracting(v -> v.field()).containsExactly("FirstName", "Companies[0].Name");
            assertThat(e.violations().get(0).rule()).isEqualTo("at most 50 UTF-16 code units (was 51)");
            assertThat(e.violations().get(1).rule()).isEqualTo("at most 100 UTF-16 code units (was 101)");
          });
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectsAnUpdateWithoutIdOrWithBadUpdatedByBeforeSending() {
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.updateCustomer(StormCustomer.builder().firstName("Ada").build(), 0, null))
          .isInstanceOfSatisfying(CustomerValidationException.class, e ->
              assertThat(e.violations()).extracting(v -> v.field()).containsExactly("Id", "updatedBy"));
      assertThatThrownBy(() -> client.getCustomer(0)).isInstanceOf(CustomerValidationException.class);
      assertThatThrownBy(() -> client.updateCustomer(null)).isInstanceOf(CustomerValidationException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aStormFaultBecomesAnExceptionWithKeyTextAndField() {
    server.enqueue(json(400, """
        {"MessageId": "a1", "Message": "A customer with the email already exists", "TimeStamp": "/Date(0)/",
         "Messages": [{"Key": "CustomerAlreadyExists", "Value": "A customer with the email already exists"}]}
        """));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.updateCustomer(StormCustomer.builder().id(42).email("a@b.se").build()))
          .isInstanceOfSatisfying(VendorApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.errorCode()).contains("CustomerAlreadyExists");
            assertThat(e.fieldErrors()).containsKey("Email");
            assertThat(e.attempts()).isEqualTo(1);
          });
    }
  }

  @Test
  void aStaticTokenRefusedWith401IsAnAuthenticationExceptionAtOnce() {
    server.enqueue(json(401, ""));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(1)).isInstanceOf(AuthenticationException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fetchesAClientCredentialsTokenWithTheExactFormThenSendsItAsBearer() throws Exception {
    server.enqueue(json(200, "{\"access_token\": \"tok-123456\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}"));
    server.enqueue(json(200, STORED));
    try (StormClient client = StormClient.builder()
        .baseUrl(server.url("/api/1.1").toString())
        .applicationId(77)
        .clientCredentials("my-client", "s3cr3t&=value", "production")
        .tokenUrl(server.url("/1.0/connect/token").toString())
        .retryPolicy(StormTestSupport.fastRetries())
        .build()) {
      client.getCustomer(42);
    }

    RecordedRequest token = take();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getUrl().encodedPath()).isEqualTo("/1.0/connect/token");
    assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(token.getHeaders().get("Authorization")).isNull();
    assertThat(form(token.getBody().utf8())).containsExactlyInAnyOrder(
        "grant_type=client_credentials", "client_id=my-client", "client_secret=s3cr3t%26%3Dvalue", "scope=production");

    RecordedRequest call = take();
    assertThat(call.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/GetCustomer");
    assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123456");
    assertThat(call.getHeaders().get("ApplicationId")).isEqualTo("77");
  }

  @Test
  void a500FaultOnGetIsRetriedThenReported() {
    String fault = "{\"MessageId\": \"x\", \"Message\": \"Internal error\", \"Messages\": []}";
    server.enqueue(json(500, fault));
    server.enqueue(json(500, fault));
    server.enqueue(json(500, fault));
    try (StormClient client = staticTokenClient().build()) {
      assertThatThrownBy(() -> client.getCustomer(1))
          .isInstanceOfSatisfying(VendorServerException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Internal error"));
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  private static List<String> form(String body) {
    return List.of(body.split("&"));
  }
}
