package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.customersync.testkit.Fault;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.RequestJournal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The neutral updater against the stateful fake: read, merge, write, and nothing lost. */
class BokaMeraCustomerUpdaterTest {

  private static final String HELD = """
      {
        "Firstname": "Ada", "Lastname": "Lovelace", "Email": "ada@example.com", "Phone": "+46 70 123 45 67",
        "ImageUrl": "https://img.example.com/ada.png", "SubscribedToNewsletter": true,
        "InvoiceAddress": {"CorporateIdentityNumber": "556677-8899", "InvoiceAddress1": "Storgatan 1",
          "InvoiceAddress2": "Box 12", "InvoiceCity": "Stockholm", "InvoicePostalCode": "111 22", "InvoiceCountryCode": "SE"},
        "CustomFieldValues": [{"Id": 1, "Column": "TextField1", "Name": "Shoe size", "Value": "38"},
                              {"Id": 2, "Column": "TextField2", "Name": "Allergies", "Value": "none"}],
        "AccessKeys": [{"Id": "9b2f6c1e-0d4a-4f5b-8c7d-1e2f3a4b5c6d", "AccessKeyTypeId": 1, "Value": "CARD-0042",
                        "Description": "Gym card"}]
      }
      """;

  private final FakeBokaMera fake = new FakeBokaMera();
  private BokaMeraClient client;
  private CustomerUpdater updater;
  private UUID id;

  @BeforeEach
  void setUp() {
    fake.start();
    id = UUID.randomUUID();
    fake.putCustomer(id, HELD);
    client = BokaMeraClient.builder()
        .baseUrl(fake.baseUrl())
        .apiKey(fake.apiKey())
        .accessToken(fake.issueAccessToken())
        .retryPolicy(Samples.fastRetries())
        .build();
    updater = client.customerUpdater();
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  private JsonNode stored() {
    return fake.customer(id).orElseThrow();
  }

  @Test
  void vendorIsBokamera() {
    assertThat(updater.vendor()).isEqualTo("bokamera");
  }

  @Test
  void changesOnlyTheFieldsSetAndKeepsEveryOtherValue() {
    UpdateResult result = updater.update(id.toString(), Customer.builder()
        .lastName("King")
        .putCustomFields("2", "peanuts")
        .build());

    JsonNode c = stored();
    assertThat(c.get("Lastname").asText()).isEqualTo("King");
    assertThat(c.get("Firstname").asText()).isEqualTo("Ada");
    assertThat(c.get("Email").asText()).isEqualTo("ada@example.com");
    assertThat(c.get("Phone").asText()).isEqualTo("+46 70 123 45 67");
    assertThat(c.get("SubscribedToNewsletter").asBoolean()).isTrue();
    JsonNode invoice = c.get("InvoiceAddress");
    assertThat(invoice.get("CorporateIdentityNumber").asText()).isEqualTo("556677-8899");
    assertThat(invoice.get("InvoiceAddress1").asText()).isEqualTo("Storgatan 1");
    assertThat(invoice.get("InvoiceAddress2").asText()).isEqualTo("Box 12");
    assertThat(invoice.get("InvoiceCity").asText()).isEqualTo("Stockholm");
    assertThat(invoice.get("InvoicePostalCode").asText()).isEqualTo("111 22");
    assertThat(invoice.get("InvoiceCountryCode").asText()).isEqualTo("SE");
    assertThat(c.get("CustomFieldValues").findValuesAsText("Value")).containsExactly("38", "peanuts");
    assertThat(c.get("AccessKeys")).hasSize(1);
    assertThat(c.get("AccessKeys").get(0).get("Value").asText()).isEqualTo("CARD-0042");

    assertThat(result.vendor()).isEqualTo("bokamera");
    assertThat(result.customerId()).isEqualTo(id.toString());
    assertThat(result.warnings()).isEmpty();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.customer().lastName()).contains("King");
    assertThat(result.customer().firstName()).contains("Ada");
    assertThat(result.customer().organizationNumber()).contains("556677-8899");
    assertThat(result.customer().invoiceAddress()).contains(Address.builder().line1("Storgatan 1").line2("Box 12")
        .postalCode("111 22").city("Stockholm").countryCode("SE").build());
    assertThat(result.customer().customFields()).containsEntry("1", "38").containsEntry("2", "peanuts");
    assertThat(result.customer().newsletterSubscribed()).contains(true);
    assertThat(result.vendorResponse(CustomerQueryResponse.class).imageUrl()).isEqualTo("https://img.example.com/ada.png");
  }

  @Test
  void writesNothingWhenBokaMeraAlreadyHoldsEveryValueSet() {
    UpdateResult result = updater.update(id.toString(), Customer.builder().firstName("Ada").lastName("Lovelace")
        .newsletterSubscribed(true).invoiceAddress(Address.builder().city("Stockholm").countryCode("SE").build())
        .putCustomFields("1", "38").build());

    assertThat(result.written()).isFalse();
    assertThat(result.changes()).isEmpty();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(fake.journal().entries()).extracting(e -> e.method()).containsExactly("GET");
    assertThat(result.customer().firstName()).contains("Ada");
    assertThat(result.vendorResponse(CustomerQueryResponse.class).id()).isEqualTo(id);
  }

  @Test
  void planNamesEachChangeAsBokaMeraNamesItAndWritesNothing() {
    UpdatePlan plan = updater.plan(id.toString(), Customer.builder().phone("+46 70 999 99 99")
        .putCustomFields("2", "peanuts").putCustomFields("7", "COBOL")
        .invoiceAddress(Address.builder().city("Uppsala").build()).build());

    assertThat(plan.changes()).containsExactly(
        FieldChange.of("Phone", "\"+46 70 123 45 67\"", "\"+46 70 999 99 99\""),
        FieldChange.of("CustomFields[1].Value", "\"none\"", "\"peanuts\""),
        FieldChange.of("CustomFields[2]", null, "{\"Id\":7,\"Value\":\"COBOL\"}"),
        FieldChange.of("InvoiceAddress.InvoiceCity", "\"Stockholm\"", "\"Uppsala\""));
    assertThat(plan.customerId()).isEqualTo(id.toString());
    assertThat(fake.journal().entries()).extracting(e -> e.method()).containsExactly("GET");
    assertThat(stored().get("Phone").asText()).isEqualTo("+46 70 123 45 67");
  }

  @Test
  void neverSendsBackAnAccessKeyBokaMeraAnsweredWithoutItsId() {
    String heldKeyId = stored().at("/AccessKeys/0/Id").asText();

    updater.update(id.toString(), Customer.builder().firstName("Augusta").build());
    updater.update(id.toString(), Customer.builder().firstName("Ada").build());

    for (RequestJournal.Entry put : fake.journal().entries().stream().filter(e -> e.method().equals("PUT")).toList()) {
      assertThat(Samples.tree(put.body()).get("AccessKeys")).isEmpty();
      assertThat(put.body()).doesNotContain("CARD-0042", "AccessKeysToDelete");
    }
    assertThat(fake.keysCreated()).isZero();
    assertThat(stored().get("AccessKeys")).singleElement().satisfies(k -> {
      assertThat(k.get("Id").asText()).isEqualTo(heldKeyId);
      assertThat(k.get("Value").asText()).isEqualTo("CARD-0042");
    });
  }

  @Test
  void sendsAccessKeysThatCarryAnIdExactlyAsReadEvenWhenTheWriteIsRetried() {
    fake.answersAccessKeyIds(true);
    String key = "{\"Id\":\"9B2F6C1E-0D4A-4F5B-8C7D-1E2F3A4B5C6D\",\"CompanyId\":\"" + fake.companyId() + "\","
        + "\"AccessKeyTypeId\":1,\"Value\":\"CARD-0042\",\"Description\":null,"
        + "\"ValidUntil\":\"/Date(1893456000000+0100)/\",\"Credit\":1.50,\"Limits\":{\"Daily\":1E+15,\"Zones\":[]}}";
    fake.putCustomerAsIs(id, "{\"Firstname\":\"Ada\",\"Lastname\":\"Lovelace\",\"AccessKeys\":[" + key + ","
        + "{\"AccessKeyTypeId\":2,\"Value\":\"TAG-7\"},"
        + "{\"Id\":\"00000000-0000-0000-0000-000000000000\",\"AccessKeyTypeId\":3,\"Value\":\"PIN-1\"},"
        + "{\"Id\":null,\"AccessKeyTypeId\":3,\"Value\":\"PIN-2\"}]}");
    fake.faults().next(r -> r.getMethod().equals("PUT"), Fault.status(502).afterHandling());

    UpdateResult result = updater.update(id.toString(), Customer.builder().firstName("Augusta").build());

    List<RequestJournal.Entry> puts = fake.journal().entries().stream().filter(e -> e.method().equals("PUT")).toList();
    assertThat(puts).hasSize(2);
    for (RequestJournal.Entry put : puts) {
      assertThat(put.body()).contains("\"AccessKeys\":[" + key + "]");
    }
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(fake.keysCreated()).isZero();
    assertThat(stored().get("AccessKeys")).extracting(k -> k.get("Value").asText())
        .containsExactly("CARD-0042", "TAG-7", "PIN-1", "PIN-2");
  }

  @Test
  void refusesAReadWhoseFirstResultNamesNoCustomerAndWritesNothing() {
    fake.nextReadNamesNoCustomer();

    UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class,
        () -> updater.update(id.toString(), Customer.builder().firstName("Augusta").build()));

    assertThat(e.requestedId()).isEqualTo(id.toString());
    assertThat(e.foundId()).isEmpty();
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("names no customer", "nothing was written");
    assertThat(fake.journal().entries()).extracting(x -> x.method()).containsExactly("GET");
    assertThat(stored().get("Firstname").asText()).isEqualTo("Ada");
  }

  @Test
  void refusesAReadWhoseFirstResultIsAnotherCustomerAndWritesNothing() {
    UUID other = UUID.randomUUID();
    fake.nextReadNamesCustomer(other);

    UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class,
        () -> updater.plan(id.toString(), Customer.builder().firstName("Augusta").build()));

    assertThat(e.foundId()).contains(other.toString());
    assertThat(e.getMessage()).contains(id.toString(), other.toString());
    assertThat(fake.journal().entries()).extracting(x -> x.method()).containsExactly("GET");
  }

  @Test
  void acceptsTheRequestedCustomerWhateverTheCaseOfItsGuid() {
    fake.putCustomerAsIs(id, HELD.replaceFirst("\\{", "{\"Id\": \"" + id.toString().toUpperCase(Locale.ROOT) + "\","));

    UpdateResult result = updater.update(id.toString(), Customer.builder().firstName("Augusta").build());

    assertThat(result.written()).isTrue();
    assertThat(result.customerId()).isEqualTo(id.toString());
    assertThat(fake.journal().entries().get(1).path()).isEqualTo("/customers/" + id);
  }

  @Test
  void readsWithTheIncludeFlagsThenWritesTheWholeCustomer() {
    updater.update(id.toString(), Customer.builder().firstName("Augusta").build());

    var entries = fake.journal().entries();
    assertThat(entries).extracting(e -> e.method()).containsExactly("GET", "PUT");
    assertThat(entries.get(0).request().getUrl().queryParameter("CustomerId")).isEqualTo(id.toString());
    JsonNode body = Samples.tree(entries.get(1).body());
    assertThat(body.get("Firstname").asText()).isEqualTo("Augusta");
    assertThat(body.get("Lastname").asText()).isEqualTo("Lovelace");
    assertThat(body.get("Phone").asText()).isEqualTo("+46 70 123 45 67");
    assertThat(body.get("Email").asText()).isEqualTo("ada@example.com");
    assertThat(body.get("SubscribedToNewsletter").asBoolean()).isTrue();
    assertThat(body.has("AccessKeysToDelete")).isFalse();
    assertThat(body.has("Id")).isFalse();
  }

  @Test
  void mapsEveryNeutralFieldBokaMeraCanHold() {
    Customer customer = Customer.builder()
        .firstName("Grace").lastName("Hopper").email("grace@example.com").phone("+1 555 0100")
        .newsletterSubscribed(false)
        .organizationNumber("212000-0142")
        .invoiceAddress(Address.builder().line1("1 Navy Way").line2("Suite 2").postalCode("20350").city("Arlington")
            .countryCode("US").build())
        .putCustomFields("7", "COBOL")
        .build();

    UpdateResult result = updater.update(id.toString(), customer);

    JsonNode body = Samples.tree(fake.journal().entries().get(1).body());
    assertThat(body.get("Firstname").asText()).isEqualTo("Grace");
    assertThat(body.get("Lastname").asText()).isEqualTo("Hopper");
    assertThat(body.get("Email").asText()).isEqualTo("grace@example.com");
    assertThat(body.get("Phone").asText()).isEqualTo("+1 555 0100");
    assertThat(body.get("SubscribedToNewsletter").asBoolean()).isFalse();
    assertThat(body.get("InvoiceAddress")).isEqualTo(Samples.tree("""
        {"CorporateIdentityNumber": "212000-0142", "InvoiceAddress1": "1 Navy Way", "InvoiceAddress2": "Suite 2",
         "InvoiceCity": "Arlington", "InvoicePostalCode": "20350", "InvoiceCountryCode": "US"}"""));
    assertThat(body.get("CustomFields")).contains(Samples.tree("{\"Id\":7,\"Value\":\"COBOL\"}"));
    assertThat(result.customer().firstName()).contains("Grace");
    assertThat(result.customer().customFields()).containsEntry("7", "COBOL");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void oneInvoiceAddressFieldChangesAloneAndTheOthersAreKept() {
    updater.update(id.toString(), Customer.builder().invoiceAddress(Address.builder().city("Uppsala").build()).build());

    JsonNode invoice = stored().get("InvoiceAddress");
    assertThat(invoice.get("InvoiceCity").asText()).isEqualTo("Uppsala");
    assertThat(invoice.get("InvoiceAddress1").asText()).isEqualTo("Storgatan 1");
    assertThat(invoice.get("CorporateIdentityNumber").asText()).isEqualTo("556677-8899");
  }

  @Test
  void aCustomerWithoutInvoiceAddressGetsNoneUnlessOneIsSet() {
    UUID bare = fake.addCustomer("Alan", "Turing", "alan@example.com", "");

    updater.update(bare.toString(), Customer.builder().email("turing@example.com").build());

    assertThat(Samples.tree(fake.journal().entries().get(1).body()).has("InvoiceAddress")).isFalse();
    assertThat(fake.customer(bare).orElseThrow().has("InvoiceAddress")).isFalse();

    updater.update(bare.toString(), Customer.builder().organizationNumber("556000-0001").build());

    assertThat(fake.customer(bare).orElseThrow().get("InvoiceAddress").get("CorporateIdentityNumber").asText())
        .isEqualTo("556000-0001");
  }

  @Test
  void anEmptyStringClearsAField() {
    updater.update(id.toString(), Customer.builder().phone("").invoiceAddress(Address.builder().line2("").build()).build());

    assertThat(stored().get("Phone").asText()).isEmpty();
    assertThat(stored().get("InvoiceAddress").get("InvoiceAddress2").asText()).isEmpty();
    assertThat(stored().get("InvoiceAddress").get("InvoiceAddress1").asText()).isEqualTo("Storgatan 1");
  }

  @Test
  void fieldsBokaMeraCannotHoldBecomeWarningsAndAreNotSent() {
    Customer customer = Customer.builder()
        .firstName("Augusta")
        .mobilePhone("+46 70 000 00 00").companyName("Analytical Engines AB").vatId("SE556677889901")
        .deliveryAddresses(List.of(Address.builder().city("Malmö").build()))
        .externalCode("ERP-1").languageTag("sv-SE").active(true)
        .invoiceAddress(Address.builder().careOf("Byron").region("Stockholms län").build())
        .putCustomFields("shoeColour", "red")
        .build();

    UpdateResult result = updater.update(id.toString(), customer);

    assertThat(result.warnings()).hasSize(10);
    assertThat(String.join("\n", result.warnings())).contains("mobilePhone", "companyName", "vatId", "deliveryAddresses",
        "externalCode", "languageTag", "active", "invoiceAddress.careOf", "invoiceAddress.region", "customFields[shoeColour]");
    String body = fake.journal().entries().get(1).body();
    assertThat(body).doesNotContain("Analytical", "SE556677889901", "Malmö", "ERP-1", "Byron", "Stockholms län", "shoeColour",
        "+46 70 000 00 00");
    assertThat(stored().get("InvoiceAddress").get("InvoiceCity").asText()).isEqualTo("Stockholm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "", " ", "abc", "1-2-3-4-5", " 3fa85f64-5717-4562-b3fc-2c963f66afa6",
      "3fa85f64-5717-4562-b3fc-2c963f66afa6 ", "{3fa85f64-5717-4562-b3fc-2c963f66afa6}",
      "3fa85f64-5717-4562-b3fc-2c963f66afa6/../x", "3fa85f64-5717-4562-b3fc-2c963f66afa6?CompanyId=x",
      "3fa85f6457174562b3fc2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afaz", "3fa85f64-5717-4562-b3fc2-c963f66afa6",
      "3fa85f64-5717-4562-b3fc-2c963f66afa\u0663", "3fa85f64-5717-4562-b3fc-2c963f66afa\uFF16"})
  void rejectsAnIdThatIsNotAGuidBeforeSending(String badId) {
    CustomerValidationException e = catchThrowableOfType(CustomerValidationException.class,
        () -> updater.update(badId, Customer.builder().firstName("Ada").build()));

    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("customerId");
      assertThat(v.rule()).contains("GUID");
    });
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void rejectsANullIdBeforeSending() {
    assertThatThrownBy(() -> updater.update(null, Customer.builder().build()))
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("customerId");
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void rejectsAnInvalidCustomerBeforeSendingAndListsEveryProblem() {
    CustomerValidationException e = catchThrowableOfType(CustomerValidationException.class,
        () -> updater.update("../x", Customer.builder().email("not-an-email").phone("call me").build()));

    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("customerId", "email", "phone");
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void anUnknownCustomerIsNotFoundAndNothingIsWritten() {
    assertThatThrownBy(() -> updater.update(UUID.randomUUID().toString(), Customer.builder().firstName("X").build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(fake.journal().count("PUT", "")).isZero();
  }

  @Test
  void clearingTheLastnameBringsBokaMerasFieldError() {
    VendorApiException e = catchThrowableOfType(VendorApiException.class,
        () -> updater.update(id.toString(), Customer.builder().lastName("").build()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.fieldErrors()).containsOnlyKeys("Lastname");
    assertThat(stored().get("Lastname").asText()).isEqualTo("Lovelace");
  }

  @Test
  void usesTheDefaultCompanyIdForTheReadAndTheWrite() {
    try (BokaMeraClient withCompany = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
        .accessToken(fake.issueAccessToken()).companyId(fake.companyId()).build()) {
      withCompany.customerUpdater().update(id.toString(), Customer.builder().firstName("Augusta").build());

      var entries = fake.journal().entries();
      assertThat(entries.get(0).request().getUrl().queryParameter("CompanyId")).isEqualTo(fake.companyId().toString());
      assertThat(entries.get(1).request().getUrl().queryParameter("CompanyId")).isEqualTo(fake.companyId().toString());
      assertThat(Samples.tree(entries.get(1).body()).get("CompanyId").asText()).isEqualTo(fake.companyId().toString());
    }
    try (BokaMeraClient otherCompany = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
        .accessToken(fake.issueAccessToken()).companyId(UUID.randomUUID()).build()) {
      assertThatThrownBy(() -> otherCompany.customerUpdater().update(id.toString(), Customer.builder().firstName("X").build()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void attemptsCountRetriesOfTheReadAndTheWrite() {
    fake.faults().next(r -> r.getMethod().equals("GET"), Fault.status(503));
    fake.faults().next(r -> r.getMethod().equals("PUT"), Fault.status(502).afterHandling());

    UpdateResult result = updater.update(id.toString(), Customer.builder().firstName("Augusta").build());

    assertThat(result.attempts()).isEqualTo(4);
    assertThat(stored().get("Firstname").asText()).isEqualTo("Augusta");
    assertThat(stored().get("Lastname").asText()).isEqualTo("Lovelace");
  }

  @Test
  void updateAsyncCompletesWithTheSameResult() throws Exception {
    UpdateResult result = updater.updateAsync(id.toString(), Customer.builder().firstName("Ada B.").build())
        .get(30, TimeUnit.SECONDS);

    assertThat(result.customer().firstName()).contains("Ada B.");
  }

  @Test
  void updateAsyncRunsOnTheExecutorGivenToTheBuilder() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    try (BokaMeraClient own = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
        .accessToken(fake.issueAccessToken()).retryPolicy(Samples.fastRetries())
        .executor(task -> {
          ran.incrementAndGet();
          task.run();
        }).build()) {
      UpdateResult result = own.customerUpdater().updateAsync(id.toString(), Customer.builder().firstName("Ada C.").build())
          .get(30, TimeUnit.SECONDS);

      assertThat(result.customer().firstName()).contains("Ada C.");
    }
    assertThat(ran).hasValue(1);
  }

  @Test
  void aFieldBokaMeraCannotHoldIsHeardOncePerClientByUpdatesAndCreatesAlike() {
    java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (BokaMeraClient c = BokaMeraClient.builder().settings(fake.clientSettings())
        .retryPolicy(Samples.fastRetries())
        .listener(new dev.customersync.core.VendorCallListener() {
          @Override
          public void warning(dev.customersync.core.VendorCall call, String warning) {
            heard.add(warning);
          }
        }).build()) {
      Customer mobile = Customer.builder().mobilePhone("+46 70 1").build();
      for (int i = 0; i < 3; i++) {
        assertThat(c.customerUpdater().update(id.toString(), mobile).warnings()).singleElement().asString()
            .startsWith("mobilePhone");
      }
      c.customerDirectory().create(Customer.builder().firstName("Grace").lastName("Hopper").phone("+46 8 1")
          .mobilePhone("+46 70 2").build());
    }
    assertThat(heard).singleElement().asString().startsWith("mobilePhone");
  }
}
