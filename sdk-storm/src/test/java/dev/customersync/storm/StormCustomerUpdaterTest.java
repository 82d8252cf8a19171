package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.testkit.FakeStorm;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The neutral updater against the stateful fake, whose UpdateCustomer clears what is left out. */
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
        .invoiceAddress(Address.builder().line1("Kungsgatan 3").postalCode("111 43").build())
        .build();

    UpdateResult result = updater.update("1001", change);

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
    assertThat(invoice.get("City").asText()).as("unset address fields survive").isEqualTo("Stockholm");
    assertThat(invoice.get("CountryId").asInt()).isEqualTo(1);
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

    assertThat(fake.journal().count("POST", "/UpdateCustomer")).isZero();
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
  void deliveryAddressesReplaceTheListKeepingIdsByPosition() {
    updater.update("1001", Customer.builder().deliveryAddresses(List.of(
        Address.builder().line1("Hamngatan 4").build(),
        Address.builder().line1("Drottninggatan 5").postalCode("111 51").city("Stockholm").countryCode("SE").build()))
        .build());

    JsonNode delivery = stored(ADA).get("DeliveryAddresses");
    assertThat(delivery).hasSize(2);
    assertThat(delivery.get(0).get("Id").asInt()).isEqualTo(9002);
    assertThat(delivery.get(0).get("Line1").asText()).isEqualTo("Hamngatan 4");
    assertThat(delivery.get(0).get("CareOf").asText()).isEqualTo("Reception");
    assertThat(delivery.get(1).get("Line1").asText()).isEqualTo("Drottninggatan 5");
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
    updater.update("1001", Customer.builder().firstName("Ada").languageTag("nb-NO").build());

    assertThat(fake.journal().entries()).filteredOn(e -> !e.path().endsWith("/token"))
        .extracting(e -> e.request().getUrl().queryParameter("cultureCode"))
        .containsExactly("nb-NO", "nb-NO");
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
    assertThat(fake.journal().count("POST", "/UpdateCustomer")).isZero();
  }

  @Test
  void aDuplicateEmailIsCustomerAlreadyExistsOnTheEmailField() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder().email("ADA@example.com").build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.errorCode()).contains("CustomerAlreadyExists");
          assertThat(e.fieldErrors()).containsKey("email");
          assertThat(e.getMessage()).contains("already exists");
        });
  }

  @Test
  void anEmailStormFindsInvalidIsInvalidEmail() {
    StormCustomer grace = client.getCustomer(GRACE);

    assertThatThrownBy(() -> client.updateCustomer(ImmutableStormCustomer.copyOf(grace).withEmail("grace@localhost")))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("InvalidEmail");
          assertThat(e.fieldErrors()).containsKey("email");
        });
  }

  @Test
  void anInvoiceAddressWithoutZipCityAndCountryNamesEachMissingPart() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder()
        .invoiceAddress(Address.builder().line1("Storgatan 1").build()).build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("InvoiceAddressZipMissing");
          assertThat(e.fieldErrors()).containsOnlyKeys(
              "invoiceAddress.postalCode", "invoiceAddress.city", "invoiceAddress.countryCode");
        });
  }

  @Test
  void aDeliveryAddressWithoutCityIsDeliveryAddressCityMissing() {
    assertThatThrownBy(() -> updater.update("1002", Customer.builder().deliveryAddresses(List.of(
        Address.builder().line1("Storgatan 1").postalCode("111 22").countryCode("SE").build())).build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("DeliveryAddressCityMissing");
          assertThat(e.fieldErrors()).containsOnlyKeys("deliveryAddresses.city");
        });
  }

  @Test
  void aCompanyWithoutNameSentDirectlyIsInvalidCompanyName() {
    StormCustomer grace = client.getCustomer(GRACE);

    assertThatThrownBy(() -> client.updateCustomer(ImmutableStormCustomer.copyOf(grace)
        .withCompanies(Company.builder().orgNo("1").build())))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("InvalidCompanyName");
          assertThat(e.fieldErrors()).containsKey("companyName");
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
