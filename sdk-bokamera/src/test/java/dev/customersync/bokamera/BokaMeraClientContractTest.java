package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.JsonTreeDiff;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each call's exact request, and the parsing of BokaMera's sample answers, against MockWebServer. */
class BokaMeraClientContractTest {

  private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final UUID ZERO = UUID.fromString("00000000-0000-0000-0000-000000000000");
  private static final UUID COMPANY = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @StartStop
  final MockWebServer server = new MockWebServer();

  private BokaMeraClient client;

  @BeforeEach
  void setUp() {
    client = clientBuilder().language("sv").build();
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

  private static void assertCommonHeaders(RecordedRequest request) {
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + Samples.TOKEN);
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(Samples.API_KEY);
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  /** The documented sample request, rebuilt with the DTOs. */
  private static UpdateCustomer sampleUpdateCustomer() {
    return UpdateCustomer.builder()
        .companyId(ZERO)
        .firstname("String").lastname("String").phone("String").email("String")
        .addCustomFields(AddCustomField.builder().id(0).value("String").build())
        .addAccessKeys(AddUserAccessKey.builder().id(ZERO).companyId(ZERO).accessKeyTypeId(0).value("String")
            .customerId(ZERO).description("String").build())
        .addAccessKeysToDelete(DeleteUserAccessKey.builder().build())
        .subscribedToNewsletter(false)
        .invoiceAddress(InvoiceAddressToHandle.builder().corporateIdentityNumber("String").invoiceAddress1("String")
            .invoiceAddress2("String").invoiceCity("String").invoicePostalCode("String").invoiceCountryCode("String")
            .build())
        .build();
  }

  @Test
  void updateCustomerSendsTheDocumentedRequest() throws Exception {
    answer(Samples.text("update-customer-response.json"));

    client.updateCustomer(ID, sampleUpdateCustomer());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/customers/" + ID);
    assertThat(request.getUrl().query()).isEqualTo("CompanyId=" + ZERO);
    assertCommonHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("x-language")).isEqualTo("sv");
    assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(Samples.tree(Samples.text("update-customer-request.json")));
  }

  @Test
  void updateCustomerSendsTheClientsDefaultCompanyIdInQueryAndBody() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer(Samples.text("update-customer-response.json"));

      withCompany.updateCustomer(ID, UpdateCustomer.builder().firstname("Ada").lastname("Lovelace").build());

      RecordedRequest request = server.takeRequest();
      assertThat(request.getUrl().queryParameter("CompanyId")).isEqualTo(COMPANY.toString());
      assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(Samples.tree(
          "{\"CompanyId\":\"" + COMPANY + "\",\"Firstname\":\"Ada\",\"Lastname\":\"Lovelace\"}"));
    }
  }

  @Test
  void updateCustomerWithoutCompanyIdSendsNoCompanyIdAtAll() throws Exception {
    answer(Samples.text("update-customer-response.json"));

    client.updateCustomer(ID, UpdateCustomer.builder().firstname("Ada").build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().query()).isNull();
    assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(Samples.tree("{\"Firstname\":\"Ada\"}"));
  }

  @Test
  void updateCustomerParsesTheDocumentedResponse() {
    answer(Samples.text("update-customer-response.json"));

    CustomerQueryResponse r = client.updateCustomer(ID, sampleUpdateCustomer());

    assertThat(r.firstname()).isEqualTo("String");
    assertThat(r.lastname()).isEqualTo("String");
    assertThat(r.email()).isEqualTo("String");
    assertThat(r.phone()).isEqualTo("String");
    assertThat(r.imageUrl()).isEqualTo("String");
    assertThat(r.subscribedToNewsletter()).isFalse();
    CustomFieldConfigData config = r.customFields().get(0);
    assertThat(config.id()).isZero();
    assertThat(config.width()).isZero();
    assertThat(config.isMandatory()).isFalse();
    assertThat(config.multipleLineText()).isFalse();
    assertThat(config.regExErrorMessage()).isEqualTo("String");
    assertThat(config.values()).extracting(CustomFieldValueResponse::value).containsExactly("String");
    assertThat(r.customFieldValues().get(0).column()).isEqualTo("String");
    assertThat(r.customFieldValues().get(0).dataType()).isEqualTo("String");
    assertThat(r.comments().get(0).comments()).isEqualTo("String");
    assertThat(r.accessKeys().get(0).accessKeyTypeId()).isZero();
    assertThat(r.accessKeys().get(0).value()).isEqualTo("String");
    assertThat(r.responseStatus()).isNotNull();
    assertThat(r.responseStatus().errorCode()).isNull();
    assertThat(r.invoiceAddress().userId()).isEqualTo(ZERO);
    assertThat(r.invoiceAddress().corporateIdentityNumber()).isEqualTo("String");
    assertThat(r.invoiceAddress().invoiceAddress1()).isEqualTo("String");
    assertThat(r.invoiceAddress().invoiceCountryCode()).isEqualTo("String");
  }

  @Test
  void parsesTheJavaScriptPagesResponseSampleToo() {
    answer(Samples.text("update-customer-response-js-page.json"));

    CustomerQueryResponse r = client.updateCustomer(ID, sampleUpdateCustomer());

    assertThat(r.invoiceAddress().invoicePostalCode()).isEqualTo("String");
    assertThat(r.invoiceAddress().userId()).isNull();
  }

  @Test
  void keepsThePathPrefixOfTheBaseUrl() throws Exception {
    try (BokaMeraClient prefixed = clientBuilder().baseUrl(server.url("/gateway/bokamera").toString()).build()) {
      answer(Samples.text("update-customer-response.json"));

      prefixed.updateCustomer(ID, UpdateCustomer.builder().firstname("Ada").build());

      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/gateway/bokamera/customers/" + ID);
    }
  }

  @Test
  void getCustomerAsksForInvoiceAddressCustomFieldValuesAndAccessKeys() throws Exception {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\",\"Firstname\":\"Ada\"}]}");

    CustomerQueryResponse customer = client.getCustomer(ID);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/customers");
    assertThat(request.getUrl().queryParameterNames())
        .containsExactlyInAnyOrder("CustomerId", "IncludeInvoiceAddress", "IncludeCustomFieldValues", "IncludeAccessKeys");
    assertThat(request.getUrl().queryParameter("CustomerId")).isEqualTo(ID.toString());
    assertThat(request.getUrl().queryParameter("IncludeInvoiceAddress")).isEqualTo("true");
    assertThat(request.getUrl().queryParameter("IncludeCustomFieldValues")).isEqualTo("true");
    assertThat(request.getUrl().queryParameter("IncludeAccessKeys")).isEqualTo("true");
    assertCommonHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getBodySize()).isZero();
    assertThat(customer.id()).isEqualTo(ID);
    assertThat(customer.firstname()).isEqualTo("Ada");
  }

  @Test
  void getCustomerSendsTheDefaultCompanyId() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\"}]}");

      withCompany.getCustomer(ID);

      assertThat(server.takeRequest().getUrl().queryParameter("CompanyId")).isEqualTo(COMPANY.toString());
    }
  }

  @Test
  void getCustomerWithNoResultsIsNotFound() {
    answer("{\"Offset\":0,\"Total\":0,\"Results\":[]}");
    answer("{\"Offset\":0,\"Total\":0}");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.getCustomer(ID))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining(ID.toString())
          // A not-found means 404 whatever the wire carried; the wire's 200 stays in httpStatus().
          .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404))
          .satisfies(e -> assertThat(((NotFoundException) e).httpStatus()).isEqualTo(200));
    }
  }

  @Test
  void getCustomerRefusesAnAnswerAboutAnotherCustomer() {
    UUID other = UUID.randomUUID();
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + other + "\",\"Firstname\":\"Eve\"}]}");

    assertThatThrownBy(() -> client.getCustomer(ID))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
          assertThat(e.requestedId()).isEqualTo(ID.toString());
          assertThat(e.foundId()).contains(other.toString());
        })
        .hasMessageContaining(other.toString());
  }

  @Test
  void getCustomerRefusesAFirstResultWithoutId() {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Firstname\":\"Eve\"}]}");

    assertThatThrownBy(() -> client.getCustomer(ID))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).isEmpty())
        .hasMessageContaining("names no customer");
  }

  @Test
  void getCustomerAcceptsItsIdInUpperCase() {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID.toString().toUpperCase(Locale.ROOT) + "\"}]}");

    assertThat(client.getCustomer(ID).id()).isEqualTo(ID);
  }

  // ---- the neutral updater on the wire ------------------------------------------------------

  /**
   * A read with everything BokaMera can answer: read-only parts, unknown properties at every
   * level, dates in several forms, a null, numbers whose form matters, a key without Id.
   */
  private static final String FULL_READ = "{\"Offset\":0,\"Total\":1,\"Results\":[{"
      + "\"Id\":\"" + ID.toString().toUpperCase(Locale.ROOT) + "\",\"Firstname\":\"Ada\",\"Lastname\":\"Lovelace\","
      + "\"Email\":\"ada@example.com\",\"Phone\":null,\"ImageUrl\":\"https://img.example.com/ada.png\","
      + "\"LoyaltyLevel\":\"Gold\","
      + "\"CustomFields\":[{\"Id\":1,\"Name\":\"Shoe size\",\"DataType\":\"TextBox\",\"Values\":[]}],"
      + "\"CustomFieldValues\":[{\"Id\":1,\"Column\":\"TextField1\",\"Name\":\"Shoe size\",\"Value\":\"38\",\"Colour\":\"red\"},"
      + "{\"Id\":2,\"Column\":\"TextField2\",\"Name\":\"Allergies\",\"Value\":null},{\"Id\":3,\"Value\":\"tea\"}],"
      + "\"Comments\":[{\"Id\":5,\"Comments\":\"VIP\",\"Created\":\"/Date(1577836800000+0100)/\"}],"
      + "\"AccessKeys\":[{\"AccessKeyTypeId\":1,\"Value\":\"CARD-0042\",\"Description\":\"Gym card\"},"
      + "{\"Id\":\"9b2f6c1e-0d4a-4f5b-8c7d-1e2f3a4b5c6d\",\"CompanyId\":\"" + COMPANY + "\",\"AccessKeyTypeId\":2,"
      + "\"Value\":\"TAG-7\",\"CustomerId\":\"" + ID + "\",\"Description\":null,\"ValidUntil\":\"2030-01-01T00:00:00\","
      + "\"Credit\":1.50}],"
      + "\"Updated\":\"2024-05-01T12:00:00.1234567+02:00\",\"Created\":\"/Date(1577836800000)/\",\"ResponseStatus\":{},"
      + "\"SubscribedToNewsletter\":true,"
      + "\"InvoiceAddress\":{\"InvoiceAddressId\":\"" + ZERO + "\",\"UserId\":\"" + ID + "\","
      + "\"CorporateIdentityNumber\":\"556677-8899\",\"InvoiceAddress1\":\"Storgatan 1\",\"InvoiceAddress2\":null,"
      + "\"InvoiceCity\":\"Stockholm\",\"InvoicePostalCode\":\"111 22\",\"InvoiceCountryCode\":\"SE\","
      + "\"Region\":\"Stockholms län\",\"Geo\":{\"Lat\":59.3300,\"Zoom\":1E+1}}}]}";

  @Test
  void updaterPutsTheReadProjectedOntoUpdateCustomerWithOnlyTheChangedValue() throws Exception {
    answer(FULL_READ);
    answer(Samples.text("update-customer-response.json"));

    UpdateResult result = client.customerUpdater().update(ID.toString(),
        Customer.builder().phone("+46 70 123 45 67").build());

    RecordedRequest read = server.takeRequest();
    assertThat(read.getMethod()).isEqualTo("GET");
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/customers/" + ID);
    assertThat(put.getUrl().query()).isNull();
    assertCommonHeaders(put);
    assertThat(put.getHeaders().get("Content-Type")).startsWith("application/json");
    // Every value as read, byte for byte: the unknown properties of the invoice address and of the
    // key with an Id, 1.50 and 1E+1, the nulls; the key without Id, the read-only parts, the custom
    // fields' display properties and the top-level unknown property are not UpdateCustomer's.
    String expected = "{\"Firstname\":\"Ada\",\"Lastname\":\"Lovelace\",\"Phone\":\"+46 70 123 45 67\","
        + "\"Email\":\"ada@example.com\",\"CustomFields\":[{\"Id\":1,\"Value\":\"38\"},{\"Id\":3,\"Value\":\"tea\"}],"
        + "\"AccessKeys\":[{\"Id\":\"9b2f6c1e-0d4a-4f5b-8c7d-1e2f3a4b5c6d\",\"CompanyId\":\"" + COMPANY + "\","
        + "\"AccessKeyTypeId\":2,\"Value\":\"TAG-7\",\"CustomerId\":\"" + ID + "\",\"Description\":null,"
        + "\"ValidUntil\":\"2030-01-01T00:00:00\",\"Credit\":1.50}],"
        + "\"SubscribedToNewsletter\":true,"
        + "\"InvoiceAddress\":{\"CorporateIdentityNumber\":\"556677-8899\",\"InvoiceAddress1\":\"Storgatan 1\","
        + "\"InvoiceAddress2\":null,\"InvoiceCity\":\"Stockholm\",\"InvoicePostalCode\":\"111 22\","
        + "\"InvoiceCountryCode\":\"SE\",\"Region\":\"Stockholms län\",\"Geo\":{\"Lat\":59.3300,\"Zoom\":1E+1}}}";
    JsonNode body = LosslessJson.read(put.getBody().toByteArray());
    JsonNode want = LosslessJson.read(expected);
    assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactlyElementsOf(
        want.properties().stream().map(Map.Entry::getKey).toList());
    for (Map.Entry<String, JsonNode> e : want.properties()) {
      assertThat(JsonTreeDiff.same(body.get(e.getKey()), e.getValue())).as(e.getKey()).isTrue();
    }
    assertThat(put.getBody().utf8()).isEqualTo(expected);
    assertThat(result.written()).isTrue();
    assertThat(result.changes()).containsExactly(FieldChange.of("Phone", "null", "\"+46 70 123 45 67\""));
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void updaterSendsTheDefaultCompanyIdFirstInTheBodyAndInTheQuery() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer(FULL_READ);
      answer(Samples.text("update-customer-response.json"));

      withCompany.customerUpdater().update(ID.toString(), Customer.builder().firstName("Augusta").build());

      assertThat(server.takeRequest().getUrl().queryParameter("CompanyId")).isEqualTo(COMPANY.toString());
      RecordedRequest put = server.takeRequest();
      assertThat(put.getUrl().query()).isEqualTo("CompanyId=" + COMPANY);
      assertThat(put.getBody().utf8()).startsWith("{\"CompanyId\":\"" + COMPANY + "\",\"Firstname\":\"Augusta\",");
    }
  }

  @Test
  void updaterWritesNothingWhenTheReadAlreadyHoldsTheValues() {
    answer(FULL_READ);

    UpdateResult result = client.customerUpdater().update(ID.toString(), Customer.builder().firstName("Ada")
        .putCustomFields("1", "38").invoiceAddress(Address.builder().city("Stockholm").build()).build());

    assertThat(result.written()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(result.customer().customFields()).containsEntry("3", "tea");
  }

  @Test
  void updaterTreatsAnErrorInsideA200ReadAsAFailureAndWritesNothing() {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\",\"Firstname\":\"Ada\"}],"
        + "\"ResponseStatus\":{\"ErrorCode\":\"Forbidden\",\"Message\":\"Not your customer\"}}");

    VendorApiException e = catchThrowableOfType(VendorApiException.class,
        () -> client.customerUpdater().update(ID.toString(), Customer.builder().firstName("Augusta").build()));

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.errorCode()).contains("Forbidden");
    assertThat(e.vendorMessage()).contains("Not your customer");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void updaterFindsNoCustomerInAnEmptyOrMissingResultsList() {
    answer("{\"Offset\":0,\"Total\":0,\"Results\":[]}");
    answer("{\"Offset\":0,\"Total\":0}");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.customerUpdater().update(ID.toString(), Customer.builder().firstName("A").build()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining(ID.toString());
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void updaterRefusesAResultsListThatIsNotAList() {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":{\"Id\":\"" + ID + "\"}}");

    assertThatThrownBy(() -> client.customerUpdater().update(ID.toString(), Customer.builder().firstName("A").build()))
        .isInstanceOf(VendorApiException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessageContaining("Results is not a list");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void mappingLeavesOutAccessKeysWithoutAnIdAndKeepsEverythingElse() {
    CustomerQueryResponse current = CustomerQueryResponse.builder().id(ID).firstname("Ada").lastname("Lovelace")
        .email("ada@example.com").subscribedToNewsletter(true)
        .addAccessKeys(UserAccessKeys.builder().accessKeyTypeId(1).value("CARD-0042").build())
        .addAccessKeys(UserAccessKeys.builder().id(ZERO).accessKeyTypeId(1).value("PIN").build())
        .addAccessKeys(UserAccessKeys.builder().id(COMPANY).accessKeyTypeId(2).value("TAG-7").build())
        .addCustomFieldValues(CustomFieldDataResponse.builder().id(1).name("Shoe size").value("38").build())
        .invoiceAddress(InvoiceAddressResponse.builder().userId(ID).invoiceCity("Stockholm").build())
        .build();

    UpdateCustomer update = BokaMeraCustomerMapping.merge(current, Customer.builder().phone("+46 8 1").build(), COMPANY);

    assertThat(update.companyId()).isEqualTo(COMPANY);
    assertThat(update.id()).isNull();
    assertThat(update.firstname()).isEqualTo("Ada");
    assertThat(update.phone()).isEqualTo("+46 8 1");
    assertThat(update.subscribedToNewsletter()).isTrue();
    assertThat(update.accessKeys()).singleElement().satisfies(k -> {
      assertThat(k.id()).isEqualTo(COMPANY);
      assertThat(k.value()).isEqualTo("TAG-7");
    });
    assertThat(update.accessKeysToDelete()).isNull();
    assertThat(update.customFields()).containsExactly(AddCustomField.builder().id(1).value("38").build());
    assertThat(update.invoiceAddress()).isEqualTo(InvoiceAddressToHandle.builder().invoiceCity("Stockholm").build());
  }

  @Test
  void updateCustomerArticleSendsTheDocumentedRequest() throws Exception {
    answer(emptyResponseStatus(Samples.text("update-customer-article-response.json")));

    client.updateCustomerArticle(42, UpdateCustomerArticle.builder()
        .companyId(ZERO)
        .statusId(CustomerArticleStatus.of(0))
        .price(BigDecimal.ZERO)
        .vat(BigDecimal.ZERO)
        .currencyId("String")
        .build());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/customerarticle/42");
    assertThat(request.getUrl().query()).isNull();
    assertCommonHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    ObjectNode expected = (ObjectNode) Samples.tree(Samples.text("update-customer-article-request.json"));
    expected.put("Id", 42); // the sample's placeholder id, replaced by the path id
    assertThat(Samples.tree(request.getBody().utf8())).isEqualTo(expected);
  }

  @Test
  void updateCustomerArticleSendsOnlyWhatIsSetPlusIdAndDefaultCompany() throws Exception {
    try (BokaMeraClient withCompany = clientBuilder().companyId(COMPANY).build()) {
      answer("{\"Id\":7,\"StatusId\":4}");

      CustomerArticleResponse r = withCompany.updateCustomerArticle(7,
          UpdateCustomerArticle.builder().statusId(CustomerArticleStatus.ACTIVE).price(new BigDecimal("1299.50")).build());

      assertThat(Samples.tree(server.takeRequest().getBody().utf8())).isEqualTo(Samples.tree(
          "{\"Id\":7,\"CompanyId\":\"" + COMPANY + "\",\"StatusId\":4,\"Price\":1299.50}"));
      assertThat(r.statusId()).isEqualTo(CustomerArticleStatus.ACTIVE);
    }
  }

  @Test
  void updateCustomerArticleParsesTheDocumentedResponse() {
    answer(emptyResponseStatus(Samples.text("update-customer-article-response.json")));

    CustomerArticleResponse r = client.updateCustomerArticle(1, UpdateCustomerArticle.builder().build());

    assertThat(r.id()).isZero();
    assertThat(r.price()).isEqualByComparingTo("0");
    assertThat(r.vat()).isEqualByComparingTo("0");
    assertThat(r.currencyId()).isEqualTo("String");
    assertThat(r.statusId().value()).isZero();
    assertThat(r.statusId().isKnown()).isFalse();
    assertThat(r.statusName()).isEqualTo("String");
    assertThat(r.customerId()).isEqualTo(ZERO);
    ArticleResponse article = r.article();
    assertThat(article.name()).isEqualTo("String");
    assertThat(article.active()).isFalse();
    assertThat(article.price()).isEqualByComparingTo("0");
    assertThat(article.services()).extracting(ArticleServiceRelation::serviceId).containsExactly(0);
    assertThat(article.serviceIds()).containsExactly(0);
    assertThat(article.sendNotification()).isFalse();
    assertThat(article.notificationEmail()).isEqualTo("String");
    assertThat(r.customer().firstname()).isEqualTo("String");
    assertThat(r.company().street1()).isEqualTo("String");
    assertThat(r.company().countryId()).isEqualTo("String");
    assertThat(r.paymentLog().get(0).amountCredited()).isEqualByComparingTo("0");
    assertThat(r.paymentLog().get(0).comments()).isEqualTo("String");
  }

  @Test
  void articleResponseSampleWithItsResponseStatusReadsAsADto() throws Exception {
    // The sample's ResponseStatus is all placeholders; as a DTO it must still read completely.
    CustomerArticleResponse r = Samples.JSON.readValue(Samples.text("update-customer-article-response.json"),
        CustomerArticleResponse.class);

    ResponseStatus status = r.responseStatus();
    assertThat(status.errorCode()).isEqualTo("String");
    assertThat(status.stackTrace()).isEqualTo("String");
    assertThat(status.meta()).containsEntry("String", "String");
    assertThat(status.errors()).singleElement().satisfies(e -> {
      assertThat(e.fieldName()).isEqualTo("String");
      assertThat(e.meta()).containsEntry("String", "String");
    });
  }

  @Test
  void readsWcfAndIsoDates() {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\","
        + "\"Updated\":\"/Date(1577836800000+0100)/\",\"Created\":\"2020-01-01T01:00:00+01:00\","
        + "\"Comments\":[{\"Id\":1,\"Created\":\"/Date(1577836800000)/\",\"Updated\":\"2020-01-01T00:00:00Z\"}]}]}");

    CustomerQueryResponse r = client.getCustomer(ID);

    Instant newYear = Instant.parse("2020-01-01T00:00:00Z");
    assertThat(r.updated().toInstant()).isEqualTo(newYear);
    assertThat(r.updated().getOffset().getTotalSeconds()).isEqualTo(3600);
    assertThat(r.created().toInstant()).isEqualTo(newYear);
    assertThat(r.comments().get(0).created().toInstant()).isEqualTo(newYear);
    assertThat(r.comments().get(0).updated().toInstant()).isEqualTo(newYear);
  }

  @Test
  void rejectsOutOfRangeWcfOffsetAsVendorApiException() {
    answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\","
        + "\"Updated\":\"/Date(1700000000000+2500)/\"}]}");

    assertThatThrownBy(() -> client.getCustomer(ID))
        .isInstanceOf(VendorApiException.class)
        .hasMessageContaining("WCF date offset +2500 is out of range (hours 0-18, minutes 0-59)")
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(DateTimeException.class);
          }
        });
  }

  @Test
  void ignoresUnknownExtraFieldsAtEveryLevel() {
    answer("{\"Offset\":0,\"Total\":1,\"NewTopLevel\":{\"x\":1},\"Results\":[{\"Id\":\"" + ID + "\","
        + "\"Firstname\":\"Ada\",\"LoyaltyLevel\":\"Gold\",\"InvoiceAddress\":{\"InvoiceCity\":\"Lund\",\"Region\":\"Skåne\"},"
        + "\"AccessKeys\":[{\"Value\":\"K\",\"ValidUntil\":\"2030-01-01\"}]}]}");
    answer("{\"Id\":3,\"StatusId\":9,\"Brand\":\"new\",\"Article\":{\"Id\":5,\"Colour\":\"red\"},\"PaymentLog\":[{\"Id\":1,\"Provider\":\"Klarna\"}]}");

    CustomerQueryResponse customer = client.getCustomer(ID);
    CustomerArticleResponse article = client.updateCustomerArticle(3, UpdateCustomerArticle.builder().build());

    assertThat(customer.firstname()).isEqualTo("Ada");
    assertThat(customer.invoiceAddress().invoiceCity()).isEqualTo("Lund");
    assertThat(customer.accessKeys().get(0).value()).isEqualTo("K");
    assertThat(article.article().id()).isEqualTo(5);
    assertThat(article.paymentLog().get(0).id()).isEqualTo(1);
  }

  @Test
  void anUnknownStatusNumberSurvivesTheRoundTrip() throws Exception {
    answer("{\"Id\":3,\"StatusId\":9,\"StatusName\":\"Refunded\"}");
    answer("{\"Id\":3,\"StatusId\":9}");

    CustomerArticleResponse read = client.updateCustomerArticle(3, UpdateCustomerArticle.builder().build());
    client.updateCustomerArticle(3, UpdateCustomerArticle.builder().statusId(read.statusId()).build());

    assertThat(read.statusId().value()).isEqualTo(9);
    assertThat(read.statusId().isKnown()).isFalse();
    server.takeRequest();
    assertThat(Samples.tree(server.takeRequest().getBody().utf8()).get("StatusId").asInt()).isEqualTo(9);
  }

  @Test
  void sendsNoLanguageHeaderUnlessOneIsSet() throws Exception {
    try (BokaMeraClient plain = clientBuilder().build()) {
      answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\"}]}");

      plain.getCustomer(ID);

      assertThat(server.takeRequest().getHeaders().get("x-language")).isNull();
    }
  }

  @Test
  void sendsEnglishAsXLanguage() throws Exception {
    try (BokaMeraClient english = clientBuilder().language("en").build()) {
      answer("{\"Offset\":0,\"Total\":1,\"Results\":[{\"Id\":\"" + ID + "\"}]}");

      english.getCustomer(ID);

      assertThat(server.takeRequest().getHeaders().get("x-language")).isEqualTo("en");
    }
  }

  @Test
  void rejectsABodyIdThatDiffersFromThePathBeforeSending() {
    assertThatThrownBy(() -> client.updateCustomer(ID, UpdateCustomer.builder().id(UUID.randomUUID()).build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("UpdateCustomer.Id");
    assertThatThrownBy(() -> client.updateCustomerArticle(5, UpdateCustomerArticle.builder().id(6).build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("UpdateCustomerArticle.Id");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectsANonPositiveCustomerArticleIdBeforeSending() {
    assertThatThrownBy(() -> client.updateCustomerArticle(0, UpdateCustomerArticle.builder().build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("customerArticleId");
    assertThatThrownBy(() -> client.updateCustomerArticle(-3, UpdateCustomerArticle.builder().build()))
        .isInstanceOf(CustomerValidationException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void sendsABodyIdEqualToThePathIdUnchanged() throws Exception {
    answer(Samples.text("update-customer-response.json"));

    client.updateCustomer(ID, UpdateCustomer.builder().id(ID).firstname("Ada").build());

    JsonNode body = Samples.tree(server.takeRequest().getBody().utf8());
    assertThat(body.get("Id").asText()).isEqualTo(ID.toString());
  }

  private static String emptyResponseStatus(String json) {
    ObjectNode node = (ObjectNode) Samples.tree(json);
    node.putObject("ResponseStatus");
    return node.toString();
  }
}
