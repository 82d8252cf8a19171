package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.json.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StormCustomerJsonTest {

  private final ObjectMapper mapper = Json.newWcfMapper();

  /** The UpdateCustomer page's sample, with its generated ISO placeholder dates. */
  private static final String PAGE_SAMPLE = """
      {"Id": 0, "Key": "string", "Code": "string", "Email": "string", "SSN": "string",
       "FirstName": "string", "LastName": "string", "Phone": "string", "CellPhone": "string",
       "ReferId": 0, "ReferUrl": "string", "Account": {}, "Companies": [], "DeliveryAddresses": [],
       "InvoiceAddress": {}, "Flags": [], "UseInvoiceAddressAsDeliveryAddress": true, "Info": [],
       "PricelistIds": [], "CrmId": "string", "IsActive": true,
       "Created": "2019-08-24T14:15:22Z", "Updated": "2019-08-24T14:15:22Z"}
      """;

  @Test
  void readsTheVendorPageSampleWithIsoDates() throws Exception {
    StormCustomer c = mapper.readValue(PAGE_SAMPLE, StormCustomer.class);

    assertThat(c.id()).isZero();
    assertThat(c.firstName()).isEqualTo("string");
    assertThat(c.ssn()).isEqualTo("string");
    assertThat(c.cellPhone()).isEqualTo("string");
    assertThat(c.account()).isEqualTo(Account.builder().build());
    assertThat(c.companies()).isEmpty();
    assertThat(c.invoiceAddress()).isEqualTo(Address.builder().build());
    assertThat(c.useInvoiceAddressAsDeliveryAddress()).isTrue();
    assertThat(c.created()).isEqualTo(OffsetDateTime.parse("2019-08-24T14:15:22Z"));
  }

  @Test
  void readsWcfDatesWithPositiveAndNegativeOffsets() throws Exception {
    StormCustomer plus = mapper.readValue("{\"Created\": \"/Date(1566656122000+0200)/\"}", StormCustomer.class);
    StormCustomer minus = mapper.readValue("{\"Updated\": \"\\/Date(1566656122000-0530)\\/\"}", StormCustomer.class);
    StormCustomer utc = mapper.readValue("{\"Created\": \"/Date(1566656122000)/\"}", StormCustomer.class);

    assertThat(plus.created()).isEqualTo(OffsetDateTime.of(2019, 8, 24, 16, 15, 22, 0, ZoneOffset.ofHours(2)));
    assertThat(minus.updated()).isEqualTo(OffsetDateTime.of(2019, 8, 24, 8, 45, 22, 0, ZoneOffset.ofHoursMinutes(-5, -30)));
    assertThat(plus.created().toInstant()).isEqualTo(minus.updated().toInstant()).isEqualTo(utc.created().toInstant());
  }

  @Test
  void writesDatesInWcfFormKeepingTheOffset() throws Exception {
    StormCustomer c = StormCustomer.builder()
        .created(OffsetDateTime.of(2019, 8, 24, 16, 15, 22, 0, ZoneOffset.ofHours(2)))
        .updated(OffsetDateTime.of(2019, 8, 24, 8, 45, 22, 0, ZoneOffset.ofHoursMinutes(-5, -30)))
        .build();

    JsonNode tree = mapper.readTree(mapper.writeValueAsBytes(c));

    assertThat(tree.get("Created").asText()).isEqualTo("/Date(1566656122000+0200)/");
    assertThat(tree.get("Updated").asText()).isEqualTo("/Date(1566656122000-0530)/");
  }

  @Test
  void writesEveryPropertyWithStormsCasingAndLeavesNullsOut() throws Exception {
    StormCustomer c = StormCustomer.builder()
        .id(42).key("3f2504e0-4f89-11d3-9a0c-0305e82c3301").code("ERP-42").email("ada@example.com")
        .ssn("19151210-1234").firstName("Ada").lastName("Lovelace").phone("+46 8 1").cellPhone("+46 70 1")
        .referId(7).referUrl("https://r.example.com/")
        .account(Account.builder().id(1).key("k").loginName("ada").name("Ada L").roles(List.of(1, 2))
            .authorizations(List.of(IdValue.builder().id(5).value("v").code("c").build())).isActive(true).build())
        .companies(List.of(Company.builder().id(3).key("ck").code("C3").name("Engines AB").orgNo("556677-8899")
            .phone("+46 8 2").email("b@example.com").vatNo("SE556677889901").referId(1).referUrl("u")
            .deliveryAddresses(List.of()).invoiceAddress(Address.builder().id(8).build())
            .useInvoiceAddressAsDeliveryAddress(true).info(List.of()).pricelistIds(List.of(12)).parentId(2)
            .deliveryMethodIds(List.of(1)).paymentMethodIds(List.of(4))
            .flags(List.of(Flag.builder().id(9).name("VIP").group(1).isSelected(true).build())).build()))
        .deliveryAddresses(List.of(Address.builder().id(10).careOf("c/o").line1("Storgatan 1").line2("2 tr")
            .zip("111 22").city("Stockholm").countryId(1).country("SE").region("AB").isValidated(true)
            .globalLocationNo("7300009000001").shippingPhoneNumber("+46 70 2").build()))
        .invoiceAddress(Address.builder().line1("Box 1").build())
        .flags(List.of()).useInvoiceAddressAsDeliveryAddress(false)
        .info(List.of(IdValue.builder().id(11).code("ShoeSize").value("38").build()))
        .pricelistIds(List.of(12, 14)).crmId("CRM-1").isActive(true)
        .created(OffsetDateTime.parse("2019-08-24T14:15:22Z"))
        .build();

    JsonNode expected = mapper.readTree("""
        {"Id": 42, "Key": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "Code": "ERP-42", "Email": "ada@example.com",
         "SSN": "19151210-1234", "FirstName": "Ada", "LastName": "Lovelace", "Phone": "+46 8 1",
         "CellPhone": "+46 70 1", "ReferId": 7, "ReferUrl": "https://r.example.com/",
         "Account": {"Id": 1, "Key": "k", "LoginName": "ada", "Name": "Ada L", "Roles": [1, 2],
                     "Authorizations": [{"Id": 5, "Value": "v", "Code": "c"}], "IsActive": true},
         "Companies": [{"Id": 3, "Key": "ck", "Code": "C3", "Name": "Engines AB", "OrgNo": "556677-8899",
                        "Phone": "+46 8 2", "Email": "b@example.com", "VatNo": "SE556677889901", "ReferId": 1,
                        "ReferUrl": "u", "DeliveryAddresses": [], "InvoiceAddress": {"Id": 8},
                        "UseInvoiceAddressAsDeliveryAddress": true, "Info": [], "PricelistIds": [12],
                        "ParentId": 2, "DeliveryMethodIds": [1], "PaymentMethodIds": [4],
                        "Flags": [{"Id": 9, "Name": "VIP", "Group": 1, "IsSelected": true}]}],
         "DeliveryAddresses": [{"Id": 10, "CareOf": "c/o", "Line1": "Storgatan 1", "Line2": "2 tr",
                                "Zip": "111 22", "City": "Stockholm", "CountryId": 1, "Country": "SE",
                                "Region": "AB", "IsValidated": true, "GlobalLocationNo": "7300009000001",
                                "ShippingPhoneNumber": "+46 70 2"}],
         "InvoiceAddress": {"Line1": "Box 1"}, "Flags": [], "UseInvoiceAddressAsDeliveryAddress": false,
         "Info": [{"Id": 11, "Value": "38", "Code": "ShoeSize"}], "PricelistIds": [12, 14], "CrmId": "CRM-1",
         "IsActive": true, "Created": "/Date(1566656122000+0000)/"}
        """);
    JsonNode written = mapper.readTree(mapper.writeValueAsBytes(c));

    assertThat(written).isEqualTo(expected);
    assertThat(written.has("Firstname")).isFalse();
    assertThat(written.has("Updated")).as("null properties are left out").isFalse();
  }

  @Test
  void ignoresUnknownPropertiesStormAddsLater() throws Exception {
    StormCustomer c = mapper.readValue("""
        {"Id": 7, "FirstName": "Ada", "LoyaltyTier": "gold", "Companies": [{"Id": 1, "Name": "X", "Rating": 5}],
         "InvoiceAddress": {"Line1": "a", "Geo": {"Lat": 1}}, "ExtensionData": null}
        """, StormCustomer.class);

    assertThat(c.id()).isEqualTo(7);
    assertThat(c.companies()).extracting(Company::name).containsExactly("X");
    assertThat(c.invoiceAddress().line1()).isEqualTo("a");
  }

  @Test
  void readsTheErrorMessageFault() throws Exception {
    ErrorMessage e = mapper.readValue("""
        {"MessageId": "6c5f7a2e-2b1d-4c4e-9f1a-0a1b2c3d4e5f", "Message": "The email is not valid",
         "TimeStamp": "/Date(1566656122000+0200)/",
         "Messages": [{"Key": "InvalidEmail", "Value": "The email 'x' is not valid"}]}
        """, ErrorMessage.class);

    assertThat(e.messageId()).isEqualTo("6c5f7a2e-2b1d-4c4e-9f1a-0a1b2c3d4e5f");
    assertThat(e.timeStamp().toInstant()).isEqualTo(OffsetDateTime.parse("2019-08-24T14:15:22Z").toInstant());
    assertThat(e.messages()).containsExactly(KeyValue.of("InvalidEmail", "The email 'x' is not valid"));
  }
}
