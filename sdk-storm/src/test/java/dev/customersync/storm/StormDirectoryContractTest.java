package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.TransportException;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import dev.customersync.core.Violation;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact wire format of GetCustomerByEmail, GetCustomerByCode and CreateCustomer3, against a scripted server. */
class StormDirectoryContractTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final ObjectMapper plain = new ObjectMapper();
  private StormClient client;

  private static final String ADA = """
      {"Id": 42, "Key": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Code": "ERP-42", "Email": "Ada@Example.com",
       "FirstName": "Ada", "LastName": "Lovelace", "IsActive": true,
       "Companies": [{"Id": 501, "Name": "Engines AB"}], "Created": "/Date(1566656122000+0200)/"}
      """;

  private static final String FAULT_TAKEN = "{\"MessageId\": \"9c1e\", \"Message\": \"A customer with the email already exists\","
      + " \"TimeStamp\": \"/Date(1566656122000+0200)/\","
      + " \"Messages\": [{\"Key\": \"CustomerAlreadyExists\", \"Value\": \"A customer with the email already exists\"}]}";

  private static final Customer ALAN = Customer.builder()
      .firstName("Alan").lastName("Turing").email("alan@example.com").phone("+44 1").mobilePhone("+44 7")
      .externalCode("ERP-7").active(true).companyName("Bletchley AB").organizationNumber("556000-0001")
      .invoiceAddress(Address.builder().line1("Park 1").postalCode("MK3").city("Bletchley").countryCode("GB").build())
      .putCustomFields("ShoeSize", "44")
      .languageTag("en-GB")
      .build();

  private static final String ALAN_BODY = """
      {"FirstName": "Alan", "LastName": "Turing", "Email": "alan@example.com", "Phone": "+44 1", "CellPhone": "+44 7",
       "Code": "ERP-7", "IsActive": true, "Companies": [{"Name": "Bletchley AB", "OrgNo": "556000-0001"}],
       "InvoiceAddress": {"Line1": "Park 1", "Zip": "MK3", "City": "Bletchley", "Country": "GB", "IsValidated": false},
       "Info": [{"Value": "44", "Code": "ShoeSize"}]}
      """;

  private static final String ALAN_CREATED = """
      {"Id": 4711, "Key": "0b1c", "FirstName": "Alan", "LastName": "Turing", "Email": "alan@example.com",
       "Phone": "+44 1", "CellPhone": "+44 7", "Code": "ERP-7", "IsActive": true,
       "Companies": [{"Id": 9100, "Name": "Bletchley AB", "OrgNo": "556000-0001"}],
       "InvoiceAddress": {"Id": 9101, "Line1": "Park 1", "Zip": "MK3", "City": "Bletchley", "Country": "GB"},
       "Info": [{"Id": 12, "Value": "44", "Code": "ShoeSize"}], "Created": "/Date(1566656122000+0200)/"}
      """;

  private StormClient.Builder builder() {
    return StormClient.builder()
        .baseUrl(server.url("/api/1.1/").toString())
        .applicationId(1234)
        .accessToken("static-token-abcdef")
        .retryPolicy(StormTestSupport.fastRetries());
  }

  private CustomerDirectory directory() {
    client = builder().build();
    return client.customerDirectory();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
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

  // ---- find ----------------------------------------------------------------------------------

  @Test
  void findByEmailSendsTheExactRequestAndComparesTheAnswerNormalized() throws Exception {
    server.enqueue(json(200, ADA));
    client = builder().cultureCode("sv-SE").build();

    Optional<String> id = client.customerDirectory().find(MatchKey.EMAIL, "ada@example.com");

    assertThat(id).contains("42");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/GetCustomerByEmail");
    assertThat(r.getUrl().encodedQuery())
        .isEqualTo("email=ada%40example.com&cultureCode=sv-SE&includeCompanies=true&format=json");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abcdef");
    assertThat(r.getHeaders().get("ApplicationId")).isEqualTo("1234");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void findByEmailAsksWithTheCustomersOwnCaseAndMatchesIgnoringCase() throws Exception {
    server.enqueue(json(200, ADA));

    Optional<String> id = directory().find(MatchKey.EMAIL, " Ada@Example.COM ");

    assertThat(id).contains("42");
    // Whether Storm's lookup ignores case is unconfirmed: it gets the address as the customer holds it.
    assertThat(take().getUrl().queryParameter("email")).isEqualTo("Ada@Example.COM");
  }

  @Test
  void findByCodeSendsTheExactRequest() throws Exception {
    server.enqueue(json(200, ADA));

    assertThat(directory().find(MatchKey.EXTERNAL_CODE, "ERP-42")).contains("42");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/GetCustomerByCode");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("code=ERP-42&includeCompanies=true&format=json");
  }

  @Test
  void findAnsweringNullOrAnEmptyBodyFindsNothing() {
    server.enqueue(json(200, "null"));
    server.enqueue(json(200, ""));
    CustomerDirectory d = directory();

    assertThat(d.find(MatchKey.EMAIL, "nobody@example.com")).isEmpty();
    assertThat(d.find(MatchKey.EXTERNAL_CODE, "ERP-0")).isEmpty();
  }

  @Test
  void findAnsweringACustomerWithoutTheKeyIsUnexpectedAndNamesNoValue() {
    server.enqueue(json(200, ADA));
    server.enqueue(json(200, ADA));
    CustomerDirectory d = directory();

    assertThatThrownBy(() -> d.find(MatchKey.EMAIL, "grace@example.com"))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
          assertThat(e.foundId()).contains("42");
          assertThat(e.requestedId()).isEmpty();
          assertThat(e.getMessage()).contains("GetCustomerByEmail", "customer 42", "Email")
              .doesNotContain("grace@example.com");
        });
    assertThatThrownBy(() -> d.find(MatchKey.EXTERNAL_CODE, "erp-42"))
        .as("codes compare exactly").isInstanceOf(UnexpectedCustomerException.class);
  }

  @Test
  void findAnsweringACustomerWithoutIdIsUnexpected() {
    server.enqueue(json(200, "{\"Email\": \"ada@example.com\"}"));

    assertThatThrownBy(() -> directory().find(MatchKey.EMAIL, "ada@example.com"))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).isEmpty());
  }

  @Test
  void findReadsStormsFaultInA200AndInA400() {
    String fault = "{\"MessageId\": \"6a1f\", \"Message\": \"Customer is locked\","
        + " \"Messages\": [{\"Key\": \"CustomerLocked\", \"Value\": \"Customer is locked\"}]}";
    server.enqueue(json(200, fault));
    server.enqueue(json(400, "{\"MessageId\": \"7b\", \"Message\": \"Bad email\","
        + " \"Messages\": [{\"Key\": \"InvalidEmail\", \"Value\": \"The email is not valid\"}]}"));
    CustomerDirectory d = directory();

    assertThatThrownBy(() -> d.find(MatchKey.EMAIL, "ada@example.com"))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.errorCode()).contains("CustomerLocked");
        });
    assertThatThrownBy(() -> d.find(MatchKey.EMAIL, "ada@example.com"))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.errorCode()).contains("InvalidEmail");
          assertThat(e.fieldErrors()).containsKey("Email");
        });
  }

  @Test
  void findAnsweringAJsonArrayIsAnError() {
    server.enqueue(json(200, "[]"));

    assertThatThrownBy(() -> directory().find(MatchKey.EMAIL, "ada@example.com"))
        .isInstanceOf(VendorApiException.class).hasMessageContaining("JSON array");
  }

  @Test
  void findRefusesABlankValueOrNoKeyBeforeSending() {
    CustomerDirectory d = directory();

    assertThatThrownBy(() -> d.find(MatchKey.EMAIL, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storm").hasMessageContaining("email");
    assertThatThrownBy(() -> d.find(null, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storm");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void matchesOnEmailAndCode() {
    assertThat(directory().matchKeys()).containsExactlyInAnyOrder(MatchKey.EMAIL, MatchKey.EXTERNAL_CODE);
  }

  @Test
  void accountFingerprintHashesBaseUrlAndApplicationButNoSecret() {
    try (StormClient a = builder().build();
        StormClient sameAccountOtherToken = builder().accessToken("another-token-123456").build();
        StormClient otherApplication = builder().applicationId(99).build()) {
      String fingerprint = a.customerDirectory().accountFingerprint();

      assertThat(fingerprint).matches("[0-9a-f]{16}");
      assertThat(sameAccountOtherToken.customerDirectory().accountFingerprint()).isEqualTo(fingerprint);
      assertThat(otherApplication.customerDirectory().accountFingerprint()).isNotEqualTo(fingerprint);
    }
  }

  @Test
  void theUpdaterHandsOutTheClientsDirectory() {
    client = builder().build();

    assertThat(client.customerUpdater().directory()).containsSame(client.customerDirectory());
    assertThat(client.customerDirectory().vendor()).isEqualTo("storm");
  }

  // ---- create --------------------------------------------------------------------------------

  @Test
  void createSendsTheNeutralCustomerAsStormsCustomerWithoutMail() throws Exception {
    server.enqueue(json(200, ALAN_CREATED));

    UpdateResult result = directory().create(ALAN);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/1.1/CustomerService.svc/rest/CreateCustomer3");
    assertThat(r.getUrl().encodedQuery())
        .isEqualTo("password=&doSendMail=false&createdBy=1&cultureCode=en-GB&format=json");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abcdef");
    assertThat(r.getHeaders().get("ApplicationId")).isEqualTo("1234");
    assertThat(plain.readTree(r.getBody().utf8())).isEqualTo(plain.readTree(ALAN_BODY));

    assertThat(result.vendor()).isEqualTo("storm");
    assertThat(result.customerId()).isEqualTo("4711");
    assertThat(result.written()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.changes()).extracting(FieldChange::field).containsExactly("FirstName", "LastName", "Email",
        "Phone", "CellPhone", "Code", "IsActive", "Companies", "InvoiceAddress", "Info");
    assertThat(result.changes()).allSatisfy(c -> assertThat(c.before()).isEmpty());
    assertThat(result.warnings()).singleElement().asString().startsWith("customFields[ShoeSize]");
    assertThat(result.customer().companyName()).contains("Bletchley AB");
    assertThat(result.customer().email()).contains("alan@example.com");
    assertThat(result.vendorResponse(StormCustomer.class).id()).isEqualTo(4711);
  }

  @Test
  void createNeverAsksForMailEvenWhenUpdatesDo() throws Exception {
    server.enqueue(json(200, ALAN_CREATED));
    client = builder().sendMail(true).updatedBy(7).build();

    client.customerDirectory().create(Customer.builder().email("a@example.com").firstName("A").lastName("B").build());

    assertThat(take().getUrl().encodedQuery()).isEqualTo("password=&doSendMail=false&createdBy=7&format=json");
  }

  @Test
  void planCreateValidatesAndListsTheSameChangesWithoutSending() {
    UpdatePlan plan = directory().planCreate(ALAN);

    assertThat(plan.customerId()).isEmpty();
    assertThat(plan.attempts()).isZero();
    assertThat(plan.changes()).extracting(FieldChange::field).containsExactly("FirstName", "LastName", "Email",
        "Phone", "CellPhone", "Code", "IsActive", "Companies", "InvoiceAddress", "Info");
    assertThatThrownBy(() -> client.customerDirectory().planCreate(Customer.builder().email("a@example.com").build()))
        .isInstanceOf(CustomerValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void createRefusesWhatStormRequiresOrLimitsBeforeSending() {
    CustomerDirectory d = directory();

    assertThatThrownBy(() -> d.create(Customer.builder().phone("+46 1").lastName(" ").build()))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("email", "firstName", "lastName"));
    assertThatThrownBy(() -> d.create(Customer.builder().email("a@example.com").firstName("x".repeat(51)).lastName("B")
        .build()))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("firstName"));
    assertThatThrownBy(() -> d.create(Customer.builder().email("a@example.com").firstName("A").lastName("B")
        .organizationNumber("556000-0001").build()))
        .as("a company needs a name").isInstanceOf(CustomerValidationException.class).hasMessageContaining("companyName");
    assertThatThrownBy(() -> d.create(null)).isInstanceOf(CustomerValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void createWhoseAnswerIsLostIsSentOnceAndMayHaveReachedStorm() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(json(200, ALAN_CREATED));

    assertThatThrownBy(() -> directory().create(ALAN))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.mayHaveReachedVendor()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createAnswered500IsNotRepeated() {
    server.enqueue(json(500, "{\"Message\": \"Internal error\"}"));
    server.enqueue(json(200, ALAN_CREATED));

    assertThatThrownBy(() -> directory().create(ALAN)).isInstanceOf(VendorServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createAnswered429IsRepeatedBecauseStormTurnedItAwayUnprocessed() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
    server.enqueue(json(200, ALAN_CREATED));

    UpdateResult result = directory().create(ALAN);

    assertThat(result.customerId()).isEqualTo("4711");
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void customerAlreadyExistsSurfacesAsItDoesFromAnUpdate() {
    server.enqueue(json(400, FAULT_TAKEN));
    server.enqueue(json(400, FAULT_TAKEN));
    CustomerDirectory d = directory();

    Throwable fromCreate = org.assertj.core.api.Assertions.catchThrowable(() -> d.create(ALAN));
    Throwable fromUpdate = org.assertj.core.api.Assertions.catchThrowable(() -> client.updateCustomer(
        StormCustomer.builder().id(42).email("alan@example.com").build()));

    assertThat(fromCreate).isInstanceOfSatisfying(VendorApiException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.errorCode()).contains("CustomerAlreadyExists");
      assertThat(e.fieldErrors()).containsEntry("Email", "A customer with the email already exists");
    });
    assertThat(fromCreate).hasSameClassAs(fromUpdate);
    assertThat(((VendorApiException) fromCreate).fieldErrors()).isEqualTo(((VendorApiException) fromUpdate).fieldErrors());
  }

  @Test
  void createAnsweredWithoutTheNewIdSaysTheCustomerMayExist() {
    server.enqueue(json(200, "null"));
    server.enqueue(json(200, "{\"FirstName\": \"Alan\"}"));
    CustomerDirectory d = directory();

    assertThatThrownBy(() -> d.create(ALAN)).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("may have been created");
    assertThatThrownBy(() -> d.create(ALAN)).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("may have been created");
  }

  // ---- raw DTO calls -------------------------------------------------------------------------

  @Test
  void getCustomerByEmailAndByCodeBindTheDtoOrAnswerEmpty() throws Exception {
    server.enqueue(json(200, ADA));
    server.enqueue(json(200, "null"));
    client = builder().build();

    assertThat(client.getCustomerByEmail("Ada@Example.com")).map(StormCustomer::id).contains(42);
    assertThat(client.getCustomerByCode("ERP-0")).isEmpty();
    assertThat(take().getUrl().encodedQuery())
        .isEqualTo("email=Ada%40Example.com&includeCompanies=true&format=json");
    assertThat(take().getUrl().encodedPath()).endsWith("/GetCustomerByCode");
    assertThatThrownBy(() -> client.getCustomerByEmail("")).isInstanceOf(CustomerValidationException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createCustomerSendsTheDtoAndReturnsTheCreatedOne() throws Exception {
    server.enqueue(json(200, ALAN_CREATED));
    client = builder().cultureCode("sv-SE").build();

    StormCustomer created = client.createCustomer(StormCustomer.builder()
        .email("alan@example.com").firstName("Alan").lastName("Turing").build());

    assertThat(created.id()).isEqualTo(4711);
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedQuery()).isEqualTo("password=&doSendMail=false&createdBy=1&cultureCode=sv-SE&format=json");
    JsonNode body = plain.readTree(r.getBody().utf8());
    assertThat(body).isEqualTo(plain.readTree(
        "{\"Email\": \"alan@example.com\", \"FirstName\": \"Alan\", \"LastName\": \"Turing\"}"));
  }

  @Test
  void createCustomerRefusesAnIdAndMissingNamesBeforeSending() {
    client = builder().build();

    assertThatThrownBy(() -> client.createCustomer(StormCustomer.builder().id(5).email("a@example.com")
        .firstName("A").lastName("B").build()))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("Id"));
    assertThatThrownBy(() -> client.createCustomer(StormCustomer.builder().email("a@example.com").build()))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("FirstName", "LastName"));
    assertThatThrownBy(() -> client.createCustomer(StormCustomer.builder().email("a@example.com").firstName("A")
        .lastName("B").build(), 0, null))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("createdBy"));
    assertThat(server.getRequestCount()).isZero();
  }
}
