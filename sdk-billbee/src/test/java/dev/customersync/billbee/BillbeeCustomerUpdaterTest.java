package dev.customersync.billbee;

import static dev.customersync.billbee.BillbeeSamples.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.ConflictException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerArchivedException;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorOperation;
import dev.customersync.core.Violation;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.Fault;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read-merge-PUT updater against the stateful fake. */
class BillbeeCustomerUpdaterTest {

  private final TestClients clients = new TestClients();
  private FakeBillbee fake;
  private BillbeeClient client;
  private CustomerUpdater updater;

  @BeforeEach
  void setUp() {
    // The throttle has its own test; here it would only make the tests depend on their speed.
    fake = new FakeBillbee().throttling(false).start();
    fake.seedSample(ID);
    client = clients.builder(fake.url("/")).languageId("de", 1).languageId("en", 2).build();
    updater = client.customerUpdater();
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  @Test
  void vendorIsBillbee() {
    assertThat(updater.vendor()).isEqualTo("billbee");
  }

  @Test
  void mergedPutKeepsEveryFieldTheCallerDidNotSet() {
    ObjectNode before = fake.customer(ID).orElseThrow();

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().vatId("DE999999999").build());

    ObjectNode expected = before.deepCopy().put("VatId", "DE999999999");
    assertThat(fake.customer(ID).orElseThrow()).isEqualTo(expected);
    assertThat(fake.journal().count("GET", "/api/v1/customers/" + ID)).isEqualTo(1);
    assertThat(fake.journal().count("PUT", "/api/v1/customers/" + ID)).isEqualTo(1);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void emailGoesToEmailAndToEveryCopyOfTheDefaultMailEntry() {
    updater.update(Long.toString(ID), Customer.builder().email("ada@lovelace.example").build());

    ObjectNode stored = fake.customer(ID).orElseThrow();
    long mailId = stored.get("DefaultMailAddress").get("Id").longValue();
    assertThat(stored.get("Email").asText()).isEqualTo("ada@lovelace.example");
    assertThat(stored.get("DefaultMailAddress").get("Value").asText()).isEqualTo("ada@lovelace.example");
    assertThat(stored.get("DefaultStatusUpdatesMailAddress").get("Value").asText())
        .as("same entry id as the default mail address").isEqualTo("ada@lovelace.example");
    assertThat(stored.get("DefaultCommercialMailAddress").get("Value").asText()).isEqualTo("billing@example.com");
    ArrayNode expectedMeta = (ArrayNode) FakeBillbee.sampleCustomer(ID).get("MetaData");
    ((ObjectNode) expectedMeta.get(0)).put("Value", "ada@lovelace.example");
    assertThat(stored.get("MetaData")).as("only the entry with the default mail address's id").isEqualTo(expectedMeta);
    assertThat(stored.get("DefaultMailAddress").get("Id").longValue()).isEqualTo(mailId);
    assertThat(stored.get("DefaultMailAddress").get("TypeId").intValue()).isEqualTo(1);
  }

  @Test
  void phonesGoToTel1AndTel2AndTheirDefaultEntries() {
    updater.update(Long.toString(ID), Customer.builder().phone("+49 30 999").mobilePhone("+49 171 888").build());

    ObjectNode stored = fake.customer(ID).orElseThrow();
    assertThat(stored.get("Tel1").asText()).isEqualTo("+49 30 999");
    assertThat(stored.get("Tel2").asText()).isEqualTo("+49 171 888");
    assertThat(stored.get("DefaultPhone1").get("Value").asText()).isEqualTo("+49 30 999");
    assertThat(stored.get("DefaultPhone2").get("Value").asText()).isEqualTo("+49 171 888");
    assertThat(stored.get("MetaData").get(2).get("Value").asText()).isEqualTo("+49 30 999");
    assertThat(stored.get("MetaData").get(3).get("Value").asText()).isEqualTo("+49 171 888");
    assertThat(stored.get("Email").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void firstAndLastNameBecomeNameOfAnEndCustomer() {
    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().firstName("Augusta").lastName("King").build());

    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Augusta King");
    assertThat(fake.customer(ID).orElseThrow().get("Type").intValue()).isZero();
    assertThat(r.customer().firstName()).contains("Augusta");
    assertThat(r.customer().lastName()).contains("King");
  }

  @Test
  void onlyALastNameKeepsTheFirstWordOfTheCurrentName() {
    updater.update(Long.toString(ID), Customer.builder().lastName("King").build());

    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Ada King");
  }

  @Test
  void aCompanyNameBecomesNameAndMakesABusinessCustomer() {
    UpdateResult r = updater.update(Long.toString(ID),
        Customer.builder().companyName("Analytical Engines GmbH").firstName("Ada").build());

    ObjectNode stored = fake.customer(ID).orElseThrow();
    assertThat(stored.get("Name").asText()).isEqualTo("Analytical Engines GmbH");
    assertThat(stored.get("Type").intValue()).isEqualTo(1);
    assertThat(r.customer().companyName()).contains("Analytical Engines GmbH");
    assertThat(r.warnings()).singleElement().asString().startsWith("firstName/lastName:");
  }

  @Test
  void aPersonsNameDoesNotOverwriteABusinessCustomersCompanyName() {
    fake.seed(FakeBillbee.sampleCustomer(ID).put("Type", 1).put("Name", "Engines GmbH"));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().firstName("Ada").lastName("King").build());

    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Engines GmbH");
    assertThat(r.warnings()).singleElement().asString().contains("business customer");
  }

  @Test
  void clearingTheCompanyMakesAnEndCustomerNamedByThePerson() {
    fake.seed(FakeBillbee.sampleCustomer(ID).put("Type", 1).put("Name", "Engines GmbH"));

    updater.update(Long.toString(ID), Customer.builder().companyName("").firstName("Ada").lastName("King").build());

    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Ada King");
    assertThat(fake.customer(ID).orElseThrow().get("Type").intValue()).isZero();
  }

  @Test
  void numericExternalCodeBecomesNumberAndAnyOtherIsAWarning() {
    updater.update(Long.toString(ID), Customer.builder().externalCode("2147483647").build());
    assertThat(fake.customer(ID).orElseThrow().get("Number").longValue()).isEqualTo(2147483647L);

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().externalCode("CRM-12").build());
    UpdateResult tooBig = updater.update(Long.toString(ID), Customer.builder().externalCode("2147483648").build());

    assertThat(fake.customer(ID).orElseThrow().get("Number").longValue()).isEqualTo(2147483647L);
    assertThat(r.warnings()).singleElement().asString().startsWith("externalCode:").contains("CRM-12");
    assertThat(tooBig.warnings()).singleElement().asString().startsWith("externalCode:");
  }

  @Test
  void languageTagBecomesLanguageIdOnlyWhereAMappingIsConfigured() {
    UpdateResult english = updater.update(Long.toString(ID), Customer.builder().languageTag("en-GB").build());
    assertThat(fake.customer(ID).orElseThrow().get("LanguageId").intValue()).isEqualTo(2);
    assertThat(english.customer().languageTag()).contains("en");

    UpdateResult swedish = updater.update(Long.toString(ID), Customer.builder().languageTag("sv-SE").build());

    assertThat(fake.customer(ID).orElseThrow().get("LanguageId").intValue()).isEqualTo(2);
    assertThat(swedish.warnings()).singleElement().asString().startsWith("languageTag:").contains("sv-SE");
  }

  @Test
  void emptyStringsClearFields() {
    updater.update(Long.toString(ID), Customer.builder().vatId("").externalCode("").mobilePhone("").build());

    ObjectNode stored = fake.customer(ID).orElseThrow();
    assertThat(stored.get("VatId").asText()).isEmpty();
    assertThat(stored.get("Number").isNull()).isTrue();
    assertThat(stored.get("Tel2").asText()).isEmpty();
    assertThat(stored.get("DefaultPhone2").get("Value").asText()).isEmpty();
    assertThat(stored.get("Tel1").asText()).isEqualTo("+49 30 1234567");
  }

  @Test
  void fieldsBillbeeCannotHoldBecomeWarningsNotSilentDrops() {
    UpdateResult r = updater.update(Long.toString(ID), Customer.builder()
        .organizationNumber("556677-8899")
        .invoiceAddress(Address.builder().city("Berlin").build())
        .deliveryAddresses(List.of(Address.builder().city("Hamburg").build()))
        .newsletterSubscribed(true)
        .active(true)
        .putCustomFields("color", "blue")
        .build());

    assertThat(r.warnings()).extracting(w -> w.substring(0, w.indexOf(':'))).containsExactly(
        "organizationNumber", "invoiceAddress", "deliveryAddresses", "newsletterSubscribed", "active", "customFields");
    assertThat(r.written()).isFalse();
    assertThat(fake.journal().count("PUT", "/api/v1/customers/" + ID)).isZero();
    assertThat(fake.customer(ID).orElseThrow()).isEqualTo(FakeBillbee.sampleCustomer(ID));
  }

  @Test
  void aOneSidedNameChangeOfANameWithMoreThanTwoWordsIsRefusedWithAWarningNotGuessed() {
    fake.seed(FakeBillbee.sampleCustomer(ID).put("Name", "Anna Maria Svensson"));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().lastName("Berg").build());

    assertThat(r.written()).isFalse();
    assertThat(r.warnings()).singleElement().asString().startsWith("lastName:")
        .contains("give both firstName and lastName");
    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Anna Maria Svensson");
    assertThat(fake.journal().count("PUT", "/api/v1/customers/" + ID)).isZero();
  }

  @Test
  void bothNamePartsReplaceANameWithMoreThanTwoWords() {
    fake.seed(FakeBillbee.sampleCustomer(ID).put("Name", "Anna Maria Svensson"));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().firstName("Anna Maria").lastName("Berg").build());

    assertThat(r.warnings()).isEmpty();
    assertThat(r.changes()).extracting(FieldChange::field).containsExactly("Name");
    assertThat(fake.customer(ID).orElseThrow().get("Name").asText()).isEqualTo("Anna Maria Berg");
  }

  @Test
  void everythingTheUpdateDoesNotChangeReachesTheFakeExactlyAsItWasRead() {
    String seeded = "{\"Id\":7,\"Name\":\"Ada Lovelace\",\"VatId\":\"DE1\",\"Type\":0,\"PriceGroupId\":null,"
        + "\"Credit\":1.50,\"Limit\":1E+15,\"MetaData\":[{\"Id\":1,\"TypeId\":1,\"Value\":\"a@example.com\","
        + "\"VerifiedAt\":\"2022-07-16T09:56:01.903\",\"Extra\":{\"Score\":0.10,\"Tags\":[]}}],"
        + "\"DefaultMailAddress\":{\"Id\":1,\"TypeId\":1,\"Value\":\"a@example.com\",\"Flags\":[null,1.0]},"
        + "\"ArchivedAt\":\"2021-01-01T00:00:00\",\"RestoredAt\":\"2022-07-16T09:56:01.903\",\"Loyalty\":{\"Since\":\"2020-01-01T00:00:00Z\"}}";
    fake.seed(7, seeded);

    UpdateResult r = updater.update("7", Customer.builder().vatId("DE2").build());

    assertThat(r.written()).isTrue();
    assertThat(LosslessJson.text(fake.customer(7).orElseThrow())).isEqualTo(seeded.replace("DE1", "DE2"));
  }

  @Test
  void resultCarriesWhatBillbeeHoldsInNeutralTermsAndTheVendorModel() {
    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().email("ada@lovelace.example").build());

    assertThat(r.vendor()).isEqualTo("billbee");
    assertThat(r.customerId()).isEqualTo("100000150176895");
    assertThat(r.customer()).isEqualTo(Customer.builder().firstName("Ada").lastName("Lovelace")
        .email("ada@lovelace.example").phone("+49 30 1234567").mobilePhone("+49 170 7654321").vatId("DE123456789")
        .externalCode("4711").languageTag("de").build());
    BillbeeCustomer vendor = r.vendorResponse(BillbeeCustomer.class);
    assertThat(vendor.id()).isEqualTo(ID);
    assertThat(vendor.priceGroupId()).isEqualTo(100000000012345L);
  }

  @Test
  void unknownPropertiesBillbeeSendsSurviveTheUpdate() {
    ObjectNode seeded = FakeBillbee.sampleCustomer(ID);
    seeded.putObject("LoyaltyProgram").put("Level", "gold");
    fake.seed(seeded);

    updater.update(Long.toString(ID), Customer.builder().vatId("DE1").build());

    assertThat(fake.customer(ID).orElseThrow().get("LoyaltyProgram").get("Level").asText()).isEqualTo("gold");
  }

  @Test
  void largeIdsRoundTripExactly() {
    long big = 100000150176895L;
    UpdateResult r = updater.update("100000150176895", Customer.builder().vatId("DE2").build());

    assertThat(r.customerId()).isEqualTo("100000150176895");
    assertThat(fake.journal().entries()).extracting(e -> e.path())
        .containsExactly("/api/v1/customers/100000150176895", "/api/v1/customers/100000150176895");
    assertThat(fake.customer(big).orElseThrow().get("Id").longValue()).isEqualTo(big);
  }

  @Test
  void archivedCustomerRaisesAClearExceptionAndIsNotPut() {
    fake.archive(ID, OffsetDateTime.parse("2024-03-01T12:00:00+01:00"));

    BillbeeCustomerArchivedException e = catchThrowableOfType(BillbeeCustomerArchivedException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().email("new@example.com").build()));

    // Not a 409: code that retries conflicts would retry an archived customer forever.
    assertThat(e).isInstanceOf(CustomerArchivedException.class).isNotInstanceOf(ConflictException.class);
    assertThat(e.retryable()).isFalse();
    assertThat(e.operation()).contains(VendorOperation.WRITE);
    assertThat(e.mayHaveReachedVendor()).isFalse();
    assertThat(e.customerId()).isEqualTo(ID);
    assertThat(e.archivedAt()).isEqualTo(OffsetDateTime.parse("2024-03-01T12:00:00+01:00"));
    assertThat(e.errorCode()).contains("CustomerArchived");
    assertThat(e.getMessage()).contains("100000150176895").contains("archived").contains("nothing was sent");
    assertThat(fake.journal().count("PUT", "/api/v1/customers/" + ID)).isZero();
  }

  @Test
  void restoredCustomerIsUpdatedAgain() {
    fake.seed(FakeBillbee.sampleCustomer(ID).put("ArchivedAt", "2021-01-01T00:00:00+00:00"));

    updater.update(Long.toString(ID), Customer.builder().vatId("DE3").build());

    assertThat(fake.customer(ID).orElseThrow().get("VatId").asText()).isEqualTo("DE3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12/../orders", "abc", "-1", "0", "", " 12", "12 ", "007", "1e3", "+12",
      "9223372036854775808", "99999999999999999999", "12%2F..", "１２"})
  void badIdsAreRejectedWithNoRequest(String badId) {
    CustomerValidationException e = catchThrowableOfType(CustomerValidationException.class,
        () -> updater.update(badId, Customer.builder().email("a@example.com").build()));

    assertThat(e.violations()).extracting(Violation::field).containsExactly("customerId");
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void nullIdIsRejectedWithNoRequest() {
    assertThatThrownBy(() -> updater.update(null, Customer.builder().build()))
        .isInstanceOf(CustomerValidationException.class).hasMessageContaining("customerId");
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void largestInt64IdIsAccepted() {
    fake.seedSample(Long.MAX_VALUE);

    UpdateResult r = updater.update(Long.toString(Long.MAX_VALUE), Customer.builder().vatId("DE4").build());

    assertThat(r.customerId()).isEqualTo("9223372036854775807");
  }

  @Test
  void everyBadInputIsReportedAtOnceBeforeAnyRequest() {
    CustomerValidationException e = catchThrowableOfType(CustomerValidationException.class,
        () -> updater.update("abc", Customer.builder().email("not-an-email").phone("call me").build()));

    assertThat(e.violations()).extracting(Violation::field).containsExactly("customerId", "email", "phone");
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void envelopeErrorOnThePutSurfacesWithItsCodeName() {
    fake.faults().next(r -> r.getMethod().equals("PUT"), FakeBillbee.envelopeError(11, "VatId is invalid"));

    VendorApiException e = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("XX").build()));

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.errorCode()).contains("InvalidData");
    assertThat(e.getMessage()).contains("VatId is invalid");
  }

  @Test
  void modelStateErrorOnThePutSurfacesAsFieldErrors() {
    fake.faults().next(r -> r.getMethod().equals("PUT"),
        FakeBillbee.modelStateError("The request is invalid.", Map.of("model.VatId", List.of("Too long"))));

    VendorApiException e = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(Long.toString(ID), Customer.builder().vatId("XX").build()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.fieldErrors()).containsExactly(Map.entry("VatId", "Too long"));
  }

  @Test
  void attemptsCountTheReadAndTheWriteWithRetries() {
    fake.faults().next(r -> r.getMethod().equals("GET"), Fault.status(503))
        .next(r -> r.getMethod().equals("PUT"), Fault.status(429));

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().vatId("DE5").build());

    assertThat(r.attempts()).isEqualTo(4);
    assertThat(fake.customer(ID).orElseThrow().get("VatId").asText()).isEqualTo("DE5");
  }

  @Test
  void unknownCustomerIsNotFound() {
    assertThatThrownBy(() -> updater.update("42", Customer.builder().vatId("DE6").build()))
        .isInstanceOf(NotFoundException.class);

    assertThat(fake.journal().count("PUT", "/api/v1/customers/42")).isZero();
  }

  @Test
  void updateAsyncCompletesOnTheClientsExecutor() throws Exception {
    UpdateResult r = updater.updateAsync(Long.toString(ID), Customer.builder().vatId("DE7").build())
        .get(10, TimeUnit.SECONDS);

    assertThat(r.customerId()).isEqualTo(Long.toString(ID));
    assertThat(fake.customer(ID).orElseThrow().get("VatId").asText()).isEqualTo("DE7");
  }

  @Test
  void updateAsyncRunsOnTheExecutorGivenToTheBuilder() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    try (BillbeeClient own = clients.builder(fake.url("/")).executor(task -> {
      ran.incrementAndGet();
      task.run();
    }).build()) {
      UpdateResult r = own.customerUpdater().updateAsync(Long.toString(ID), Customer.builder().vatId("DE8").build())
          .get(10, TimeUnit.SECONDS);

      assertThat(r.customerId()).isEqualTo(Long.toString(ID));
    }
    assertThat(ran).hasValue(1);
  }
}
