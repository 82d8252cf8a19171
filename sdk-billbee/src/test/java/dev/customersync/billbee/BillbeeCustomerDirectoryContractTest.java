package dev.customersync.billbee;

import static dev.customersync.billbee.BillbeeSamples.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Address;
import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.StringJoiner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact wire of the list and the create, and the directory's find and create, against MockWebServer. */
class BillbeeCustomerDirectoryContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      (TestClients.USERNAME + ":" + TestClients.API_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final TestClients clients = new TestClients();
  private final MutableClock clock = new MutableClock();
  private BillbeeClient client;
  private BillbeeCustomerDirectory directory;

  @BeforeEach
  void setUp() {
    client = clients.builder(server.url("/")).clock(clock).build();
    directory = client.customerDirectory();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  // ---- the raw calls ----

  @Test
  void listCustomersSendsPageAndPageSizeAndParsesPagingAndCustomers() throws Exception {
    server.enqueue(json(200, page(2, 3, 501, 250, CUSTOMER, "{\"Id\": 7, \"Name\": \"Grace\"}")));

    BillbeeCustomerPage page = client.listCustomers(2, 250);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/customers");
    assertThat(r.getUrl().query()).isEqualTo("page=2&pageSize=250");
    assertThat(r.getHeaders().get("X-Billbee-Api-Key")).isEqualTo(TestClients.API_KEY);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getBodySize()).isZero();
    assertThat(page.paging()).isEqualTo(BillbeePaging.builder().page(2).totalPages(3).totalRows(501).pageSize(250).build());
    assertThat(page.customers()).hasSize(2);
    assertThat(page.customers().get(0)).isEqualTo(BillbeeJson.newMapper().readValue(CUSTOMER, BillbeeCustomer.class));
    assertThat(page.customers().get(1).name()).isEqualTo("Grace");
  }

  @Test
  void listCustomersTakesAnAnswerWithoutPagingAsBillbeesOwnFixtureHasNone() {
    server.enqueue(json(200, BillbeeSamples.envelope("[" + CUSTOMER + "]")));

    BillbeeCustomerPage page = client.listCustomers(1, 50);

    assertThat(page.paging()).isNull();
    assertThat(page.customers()).extracting(BillbeeCustomer::id).containsExactly(BillbeeSamples.ID);
  }

  @Test
  void refusesAPageSizeOutside1To250OrAPageBelow1BeforeSending() {
    assertThatThrownBy(() -> client.listCustomers(1, 251)).isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("pageSize").hasMessageContaining("from 1 to 250");
    assertThatThrownBy(() -> client.listCustomers(1, 0)).isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("pageSize");
    assertThatThrownBy(() -> client.listCustomers(0, 50)).isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("page");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void listFailuresComeInEveryFormatTheModuleKnows() {
    server.enqueue(json(200, "{\"ErrorMessage\": \"Invalid data\", \"ErrorCode\": 11, \"Data\": null}"));
    server.enqueue(json(400, "{\"Message\": \"The request is invalid.\", \"ModelState\": {\"pageSize\": [\"too big\"]}}"));
    server.enqueue(json(401, "{\"Message\": \"Authorization has been denied for this request.\"}"));
    server.enqueue(json(200, page(1, 1, 1, 250, "{\"Name\": \"no id\"}")));

    assertThatThrownBy(() -> client.listCustomers(1, 250)).isExactlyInstanceOf(VendorApiException.class)
        .hasMessageContaining("[InvalidData]");
    VendorApiException modelState = catchThrowableOfType(VendorApiException.class, () -> client.listCustomers(1, 250));
    assertThat(modelState.fieldErrors()).containsEntry("pageSize", "too big");
    assertThatThrownBy(() -> client.listCustomers(1, 250)).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> client.listCustomers(1, 250)).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("page 1").hasMessageContaining("without an integer Id");
  }

  @Test
  void createCustomerPostsTheModelCasedAsBillbeeAndReadsTheNewId() throws Exception {
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 42, \"Name\": \"Ada Lovelace\", \"Email\": \"ada@example.com\"}")));
    BillbeeCreateCustomer model = BillbeeCreateCustomer.builder().name("Ada Lovelace").email("ada@example.com")
        .type(BillbeeCustomerType.END_CUSTOMER)
        .address(BillbeeCustomerAddress.builder().addressType(1).firstName("Ada").lastName("Lovelace")
            .street("Storgatan").housenumber("1").zip("111 22").city("Stockholm").countryCode("SE").build())
        .build();

    BillbeeCustomer created = client.createCustomer(model);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/customers");
    assertThat(r.getUrl().query()).isNull();
    assertThat(r.getHeaders().get("X-Billbee-Api-Key")).isEqualTo(TestClients.API_KEY);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(JSON.readTree(r.getBody().utf8())).isEqualTo(JSON.readTree("""
        {"Name": "Ada Lovelace", "Email": "ada@example.com", "Type": 0,
         "Address": {"AddressType": 1, "FirstName": "Ada", "LastName": "Lovelace", "Street": "Storgatan",
                     "Housenumber": "1", "Zip": "111 22", "City": "Stockholm", "CountryCode": "SE"}}"""));
    assertThat(created.id()).isEqualTo(42L);
  }

  @Test
  void createCustomerRefusesAnIdOrAMissingAddressBeforeSending() {
    BillbeeCustomerAddress address = BillbeeCustomerAddress.builder().addressType(1).build();

    assertThatThrownBy(() -> client.createCustomer(BillbeeCreateCustomer.builder().id(5L).address(address).build()))
        .isInstanceOf(CustomerValidationException.class).hasMessageContaining("Id");
    assertThatThrownBy(() -> client.createCustomer(BillbeeCreateCustomer.builder().name("A").build()))
        .isInstanceOf(CustomerValidationException.class).hasMessageContaining("Address");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- the directory's create ----

  @Test
  void createSendsTheNeutralCustomerAsACreateCustomerApiModelAndReportsEveryPropertySet() throws Exception {
    server.enqueue(json(200, BillbeeSamples.envelope(
        "{\"Id\": 100000150176999, \"Name\": \"Ada Lovelace\", \"Email\": \"ada@example.com\", \"Number\": 4711, \"Type\": 0}")));
    Customer ada = Customer.builder().firstName("Ada").lastName("Lovelace").email("ada@example.com")
        .phone("+46 8 123 45").externalCode("4711")
        .invoiceAddress(Address.builder().careOf("c/o Byron").line1("Storgatan 1").line2("3 tr").postalCode("111 22")
            .city("Stockholm").region("Stockholms län").countryCode("SE").build())
        .build();

    UpdateResult result = directory.create(ada);

    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(body).isEqualTo(JSON.readTree("""
        {"Name": "Ada Lovelace", "Email": "ada@example.com", "Tel1": "+46 8 123 45", "Number": 4711, "Type": 0,
         "Address": {"AddressType": 1, "FirstName": "Ada", "LastName": "Lovelace", "Name2": "c/o Byron",
                     "Street": "Storgatan 1", "Zip": "111 22", "City": "Stockholm", "State": "Stockholms län",
                     "CountryCode": "SE", "Email": "ada@example.com", "Tel1": "+46 8 123 45", "AddressAddition": "3 tr"}}"""));
    assertThat(result.customerId()).isEqualTo("100000150176999");
    assertThat(result.written()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.warnings()).isEmpty();
    assertThat(result.changes()).contains(FieldChange.of("Name", null, "\"Ada Lovelace\""),
        FieldChange.of("Number", null, "4711"), FieldChange.of("Address.Street", null, "\"Storgatan 1\""));
    assertThat(result.changes()).extracting(FieldChange::before).allMatch(Optional::isEmpty);
    assertThat(result.customer().email()).contains("ada@example.com");
    assertThat(result.vendorResponse(BillbeeCustomer.class).id()).isEqualTo(100000150176999L);
  }

  @Test
  void aCompanyIsCreatedAsABusinessCustomer() throws Exception {
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 9, \"Name\": \"Analytical Engines Ltd\", \"Type\": 1}")));

    directory.create(Customer.builder().companyName("Analytical Engines Ltd").build());

    assertThat(JSON.readTree(server.takeRequest().getBody().utf8())).isEqualTo(JSON.readTree("""
        {"Name": "Analytical Engines Ltd", "Type": 1,
         "Address": {"AddressType": 1, "Company": "Analytical Engines Ltd"}}"""));
  }

  @Test
  void refusesACreateWithoutANameOrWithACodeNumberCannotHoldBeforeSending() {
    CustomerValidationException noName = catchThrowableOfType(CustomerValidationException.class,
        () -> directory.create(Customer.builder().email("ada@example.com").build()));
    CustomerValidationException badCode = catchThrowableOfType(CustomerValidationException.class,
        () -> directory.create(Customer.builder().lastName("Lovelace").externalCode("A-17").build()));
    CustomerValidationException neutral = catchThrowableOfType(CustomerValidationException.class,
        () -> directory.planCreate(Customer.builder().lastName("Lovelace").email("not an e-mail").build()));

    assertThat(noName.getMessage()).contains("name").contains("companyName");
    assertThat(badCode.getMessage()).contains("externalCode").contains("2147483647");
    assertThat(neutral.getMessage()).contains("email");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void planCreateShowsTheBodyWithoutSending() {
    UpdatePlan plan = directory.planCreate(Customer.builder().firstName("Ada").lastName("Lovelace").build());

    assertThat(plan.customerId()).isEmpty();
    assertThat(plan.attempts()).isZero();
    assertThat(plan.changes()).containsExactly(FieldChange.of("Name", null, "\"Ada Lovelace\""),
        FieldChange.of("Type", null, "0"), FieldChange.of("Address.AddressType", null, "1"),
        FieldChange.of("Address.FirstName", null, "\"Ada\""), FieldChange.of("Address.LastName", null, "\"Lovelace\""));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCreateWhoseAnswerIsLostIsSentOnceAndMayHaveReachedBillbee() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 5}")));

    TransportException e = catchThrowableOfType(TransportException.class,
        () -> directory.create(Customer.builder().lastName("Lovelace").build()));

    assertThat(e.mayHaveReachedVendor()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clients.retryWaits).isEmpty();
  }

  @Test
  void aCreateTurnedAwayWith429IsRetriedSinceBillbeeDidNotProcessIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 5, \"Name\": \"Lovelace\"}")));

    UpdateResult r = directory.create(Customer.builder().lastName("Lovelace").build());

    assertThat(r.customerId()).isEqualTo("5");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreateFailingWith5xxIsNotRetried() {
    client.close();
    client = clients.builder(server.url("/")).retryPolicy(RetryPolicy.builder().sleeper(clients.retryWaits::add).build())
        .build();
    server.enqueue(json(503, "{\"Message\": \"busy\"}"));

    assertThatThrownBy(() -> client.customerDirectory().create(Customer.builder().lastName("L").build()))
        .isInstanceOf(VendorApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCreateAnsweredWithoutTheNewIdIsAClearError() {
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Name\": \"Lovelace\"}")));
    server.enqueue(json(200, BillbeeSamples.envelope("null")));

    assertThatThrownBy(() -> directory.create(Customer.builder().lastName("Lovelace").build()))
        .isInstanceOf(VendorApiException.class).hasMessageContaining("without the new customer's Id");
    assertThatThrownBy(() -> directory.create(Customer.builder().lastName("Lovelace").build()))
        .isInstanceOf(VendorApiException.class).hasMessageContaining("may have been created");
  }

  // ---- the directory's find ----

  @Test
  void findReadsEveryPageUntilTotalPagesAndMatchesEmailAndNumber() throws Exception {
    server.enqueue(json(200, page(1, 3, 510, 250, customers(1, 250))));
    server.enqueue(json(200, page(2, 3, 510, 250, customers(251, 250))));
    server.enqueue(json(200, page(3, 3, 510, 250, customers(501, 10))));

    assertThat(directory.find(MatchKey.EMAIL, "c505@example.com")).contains("505");
    assertThat(directory.find(MatchKey.EXTERNAL_CODE, "9260")).contains("260");
    assertThat(directory.find(MatchKey.EMAIL, "nobody@example.com")).isEmpty();

    assertThat(server.getRequestCount()).as("one index for all three finds").isEqualTo(3);
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("page=1&pageSize=250");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("page=2&pageSize=250");
    assertThat(server.takeRequest().getUrl().query()).isEqualTo("page=3&pageSize=250");
  }

  @Test
  void findStopsAtAShortPageWhateverTotalPagesSays() {
    server.enqueue(json(200, page(1, 9, 2000, 250, customers(1, 3))));

    assertThat(directory.find(MatchKey.EMAIL, "c2@example.com")).contains("2");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutPagingFindStopsAtAPageThatBringsNothingNew() {
    String full = BillbeeSamples.envelope("[" + customers(1, 250) + "]");
    server.enqueue(json(200, full));
    server.enqueue(json(200, full));

    assertThat(directory.find(MatchKey.EMAIL, "c1@example.com")).contains("1");
    assertThat(server.getRequestCount()).as("a server that ignores page is not read for ever").isEqualTo(2);
  }

  @Test
  void neverReadsMoreThanTheFirstTotalPagesPlusOne() {
    server.enqueue(json(200, page(1, 1, 250, 250, customers(1, 250))));

    directory.find(MatchKey.EMAIL, "c1@example.com");
    assertThat(server.getRequestCount()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(6));
    server.enqueue(json(200, page(1, 2, 500, 250, customers(1, 250))));
    server.enqueue(json(200, page(2, 5, 1250, 250, customers(251, 250))));
    server.enqueue(json(200, page(3, 5, 1250, 250, customers(501, 250))));
    server.enqueue(json(200, page(4, 5, 1250, 250, customers(751, 250))));

    assertThat(directory.find(MatchKey.EMAIL, "c600@example.com")).contains("600");
    assertThat(server.getRequestCount()).isEqualTo(1 + 3);
  }

  @Test
  void matchesEmailIgnoringCaseAndNamesBothIdsWhenTwoCustomersShareIt() {
    server.enqueue(json(200, page(1, 1, 3, 250,
        "{\"Id\": 11, \"Email\": \"Ada@Example.com\"}, {\"Id\": 12, \"Email\": \" ada@example.com \"}, {\"Id\": 13}")));

    AmbiguousMatchException e = catchThrowableOfType(AmbiguousMatchException.class,
        () -> directory.find(MatchKey.EMAIL, "ada@example.com"));

    assertThat(e.customerIds()).containsExactly("11", "12");
    assertThat(e.vendor()).isEqualTo("billbee");
    assertThat(e.getMessage()).contains("11").contains("12").doesNotContain("ada@");
  }

  @Test
  void anArchivedCustomerCountsAsAMatch() {
    server.enqueue(json(200, page(1, 1, 3, 250,
        "{\"Id\": 11, \"Email\": \"ada@example.com\", \"ArchivedAt\": \"2024-01-01T00:00:00\"}, "
            + "{\"Id\": 12, \"Email\": \"ada@example.com\"}, "
            + "{\"Id\": 13, \"Email\": \"old@example.com\", \"ArchivedAt\": \"2024-01-01T00:00:00\"}")));

    assertThatThrownBy(() -> directory.find(MatchKey.EMAIL, "ada@example.com"))
        .isInstanceOf(AmbiguousMatchException.class).hasMessageContaining("11, 12");
    assertThat(directory.find(MatchKey.EMAIL, "old@example.com")).contains("13");
  }

  @Test
  void reusesTheIndexWhileYoungerThanIndexMaxAgeThenReadsAgain() {
    server.enqueue(json(200, page(1, 1, 1, 250, "{\"Id\": 1, \"Email\": \"a@example.com\"}")));
    server.enqueue(json(200, page(1, 1, 2, 250, "{\"Id\": 1, \"Email\": \"a@example.com\"}, {\"Id\": 2, \"Email\": \"b@example.com\"}")));

    assertThat(directory.find(MatchKey.EMAIL, "b@example.com")).isEmpty();
    clock.advance(Duration.ofMinutes(4));
    assertThat(directory.find(MatchKey.EMAIL, "b@example.com")).as("still the old index").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(directory.find(MatchKey.EMAIL, "b@example.com")).contains("2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreatedCustomerIsFoundWithoutReadingThePagesAgain() {
    server.enqueue(json(200, page(1, 1, 0, 250, "")));
    server.enqueue(json(200, BillbeeSamples.envelope("{\"Id\": 77, \"Name\": \"Lovelace\", \"Email\": \"ada@example.com\"}")));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    directory.create(Customer.builder().lastName("Lovelace").email("ada@example.com").build());

    assertThat(directory.find(MatchKey.EMAIL, "ADA@example.com")).contains("77");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCreateThatMayHaveReachedBillbeeMakesTheNextFindReadThePagesAgain() {
    server.enqueue(json(200, page(1, 1, 0, 250, "")));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(json(200, page(1, 1, 1, 250, "{\"Id\": 77, \"Email\": \"ada@example.com\"}")));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    assertThatThrownBy(() -> directory.create(Customer.builder().lastName("L").email("ada@example.com").build()))
        .isInstanceOf(TransportException.class);

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).contains("77");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void findsByBothKeysAndRefusesNone() {
    assertThat(directory.matchKeys()).containsExactlyInAnyOrder(MatchKey.EMAIL, MatchKey.EXTERNAL_CODE);
    assertThatThrownBy(() -> directory.find(null, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("billbee");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theUpdaterHandsOutTheDirectory() {
    assertThat(client.customerUpdater().directory()).containsSame(directory);
    assertThat(directory.vendor()).isEqualTo("billbee");
  }

  @Test
  void theAccountFingerprintNamesBaseUrlAndUserButNoSecret() {
    String same = clients.builder(server.url("/")).apiKey("another-key").apiPassword("another-password").build()
        .customerDirectory().accountFingerprint();
    String otherUser = clients.builder(server.url("/")).username("other@example.com").build()
        .customerDirectory().accountFingerprint();
    String otherHost = clients.builder(server.url("/other/")).build().customerDirectory().accountFingerprint();

    assertThat(directory.accountFingerprint()).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(same).as("the key and password are not in it").isEqualTo(directory.accountFingerprint());
    assertThat(otherUser).isNotEqualTo(directory.accountFingerprint());
    assertThat(otherHost).isNotEqualTo(directory.accountFingerprint());
  }

  private static String page(int page, int totalPages, int totalRows, int pageSize, String items) {
    return "{\"Paging\": {\"Page\": " + page + ", \"TotalPages\": " + totalPages + ", \"TotalRows\": " + totalRows
        + ", \"PageSize\": " + pageSize + "}, \"ErrorMessage\": null, \"ErrorCode\": 0, \"ErrorDescription\": 0, "
        + "\"Data\": [" + items + "]}";
  }

  private static String page(int page, int totalPages, int totalRows, int pageSize, String first, String second) {
    return page(page, totalPages, totalRows, pageSize, first + ", " + second);
  }

  /** {@code count} customers from id {@code from}: e-mail c{id}@example.com, Number 9000 + id. */
  private static String customers(int from, int count) {
    StringJoiner j = new StringJoiner(", ");
    for (int id = from; id < from + count; id++) {
      j.add("{\"Id\": " + id + ", \"Name\": \"C " + id + "\", \"Email\": \"c" + id + "@example.com\", \"Number\": "
          + (9000 + id) + ", \"ArchivedAt\": null}");
    }
    return j.toString();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }
}
