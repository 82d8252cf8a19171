package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import dev.customersync.core.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory's finds and creates, and the raw search and create calls: exact requests and answers. */
class BokaMeraCustomerDirectoryContractTest {

  private static final String NEW_ID = "9a2b7c3d-1e4f-4a5b-8c6d-7e8f9a0b1c2d";
  private static final UUID COMPANY = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @StartStop
  final MockWebServer server = new MockWebServer();

  private BokaMeraClient client;
  private CustomerDirectory directory;

  @BeforeEach
  void setUp() {
    client = clientBuilder().language("sv").build();
    directory = client.customerDirectory();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private BokaMeraClient.Builder clientBuilder() {
    return BokaMeraClient.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(Samples.API_KEY)
        .accessToken(Samples.TOKEN)
        .retryPolicy(Samples.fastRetries());
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(json).build());
  }

  private void answer(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(json).build());
  }

  private static String customer(String id, String email) {
    return "{\"Id\":\"" + id + "\",\"Firstname\":\"F\",\"Lastname\":\"L\",\"Email\":" + (email == null ? "null" : "\"" + email + "\"")
        + ",\"Phone\":\"1\"}";
  }

  private static String page(Integer total, String... customers) {
    return "{\"Offset\":0," + (total == null ? "" : "\"Total\":" + total + ",") + "\"Results\":[" + String.join(",", customers) + "]}";
  }

  private static String fullPage(int from) {
    List<String> cs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      cs.add(customer(new UUID(7, from + i).toString(), "other" + (from + i) + "@x.se"));
    }
    return String.join(",", cs);
  }

  private static Customer creatable() {
    return Customer.builder().firstName("Ada").lastName("Lovelace").phone("+46701234567").email("Ada@Example.com")
        .newsletterSubscribed(true).organizationNumber("556000-0000")
        .invoiceAddress(Address.builder().line1("Storgatan 1").postalCode("222 22").city("Lund").countryCode("SE").build())
        .putCustomFields("17", "A-1")
        .build();
  }

  // ---- find ---------------------------------------------------------------------------------

  @Test
  void findSearchesByTheEmailWithPagingAndTheSingleReadsIncludeFlags() throws Exception {
    String id = UUID.randomUUID().toString();
    answer(page(1, customer(id, "ada@example.com")));

    Optional<String> found = directory.find(MatchKey.EMAIL, "ada@example.com");

    assertThat(found).contains(id);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/customers");
    assertThat(request.getUrl().query()).isEqualTo("Search=ada@example.com&Skip=0&Take=100"
        + "&IncludeInvoiceAddress=true&IncludeCustomFieldValues=true&IncludeAccessKeys=true");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(Samples.API_KEY);
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("x-language")).isEqualTo("sv");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void findSendsTheDefaultCompanyId() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer(page(0));

      withCompany.customerDirectory().find(MatchKey.EMAIL, "ada@example.com");

      assertThat(server.takeRequest().getUrl().queryParameter("CompanyId")).isEqualTo(COMPANY.toString());
    }
  }

  @Test
  void findKeepsOnlyAnExactEmailMatchNormalizedOnBothSides() {
    String id = UUID.randomUUID().toString();
    answer(page(4, customer(UUID.randomUUID().toString(), "nada@example.com"),
        customer(id, "  ADA@Example.COM "),
        customer(UUID.randomUUID().toString(), "ada@example.com.evil"),
        customer(UUID.randomUUID().toString(), null)));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).contains(id);
  }

  @Test
  void findAnswersEmptyWhenNoCustomerHasTheEmail() {
    answer(page(1, customer(UUID.randomUUID().toString(), "nada@example.com")));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void findAnswersEmptyForAnEmptyOrMissingResultsList() {
    answer("{\"Offset\":0,\"Total\":0,\"Results\":[]}");
    answer("{\"Offset\":0}");
    answer("[]");

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
  }

  @Test
  void findNamesEveryMatchingIdWhenSeveralCustomersShareTheEmail() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    answer(page(2, customer(first, "ada@example.com"), customer(second, "Ada@example.com")));

    AmbiguousMatchException e = catchThrowableOfType(AmbiguousMatchException.class,
        () -> directory.find(MatchKey.EMAIL, "ada@example.com"));

    assertThat(e.customerIds()).containsExactly(first, second);
    assertThat(e.vendor()).isEqualTo("bokamera");
    assertThat(e.getMessage()).contains(first, second).doesNotContain("ada@example.com");
  }

  @Test
  void findWalksPagesUntilTotalEvenWhenThePageIsShorterThanTake() throws Exception {
    String id = UUID.randomUUID().toString();
    // A host whose MaxLimit is 50 answers short pages that are not the last.
    List<String> firstHalf = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      firstHalf.add(customer(new UUID(1, i).toString(), "x" + i + "@x.se"));
    }
    answer(page(51, firstHalf.toArray(String[]::new)));
    answer(page(51, customer(id, "ada@example.com")));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).contains(id);
    assertThat(server.takeRequest().getUrl().queryParameter("Skip")).isEqualTo("0");
    assertThat(server.takeRequest().getUrl().queryParameter("Skip")).isEqualTo("50");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void findStopsOnReachingTotal() {
    answer(page(100, fullPage(0)));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void findReadsBareArraysAndStopsOnAShortOne() throws Exception {
    String id = UUID.randomUUID().toString();
    answer("[" + fullPage(0) + "]");
    answer("[" + customer(id, "ada@example.com") + "]");

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).contains(id);
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("Skip")).isEqualTo("100");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void findStopsOnAnEmptyPageAfterFullOnes() {
    answer("[" + fullPage(0) + "]");
    answer("[]");

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void findCountsACustomerSeenOnTwoPagesOnce() {
    String id = UUID.randomUUID().toString();
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      first.add(customer(new UUID(1, i).toString(), "x" + i + "@x.se"));
    }
    first.add(customer(id, "ada@example.com"));
    answer(page(101, first.toArray(String[]::new)));
    // The set shifted by one during the walk: the last customer of page one opens page two.
    answer(page(101, customer(id, "ada@example.com")));

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).contains(id);
  }

  @Test
  void findFailsClearlyWhenTheHostIgnoresSkip() {
    answer("[" + fullPage(0) + "]");
    answer("[" + fullPage(0) + "]");

    assertThatThrownBy(() -> directory.find(MatchKey.EMAIL, "ada@example.com"))
        .isInstanceOf(VendorApiException.class)
        .hasMessageContaining("ignore Skip");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void findFailsClearlyAfterThePageLimit() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int skip = Integer.parseInt(request.getUrl().queryParameter("Skip"));
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("[" + fullPage(skip) + "]").build();
      }
    });
    try (BokaMeraClient limited = clientBuilder().maxSearchPages(3).build()) {
      assertThatThrownBy(() -> limited.customerDirectory().find(MatchKey.EMAIL, "ada@example.com"))
          .isInstanceOf(VendorApiException.class)
          .hasMessageContaining("read 3 pages of 100 without reaching the end");
      assertThat(server.getRequestCount()).isEqualTo(4);
    }
  }

  @Test
  void findRefusesTheExternalCodeBeforeSending() {
    assertThatThrownBy(() -> directory.find(MatchKey.EXTERNAL_CODE, "C-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bokamera cannot find customers by externalCode: its customers have no such field; "
            + "link by email or by id");
    assertThatThrownBy(() -> directory.find(MatchKey.EMAIL, "  "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(directory.matchKeys()).containsExactly(MatchKey.EMAIL);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void findSurfacesServiceStackErrorsInEveryForm() {
    answer(401, "{\"ResponseStatus\":{\"ErrorCode\":\"TokenException\",\"Message\":\"Token has expired\"}}");
    answer(200, "{\"ResponseStatus\":{\"ErrorCode\":\"Forbidden\",\"Message\":\"No access\"},\"Results\":[]}");
    answer(400, "{\"ErrorCode\":\"SerializationException\",\"Message\":\"Take is not an Int32\",\"Errors\":[]}");
    answer(200, "{\"Results\":{}}");

    assertThatThrownBy(() -> directory.find(MatchKey.EMAIL, "a@x.se")).isInstanceOf(AuthenticationException.class);
    assertThat(catchThrowableOfType(VendorApiException.class, () -> directory.find(MatchKey.EMAIL, "a@x.se")).errorCode())
        .contains("Forbidden");
    assertThat(catchThrowableOfType(VendorApiException.class, () -> directory.find(MatchKey.EMAIL, "a@x.se")).errorCode())
        .contains("SerializationException");
    assertThatThrownBy(() -> directory.find(MatchKey.EMAIL, "a@x.se")).hasMessageContaining("Results is not a list");
  }

  // ---- create -------------------------------------------------------------------------------

  @Test
  void createPostsTheMappedCustomerOnceWithoutCustomerIdOrAccessKeys() throws Exception {
    answer(Samples.text("create-customer-response.json"));

    UpdateResult result = directory.create(creatable());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/customers");
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(Samples.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(Samples.tree("{\"Firstname\":\"Ada\","
        + "\"Lastname\":\"Lovelace\",\"Phone\":\"+46701234567\",\"Email\":\"Ada@Example.com\","
        + "\"SubscribedToNewsletter\":true,\"InvoiceAddress\":{\"CorporateIdentityNumber\":\"556000-0000\","
        + "\"InvoiceAddress1\":\"Storgatan 1\",\"InvoiceCity\":\"Lund\",\"InvoicePostalCode\":\"222 22\","
        + "\"InvoiceCountryCode\":\"SE\"},\"CustomFields\":[{\"Id\":17,\"Value\":\"A-1\"}]}"));
    assertThat(result.customerId()).isEqualTo(NEW_ID);
    assertThat(result.written()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.changes()).containsExactly(
        FieldChange.of("Firstname", null, "\"Ada\""),
        FieldChange.of("Lastname", null, "\"Lovelace\""),
        FieldChange.of("Phone", null, "\"+46701234567\""),
        FieldChange.of("Email", null, "\"Ada@Example.com\""),
        FieldChange.of("SubscribedToNewsletter", null, "true"),
        FieldChange.of("InvoiceAddress.CorporateIdentityNumber", null, "\"556000-0000\""),
        FieldChange.of("InvoiceAddress.InvoiceAddress1", null, "\"Storgatan 1\""),
        FieldChange.of("InvoiceAddress.InvoiceCity", null, "\"Lund\""),
        FieldChange.of("InvoiceAddress.InvoicePostalCode", null, "\"222 22\""),
        FieldChange.of("InvoiceAddress.InvoiceCountryCode", null, "\"SE\""),
        FieldChange.of("CustomFields[0]", null, "{\"Id\":17,\"Value\":\"A-1\"}"));
    assertThat(result.customer().firstName()).contains("Ada");
    assertThat(result.customer().invoiceAddress().flatMap(Address::city)).contains("Lund");
    UpdateCustomerResponse vendor = result.vendorResponse(UpdateCustomerResponse.class);
    assertThat(vendor.id()).isEqualTo(UUID.fromString(NEW_ID));
    assertThat(vendor.companyId()).isEqualTo(COMPANY);
    assertThat(vendor.createdDate()).isNotNull();
    assertThat(vendor.createdOrUpdatedAccessKeys()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createSendsTheDefaultCompanyIdInQueryAndBody() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer(Samples.text("create-customer-response.json"));

      withCompany.customerDirectory().create(Customer.builder().firstName("A").lastName("B").phone("1").build());

      RecordedRequest request = server.takeRequest();
      assertThat(request.getUrl().query()).isEqualTo("CompanyId=" + COMPANY);
      assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(Samples.tree(
          "{\"CompanyId\":\"" + COMPANY + "\",\"Firstname\":\"A\",\"Lastname\":\"B\",\"Phone\":\"1\"}"));
    }
  }

  @Test
  void createWarnsAboutWhatBokaMeraCannotHold() {
    answer(Samples.text("create-customer-response.json"));

    UpdateResult result = directory.create(Customer.builder().firstName("A").lastName("B").phone("1")
        .externalCode("C-1").build());

    assertThat(result.warnings()).containsExactly("externalCode was not sent: a BokaMera customer has no external code");
  }

  @Test
  void refusesCreateWithoutFirstnameLastnameOrPhoneBeforeSending() {
    CustomerValidationException e = catchThrowableOfType(CustomerValidationException.class,
        () -> directory.create(Customer.builder().firstName(" ").email("ada@example.com").build()));

    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("firstName", "lastName", "phone");
    assertThat(e.getMessage()).contains("phone: is required to create a BokaMera customer");
    assertThatThrownBy(() -> directory.planCreate(Customer.builder().firstName("A").lastName("B").build()))
        .isInstanceOf(CustomerValidationException.class).hasMessageContaining("phone");
    assertThatThrownBy(() -> directory.create(Customer.builder().firstName("A").lastName("B").phone("1")
        .email("not an address").build())).isInstanceOf(CustomerValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void createWhoseAnswerIsLostIsSentOnceAndMayHaveReachedBokaMera() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    answer(Samples.text("create-customer-response.json"));

    TransportException e = catchThrowableOfType(TransportException.class, () -> directory.create(creatable()));

    assertThat(e.mayHaveReachedVendor()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsNotRetriedAfterAServerError() {
    answer(500, "{\"ResponseStatus\":{\"ErrorCode\":\"Exception\",\"Message\":\"boom\"}}");
    answer(Samples.text("create-customer-response.json"));

    assertThatThrownBy(() -> directory.create(creatable())).isInstanceOf(VendorServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createIsRetriedAfterA429ThatTurnedItAwayUnprocessed() {
    server.enqueue(new MockResponse.Builder().code(429).build());
    answer(Samples.text("create-customer-response.json"));

    assertThat(directory.create(creatable()).attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createKeepsGivingUpOnPersistent429s() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(429).build());
    }

    assertThatThrownBy(() -> directory.create(creatable())).isInstanceOf(RateLimitException.class);
  }

  @Test
  void createSurfacesServiceStackValidationErrors() {
    answer(400, "{\"ResponseStatus\":{\"ErrorCode\":\"NotEmpty\",\"Message\":\"'Phone' must not be empty.\","
        + "\"Errors\":[{\"ErrorCode\":\"NotEmpty\",\"FieldName\":\"Phone\",\"Message\":\"'Phone' must not be empty.\"}]}}");

    VendorApiException e = catchThrowableOfType(VendorApiException.class, () -> directory.create(creatable()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.fieldErrors()).containsEntry("Phone", "'Phone' must not be empty.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createAnsweredWithoutAnIdIsAClearError() {
    answer("{\"Firstname\":\"Ada\",\"ResponseStatus\":{}}");
    answer("{\"Id\":\"42\",\"ResponseStatus\":{}}");

    assertThatThrownBy(() -> directory.create(creatable())).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("without a customer Id").hasMessageContaining("find it by e-mail");
    assertThatThrownBy(() -> directory.create(creatable())).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("not a GUID");
  }

  @Test
  void planCreateListsTheChangesWithoutSending() {
    UpdatePlan plan = directory.planCreate(creatable());

    assertThat(plan.customerId()).isEmpty();
    assertThat(plan.attempts()).isZero();
    assertThat(plan.changes()).extracting(FieldChange::field).contains("Firstname", "InvoiceAddress.InvoiceCity",
        "CustomFields[0]");
    assertThat(plan.changes()).allSatisfy(c -> assertThat(c.before()).isEmpty());
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- identity -----------------------------------------------------------------------------

  @Test
  void theUpdaterHandsOutTheClientsDirectory() {
    assertThat(client.customerUpdater().directory()).containsSame(client.customerDirectory());
    assertThat(directory.vendor()).isEqualTo("bokamera");
  }

  @Test
  void accountFingerprintHashesBaseUrlAndCompanyButNoSecret() {
    String plain = directory.accountFingerprint();
    try (BokaMeraClient sameAccountOtherKey = clientBuilder().apiKey("0b6e1f2a-9c3d-4e7f-8a1b-2c3d4e5f6a7b")
            .accessToken("another-token").build();
        BokaMeraClient otherCompany = clientBuilder().companyId(COMPANY).build();
        BokaMeraClient otherHost = clientBuilder().baseUrl(server.url("/gateway/").toString()).build()) {
      assertThat(plain).matches("[0-9a-f]{16}");
      assertThat(sameAccountOtherKey.customerDirectory().accountFingerprint()).isEqualTo(plain);
      assertThat(otherCompany.customerDirectory().accountFingerprint()).isNotEqualTo(plain);
      assertThat(otherHost.customerDirectory().accountFingerprint()).isNotEqualTo(plain);
    }
    assertThat(directory.toString()).doesNotContain(Samples.API_KEY).doesNotContain(Samples.TOKEN);
  }

  // ---- raw DTO calls ------------------------------------------------------------------------

  @Test
  void queryCustomersSendsSearchSkipTakeAndBindsTheQueryResponse() throws Exception {
    String id = UUID.randomUUID().toString();
    answer("{\"Offset\":5,\"Total\":6,\"Results\":[" + customer(id, "ada@example.com") + "],\"ResponseStatus\":{}}");

    CustomerQueryPage page = client.queryCustomers("ada", 5, 20);

    HttpUrl url = server.takeRequest().getUrl();
    assertThat(url.query()).isEqualTo("Search=ada&Skip=5&Take=20&IncludeInvoiceAddress=true"
        + "&IncludeCustomFieldValues=true&IncludeAccessKeys=true");
    assertThat(page.offset()).isEqualTo(5);
    assertThat(page.total()).isEqualTo(6);
    assertThat(page.results()).extracting(CustomerQueryResponse::id).containsExactly(UUID.fromString(id));
  }

  @Test
  void queryCustomersReadsABareArrayAsResultsOnly() throws Exception {
    String id = UUID.randomUUID().toString();
    answer("[" + customer(id, "ada@example.com") + "]");

    CustomerQueryPage page = client.queryCustomers(null, 0, 100);

    assertThat(server.takeRequest().getUrl().queryParameter("Search")).isNull();
    assertThat(page.total()).isNull();
    assertThat(page.results()).extracting(CustomerQueryResponse::email).containsExactly("ada@example.com");
  }

  @Test
  void queryCustomersRefusesANegativeSkipOrNoTakeBeforeSending() {
    assertThatThrownBy(() -> client.queryCustomers("a", -1, 0)).isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("skip").hasMessageContaining("take");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void createCustomerPostsTheDtoWithTheDefaultCompanyAndReadsTheNewId() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer(Samples.text("create-customer-response.json"));

      UpdateCustomerResponse r = withCompany.createCustomer(CreateCustomer.builder().firstname("Ada").lastname("Lovelace")
          .phone("+46701234567").email("ada@example.com").subscribedToNewsletter(true)
          .addCustomFields(AddCustomField.builder().id(17).value("A-1").build())
          .invoiceAddress(InvoiceAddressToHandle.builder().invoiceCity("Lund").build())
          .build());

      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/customers");
      assertThat(request.getUrl().query()).isEqualTo("CompanyId=" + COMPANY);
      assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(Samples.tree("{\"CompanyId\":\"" + COMPANY + "\","
          + "\"Firstname\":\"Ada\",\"Lastname\":\"Lovelace\",\"Email\":\"ada@example.com\",\"Phone\":\"+46701234567\","
          + "\"SubscribedToNewsletter\":true,\"CustomFields\":[{\"Id\":17,\"Value\":\"A-1\"}],"
          + "\"InvoiceAddress\":{\"InvoiceCity\":\"Lund\"}}"));
      assertThat(r.id()).isEqualTo(UUID.fromString(NEW_ID));
      assertThat(r.invoiceAddress().invoiceCity()).isEqualTo("Lund");
    }
  }

  @Test
  void createCustomerRefusesAMissingRequiredPropertyBeforeSending() {
    assertThatThrownBy(() -> client.createCustomer(CreateCustomer.builder().firstname("Ada").lastname("L").build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("CreateCustomer.Phone: is required to create a BokaMera customer");
    assertThat(server.getRequestCount()).isZero();
  }
}
