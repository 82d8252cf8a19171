package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.RequestJournal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The neutral updater against the stateful fake, whose UpdateCustomer3 clears what is left out. */
class StormCustomerUpdaterTest {

  private static final int ADA = 1001;
  private static final int GRACE = 1002;

  private final FakeStorm fake = new FakeStorm().seedDemoCustomers();
  private final StormClient client = StormTestSupport.clientFor(fake).build();
  private final CustomerUpdater updater = client.customerUpdater();

  @AfterEach
  void close() {
    client.close();
    fake.close();
  }

  private ObjectNode stored(int id) {
    return fake.customer(id).orElseThrow();
  }

  private String lastWriteText() {
    List<RequestJournal.Entry> writes = fake.journal().entries().stream()
        .filter(e -> FakeStorm.updateCustomerCalls().test(e.request())).toList();
    assertThat(writes).as("writes").isNotEmpty();
    return writes.get(writes.size() - 1).body();
  }

  private JsonNode lastWriteBody() {
    try {
      return LosslessJson.read(lastWriteText());
    } catch (java.io.IOException e) {
      throw new AssertionError("the write body is not JSON", e);
    }
  }

  private static ObjectNode without(ObjectNode customer, String... properties) {
    ObjectNode copy = customer.deepCopy();
    copy.remove(List.of(properties));
    return copy;
  }

  @Test
  void vendorIsStorm() {
    assertThat(updater.vendor()).isEqualTo("storm");
  }

  @Test
  void changingOneFieldKeepsCompaniesFlagsInfoAccountPricelistsAndAddresses() {
    ObjectNode before = stored(ADA);

    UpdateResult result = updater.update("1001", Customer.builder().firstName("Augusta").build());

    ObjectNode after = stored(ADA);
    assertThat(after.get("FirstName").asText()).isEqualTo("Augusta");
    assertThat(without(after, "FirstName", "Updated")).isEqualTo(without(before, "FirstName", "Updated"));
    assertThat(after.get("Companies")).isEqualTo(before.get("Companies"));
    assertThat(after.get("Flags")).isEqualTo(before.get("Flags"));
    assertThat(after.get("Info")).isEqualTo(before.get("Info"));
    assertThat(after.get("Account")).isEqualTo(before.get("Account"));
    assertThat(after.get("PricelistIds")).isEqualTo(before.get("PricelistIds"));
    assertThat(after.get("DeliveryAddresses")).isEqualTo(before.get("DeliveryAddresses"));
    assertThat(after.get("InvoiceAddress")).isEqualTo(before.get("InvoiceAddress"));
    assertThat(result.customer().firstName()).contains("Augusta");
    assertThat(result.customer().lastName()).contains("Lovelace");
    assertThat(result.vendorResponse(StormCustomer.class).companies()).hasSize(1);
  }

  @Test
  void mapsEveryNeutralFieldToItsStormProperty() {
    Customer change = Customer.builder()
        .firstName("Ada").lastName("King").email("ada.king@example.com").phone("+46 8 765 43")
        .mobilePhone("+46 70 765 43 21").externalCode("ERP-9").active(false)
        .companyName("Difference Engines AB").organizationNumber("556000-1111").vatId("SE556000111101")
        .invoiceAddress(Address.builder().line1("Kungsgatan 3").postalCode("111 43").city("Stockholm").countryCode("SE")
            .build())
        .build();

    UpdateResult result;
    try (StormClient renaming = StormTestSupport.clientFor(fake).renameSharedCompany(true).build()) {
      result = renaming.customerUpdater().update("1001", change);
    }

    ObjectNode after = stored(ADA);
    assertThat(after.get("FirstName").asText()).isEqualTo("Ada");
    assertThat(after.get("LastName").asText()).isEqualTo("King");
    assertThat(after.get("Email").asText()).isEqualTo("ada.king@example.com");
    assertThat(after.get("Phone").asText()).isEqualTo("+46 8 765 43");
    assertThat(after.get("CellPhone").asText()).isEqualTo("+46 70 765 43 21");
    assertThat(after.get("Code").asText()).isEqualTo("ERP-9");
    assertThat(after.get("IsActive").asBoolean()).isFalse();
    JsonNode company = after.get("Companies").get(0);
    assertThat(company.get("Name").asText()).isEqualTo("Difference Engines AB");
    assertThat(company.get("OrgNo").asText()).isEqualTo("556000-1111");
    assertThat(company.get("VatNo").asText()).isEqualTo("SE556000111101");
    JsonNode invoice = after.get("InvoiceAddress");
    assertThat(invoice.get("Id").asInt()).as("the address is updated in place").isEqualTo(9001);
    assertThat(invoice.get("Line1").asText()).isEqualTo("Kungsgatan 3");
    assertThat(invoice.get("Zip").asText()).isEqualTo("111 43");
    assertThat(invoice.get("City").asText()).isEqualTo("Stockholm");
    assertThat(invoice.get("Country").asText()).isEqualTo("SE");
    assertThat(invoice.get("IsValidated").asBoolean()).as("Storm has not validated the new address").isFalse();
    assertThat(invoice.has("CountryId")).as("nothing of the old address but its Id is inherited").isFalse();
    assertThat(result.customer()).isEqualTo(result.customer().toBuilder().build());
    assertThat(result.customer().companyName()).contains("Difference Engines AB");
    assertThat(result.customer().invoiceAddress().flatMap(Address::countryCode)).contains("SE");
    assertThat(result.warnings()).isEmpty();
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void companyFieldsUpdateTheExistingFirstCompanyByIdWithoutADuplicate() {
    JsonNode before = stored(ADA).get("Companies").get(0);

    updater.update("1001", Customer.builder().vatId("SE999999999901").build());

    JsonNode companies = stored(ADA).get("Companies");
    assertThat(companies).hasSize(1);
    assertThat(companies.get(0).get("Id").asInt()).isEqualTo(501);
    assertThat(companies.get(0).get("VatNo").asText()).isEqualTo("SE999999999901");
    assertThat(companies.get(0).get("Name")).isEqualTo(before.get("Name"));
    assertThat(companies.get(0).get("Flags")).isEqualTo(before.get("Flags"));
    assertThat(companies.get(0).get("DeliveryMethodIds")).isEqualTo(before.get("DeliveryMethodIds"));
  }

  @Test
  void aCustomerWithoutCompanyGetsOneWhenANameIsGiven() {
    updater.update("1002", Customer.builder().companyName("Cobol Consulting").organizationNumber("559000-0001").build());

    JsonNode companies = stored(GRACE).get("Companies");
    assertThat(companies).hasSize(1);
    assertThat(companies.get(0).get("Id").isInt()).as("Storm assigned an id").isTrue();
    assertThat(companies.get(0).get("Name").asText()).isEqualTo("Cobol Consulting");
  }

  @Test
  void aCompanyWithoutNameIsRejectedAfterTheReadAndBeforeTheWrite() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder().vatId("SE1").build()))
        .isInstanceOfSatisfying(CustomerValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("companyName"));

    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void customFieldsSetInfoValuesMatchedByCode() {
    UpdateResult result = updater.update("1001", Customer.builder()
        .putCustomFields("ShoeSize", "39")
        .putCustomFields("segment", "B2C")
        .putCustomFields("FavouriteColour", "green")
        .build());

    JsonNode info = stored(ADA).get("Info");
    assertThat(info).hasSize(3);
    assertThat(info.get(0).get("Id").asInt()).isEqualTo(10);
    assertThat(info.get(0).get("Value").asText()).isEqualTo("39");
    assertThat(info.get(1).get("Code").asText()).isEqualTo("Segment");
    assertThat(info.get(1).get("Value").asText()).isEqualTo("B2C");
    assertThat(info.get(2).get("Code").asText()).isEqualTo("FavouriteColour");
    assertThat(info.get(2).has("Id")).isFalse();
    assertThat(result.warnings()).singleElement().asString().contains("customFields[FavouriteColour]");
    assertThat(result.customer().customFields()).containsEntry("ShoeSize", "39").containsEntry("FavouriteColour", "green");
  }

  @Test
  void deliveryAddressesReplaceTheListKeepingOnlyTheIdOfTheEntryAtTheSamePosition() {
    updater.update("1001", Customer.builder().deliveryAddresses(List.of(
        Address.builder().line1("Hamngatan 4").postalCode("111 47").city("Stockholm").countryCode("SE").build(),
        Address.builder().line1("Drottninggatan 5").postalCode("111 51").city("Stockholm").countryCode("SE").build()))
        .build());

    JsonNode delivery = stored(ADA).get("DeliveryAddresses");
    assertThat(delivery).hasSize(2);
    assertThat(delivery.get(0).get("Id").asInt()).isEqualTo(9002);
    assertThat(delivery.get(0).get("Line1").asText()).isEqualTo("Hamngatan 4");
    assertThat(delivery.get(0).has("CareOf")).as("the old address's c/o does not stick to the new one").isFalse();
    assertThat(delivery.get(0).get("IsValidated").asBoolean()).isFalse();
    assertThat(delivery.get(1).get("Line1").asText()).isEqualTo("Drottninggatan 5");
    assertThat(delivery.get(1).get("Id").asInt()).as("created by Storm").isNotEqualTo(9002);
  }

  @Test
  void anAddressWhoseValuesAreUnchangedGoesBackByteExactAmongChangedOnes() {
    ObjectNode before = stored(ADA);
    Address same = Address.builder().careOf("Reception").line1("Hamngatan 2").postalCode("111 47").city("Stockholm")
        .countryCode("SE").build();

    UpdateResult result = updater.update("1001", Customer.builder().deliveryAddresses(List.of(same,
        Address.builder().line1("Drottninggatan 5").postalCode("111 51").city("Stockholm").countryCode("SE").build()))
        .build());

    JsonNode sent = lastWriteBody();
    assertThat(sent.get("DeliveryAddresses").get(0)).isEqualTo(before.get("DeliveryAddresses").get(0));
    assertThat(sent.get("InvoiceAddress")).isEqualTo(before.get("InvoiceAddress"));
    assertThat(result.changes()).extracting(FieldChange::field).containsExactly("DeliveryAddresses[1]");
  }

  @Test
  void aChangedCountryDropsTheOldCountryId() {
    updater.update("1001", Customer.builder()
        .invoiceAddress(Address.builder().countryCode("NO").postalCode("0150").city("Oslo").build()).build());

    JsonNode invoice = stored(ADA).get("InvoiceAddress");
    assertThat(invoice.get("Country").asText()).isEqualTo("NO");
    assertThat(invoice.has("CountryId")).isFalse();
  }

  @Test
  void languageTagBecomesTheCultureCodeOfBothCalls() {
    updater.update("1001", Customer.builder().firstName("Augusta").languageTag("nb-NO").build());

    assertThat(fake.journal().entries()).filteredOn(e -> !e.path().endsWith("/token"))
        .extracting(e -> e.request().getUrl().queryParameter("cultureCode"))
        .containsExactly("nb-NO", "nb-NO");
  }

  @Test
  void everyCallAsksForJson() {
    updater.update("1001", Customer.builder().firstName("Augusta").build());
    client.getCustomer(ADA);
    client.updateCustomer(client.getCustomer(GRACE));

    assertThat(fake.journal().entries()).filteredOn(e -> FakeStorm.apiCalls().test(e.request())).hasSize(5)
        .allSatisfy(e -> assertThat(e.request().getUrl().queryParameter("format")).isEqualTo("json"));
  }

  @Test
  void writesNothingWhenStormAlreadyHoldsEveryValue() {
    UpdateResult result = updater.update("1001", Customer.builder().firstName("Ada").lastName("Lovelace")
        .companyName("Analytical Engines AB").putCustomFields("shoesize", "38").build());

    assertThat(result.written()).isFalse();
    assertThat(result.changes()).isEmpty();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.warnings()).isEmpty();
    assertThat(StormTestSupport.writes(fake)).isZero();
    assertThat(result.vendorResponse(StormCustomer.class).id()).isEqualTo(ADA);
  }

  @Test
  void pushingBackWhatStormHoldsWritesNothing() {
    Customer held = updater.update("1001", Customer.builder().build()).customer();

    UpdateResult again = updater.update("1001", held);

    assertThat(held.invoiceAddress()).isPresent();
    assertThat(held.deliveryAddresses()).hasValueSatisfying(list -> assertThat(list).hasSize(1));
    assertThat(held.customFields()).hasSize(2);
    assertThat(again.written()).isFalse();
    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void planListsTheChangesByStormPathAndWritesNothing() {
    UpdatePlan plan = updater.plan("1001", Customer.builder().firstName("Augusta").vatId("SE999999999901")
        .putCustomFields("Segment", "B2C").build());

    assertThat(plan.changes()).containsExactly(
        FieldChange.of("FirstName", "\"Ada\"", "\"Augusta\""),
        FieldChange.of("Companies[0].VatNo", "\"SE556677889901\"", "\"SE999999999901\""),
        FieldChange.of("Info[1].Value", "\"B2B\"", "\"B2C\""));
    assertThat(plan.attempts()).isEqualTo(1);
    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void renamingTheSharedFirstCompanyIsAWarningUnlessTheClientOptsIn() {
    UpdateResult result = updater.update("1001", Customer.builder().companyName("Difference Engines AB")
        .organizationNumber("556000-1111").build());

    JsonNode company = stored(ADA).get("Companies").get(0);
    assertThat(company.get("Name").asText()).isEqualTo("Analytical Engines AB");
    assertThat(company.get("OrgNo").asText()).isEqualTo("556000-1111");
    assertThat(result.warnings()).singleElement().asString()
        .startsWith("companyName: not written").contains("501", "renameSharedCompany(true)");
    assertThat(result.changes()).extracting(FieldChange::field).containsExactly("Companies[0].OrgNo");

    try (StormClient renaming = StormTestSupport.clientFor(fake).renameSharedCompany(true).build()) {
      UpdateResult renamed = renaming.customerUpdater().update("1001",
          Customer.builder().companyName("Difference Engines AB").build());
      assertThat(renamed.warnings()).isEmpty();
      assertThat(renamed.changes()).extracting(FieldChange::field).containsExactly("Companies[0].Name");
    }
    assertThat(stored(ADA).get("Companies").get(0).get("Name").asText()).isEqualTo("Difference Engines AB");
    assertThat(stored(ADA).get("Companies")).hasSize(1);
  }

  @Test
  void aReadNamingNoCustomerIsRefusedAndNothingIsWritten() {
    fake.faults().next(FakeStorm.getCustomerCalls(), FakeStorm.noCustomerAnswer());

    assertThatThrownBy(() -> updater.update("1001", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
          assertThat(e.requestedId()).isEqualTo("1001");
          assertThat(e.foundId()).isEmpty();
          assertThat(e.statusCode()).isEqualTo(200);
        });
    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void aReadWithoutAnIdIsRefusedAndNothingIsWritten() {
    fake.faults().next(FakeStorm.getCustomerCalls(), FakeStorm.customerAnswer("{\"FirstName\": \"Ada\", \"Id\": null}"));

    assertThatThrownBy(() -> updater.update("1001", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).isEmpty());
    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void aReadNamingAnotherCustomerIsRefusedAndNothingIsWritten() {
    fake.faults().next(FakeStorm.getCustomerCalls(),
        FakeStorm.customerAnswer(fake.customer(GRACE).orElseThrow().toString()));

    assertThatThrownBy(() -> updater.update("1001", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).contains("1002"))
        .hasMessageContaining("nothing was written");
    assertThat(StormTestSupport.writes(fake)).isZero();
    assertThat(stored(GRACE).get("FirstName").asText()).isEqualTo("Grace");
  }

  @Test
  void updatesSendNoMailUnlessTheClientOptsIn() {
    updater.update("1001", Customer.builder().firstName("Augusta").build());

    assertThat(fake.mailsSent()).isZero();
    assertThat(fake.journal().entries()).filteredOn(e -> FakeStorm.updateCustomerCalls().test(e.request()))
        .singleElement().satisfies(e -> {
          assertThat(e.path()).endsWith("/UpdateCustomer3");
          assertThat(e.request().getUrl().queryParameter("doSendMail")).isEqualTo("false");
          assertThat(e.request().getUrl().queryParameter("password")).isEmpty();
        });

    try (StormClient mailing = StormTestSupport.clientFor(fake).sendMail(true).build()) {
      mailing.customerUpdater().update("1001", Customer.builder().firstName("Ada").build());
    }
    assertThat(fake.mailsSent()).isEqualTo(1);
  }

  @Test
  void propertiesTheSdkDoesNotModelAndDatesWithoutOffsetGoBackExactly() throws Exception {
    String read = "{\"Id\":3001,\"FirstName\":\"Linus\",\"Email\":\"linus@example.com\",\"Loyalty\":{\"Points\":1.50},"
        + "\"Score\":1E+15,\"Nothing\":null,\"Tags\":[],\"Companies\":[{\"Id\":601,\"Name\":\"T AB\",\"Rating\":5}],"
        + "\"InvoiceAddress\":{\"Id\":9701,\"Zip\":\"1\",\"City\":\"c\",\"Country\":\"SE\",\"Door\":\"B\"},"
        + "\"Flags\":[{\"Id\":1,\"Weight\":0.10}],\"Info\":[{\"Id\":10,\"Code\":\"ShoeSize\",\"Value\":\"38\",\"Unit\":null}],"
        + "\"Created\":\"/Date(1566656122000)/\",\"Updated\":\"/Date(-62135596800000+0100)/\"}";
    fake.seedCustomerExactly(read);

    UpdateResult result = updater.update("3001", Customer.builder().firstName("Linnea").build());

    assertThat(lastWriteText()).isEqualTo(read.replace("\"Linus\"", "\"Linnea\""));
    assertThat(result.changes()).containsExactly(FieldChange.of("FirstName", "\"Linus\"", "\"Linnea\""));
  }

  @Test
  void newsletterIsAWarningBecauseStormHasNoSuchProperty() {
    UpdateResult result = updater.update("1002", Customer.builder().newsletterSubscribed(true).build());

    assertThat(result.warnings()).singleElement().asString().startsWith("newsletterSubscribed");
  }

  @Test
  void rejectsTheFiftyOneCharacterFirstNameWithNoRequestAtAll() {
    assertThatThrownBy(() -> updater.update("1001", Customer.builder().firstName("x".repeat(51)).build()))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("firstName");
            assertThat(v.rule()).isEqualTo("at most 50 UTF-16 code units (was 51)");
          });
          assertThat(e.getMessage()).contains("firstName", "at most 50", "was 51");
        });

    assertThat(fake.journal().size()).as("not even a token request").isZero();
  }

  @Test
  void rejectsTwentySixEmojiAsFiftyTwoUtf16UnitsOverStormsFirstNameLimit() {
    assertThatThrownBy(() -> updater.update("1001", Customer.builder().firstName("😀".repeat(26)).build()))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + ": " + v.rule())
            .containsExactly("firstName: at most 50 UTF-16 code units (was 52)"));

    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void reportsEveryStormLimitAtOnce() {
    Customer c = Customer.builder().lastName("l".repeat(51)).mobilePhone("1".repeat(50)).externalCode("c".repeat(51))
        .companyName("n".repeat(101)).firstName("f".repeat(101)).build();

    assertThatThrownBy(() -> updater.update("1001", c))
        .isInstanceOfSatisfying(CustomerValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + ": " + v.rule())
            .containsExactlyInAnyOrder(
                "firstName: at most 100 UTF-16 code units (was 101)",
                "lastName: at most 50 UTF-16 code units (was 51)",
                "externalCode: at most 50 UTF-16 code units (was 51)",
                "companyName: at most 100 UTF-16 code units (was 101)"));
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void anEmptyCompanyNameIsRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> updater.update("1001", Customer.builder().companyName("").build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("companyName");
    assertThat(fake.journal().size()).isZero();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"abc", "0", "-1", "+5", " 42", "42 ", "007", "4.2", "2147483648", "99999999999", "1e3",
      "3f2504e0-4f89-11d3-9a0c-0305e82c3301"})
  void rejectsIdsThatAreNotStormCustomerIdsWithNoRequest(String id) {
    assertThatThrownBy(() -> updater.update(id, Customer.builder().firstName("Ada").build()))
        .isInstanceOfSatisfying(CustomerValidationException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("customerId"));
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void aMissingCustomerIsRejectedWithNoRequest() {
    assertThatThrownBy(() -> updater.update("1001", null)).isInstanceOf(CustomerValidationException.class);
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void acceptsTheLargestStormId() {
    assertThatThrownBy(() -> updater.update("2147483647", Customer.builder().firstName("Ada").build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anUnknownCustomerIsNotFoundAndNothingIsWritten() {
    assertThatThrownBy(() -> updater.update("4711", Customer.builder().firstName("Ada").build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(StormTestSupport.writes(fake)).isZero();
  }

  @Test
  void aDuplicateEmailIsCustomerAlreadyExistsOnTheEmailField() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder().email("ADA@example.com").build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.errorCode()).contains("CustomerAlreadyExists");
          assertThat(e.fieldErrors()).containsKey("Email");
          assertThat(e.getMessage()).contains("already exists");
        });
  }

  @Test
  void anEmailStormFindsInvalidIsInvalidEmail() {
    StormCustomer grace = client.getCustomer(GRACE);

    assertThatThrownBy(() -> client.updateCustomer(ImmutableStormCustomer.copyOf(grace).withEmail("grace@localhost")))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("InvalidEmail");
          assertThat(e.fieldErrors()).containsKey("Email");
        });
  }

  @Test
  void anInvoiceAddressWithoutZipCityAndCountryNamesEachMissingPart() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder()
        .invoiceAddress(Address.builder().line1("Storgatan 1").build()).build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("InvoiceAddressZipMissing");
          assertThat(e.fieldErrors()).containsOnlyKeys(
              "InvoiceAddress.Zip", "InvoiceAddress.City", "InvoiceAddress.Country");
        });
  }

  @Test
  void aDeliveryAddressWithoutCityIsDeliveryAddressCityMissing() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder().deliveryAddresses(List.of(
        Address.builder().line1("Storgatan 1").postalCode("111 22").countryCode("SE").build())).build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("DeliveryAddressCityMissing");
          assertThat(e.fieldErrors()).containsOnlyKeys("DeliveryAddresses.City");
        });
  }

  @Test
  void aCompanyWithoutNameSentDirectlyIsInvalidCompanyName() {
    StormCustomer grace = client.getCustomer(GRACE);

    assertThatThrownBy(() -> client.updateCustomer(ImmutableStormCustomer.copyOf(grace)
        .withCompanies(Company.builder().orgNo("1").build())))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("InvalidCompanyName");
          assertThat(e.fieldErrors()).containsKey("Companies.Name");
        });
  }

  @Test
  void updateAsyncCompletesWithTheSameResult() throws Exception {
    UpdateResult result = updater.updateAsync("1002", Customer.builder().lastName("Murray Hopper").build()).get();

    assertThat(result.customer().lastName()).contains("Murray Hopper");
    assertThat(stored(GRACE).get("LastName").asText()).isEqualTo("Murray Hopper");
  }

  @Test
  void updateAsyncRunsOnTheExecutorGivenToTheBuilder() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    try (StormClient own = StormTestSupport.clientFor(fake).executor(task -> {
      ran.incrementAndGet();
      task.run();
    }).build()) {
      UpdateResult result = own.customerUpdater().updateAsync("1002", Customer.builder().lastName("Hopper").build())
          .get(30, TimeUnit.SECONDS);

      assertThat(result.customer().lastName()).contains("Hopper");
    }
    assertThat(ran).hasValue(1);
  }
}
