package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerTest {

  @Test
  void aNullFromADatabaseColumnLeavesTheFieldUnsetInsteadOfThrowing() {
    String noEmail = null;
    Boolean noAnswer = null;
    Address noAddress = null;

    Customer c = Customer.builder().firstName("Ada").email(noEmail).newsletterSubscribed(noAnswer)
        .invoiceAddress(noAddress).build();

    assertThat(c.email()).isEmpty();
    assertThat(c.newsletterSubscribed()).isEmpty();
    assertThat(c.invoiceAddress()).isEmpty();
    assertThat(c.firstName()).contains("Ada");
    assertThat(Customer.builder().email("").build().email()).as("\"\" still means clear").contains("");
  }

  @Test
  void aNullCustomFieldValueLeavesThatKeyUnset() {
    String noShoeSize = null;

    Customer c = Customer.builder().putCustomFields("ShoeSize", noShoeSize).putCustomFields("Club", "")
        .putAllCustomFields(java.util.Collections.singletonMap("Team", noShoeSize)).build();

    assertThat(c.customFields()).containsExactly(Map.entry("Club", ""));
  }

  @Test
  void aNullAddressFieldLeavesItUnset() {
    String noCity = null;

    assertThat(Address.builder().line1("Storgatan 1").city(noCity).build().city()).isEmpty();
  }

  @Test
  void unsetFieldsAreEmptyAndSetFieldsKeepTheirValue() {
    Customer c = Customer.builder().firstName("Ada").email("").build();

    assertThat(c.firstName()).contains("Ada");
    assertThat(c.email()).contains("");
    assertThat(c.lastName()).isEmpty();
    assertThat(c.deliveryAddresses()).isEmpty();
    assertThat(c.newsletterSubscribed()).isEmpty();
    assertThat(c.customFields()).isEmpty();
  }

  @Test
  void emptyListOfDeliveryAddressesIsSetNotUnset() {
    Customer c = Customer.builder().deliveryAddresses(List.of()).build();

    assertThat(c.deliveryAddresses()).contains(List.of());
  }

  @Test
  void equalValuesAreEqualAndCopiesDifferOnlyWhereChanged() {
    Customer a = Customer.builder().firstName("Ada").lastName("Lovelace").putCustomFields("1", "x").build();
    Customer b = Customer.builder().firstName("Ada").lastName("Lovelace").putCustomFields("1", "x").build();
    Customer renamed = a.toBuilder().lastName("King").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(renamed.lastName()).contains("King");
    assertThat(renamed.firstName()).contains("Ada");
    assertThat(renamed.customFields()).isEqualTo(Map.of("1", "x"));
    assertThat(renamed).isNotEqualTo(a);
  }

  @Test
  void addressCopiesAreIndependent() {
    Address a = Address.builder().city("Lund").countryCode("SE").build();
    Address b = a.toBuilder().city("Malmö").build();

    assertThat(a.city()).contains("Lund");
    assertThat(b.city()).contains("Malmö");
    assertThat(b.countryCode()).contains("SE");
  }

  @Test
  void validCustomerHasNoViolations() {
    Customer c = Customer.builder()
        .firstName("Åsa").lastName("Öberg-Ländt").email("asa.oberg+shop@example.co.uk")
        .phone("+46 (0)8-123 45 67").mobilePhone("070-123 45 67")
        .companyName("Öberg AB").organizationNumber("556677-8899").vatId("SE556677889901")
        .invoiceAddress(Address.builder().line1("Storgatan 1").postalCode("111 22").city("Stockholm").countryCode("SE").build())
        .languageTag("sv-SE").externalCode("ERP-1").putCustomFields("12", "VIP")
        .build();

    assertThat(c.violations()).isEmpty();
    c.validate();
  }

  @Test
  void rejectsMalformedEmailNamingFieldAndRule() {
    Customer c = Customer.builder().email("ada@@example").build();

    assertThatThrownBy(c::validate)
        .isInstanceOf(CustomerValidationException.class)
        .hasMessageContaining("email: must be an e-mail address")
        .hasMessageContaining("ada@@example");
  }

  @Test
  void acceptsEmptyStringAsClearingAField() {
    Customer c = Customer.builder().email("").phone("").languageTag("").build();

    assertThat(c.violations()).isEmpty();
  }

  @Test
  void rejectsUnknownAndLowerCaseCountryCodesWithThePath() {
    Customer c = Customer.builder()
        .invoiceAddress(Address.builder().countryCode("se").build())
        .deliveryAddresses(List.of(Address.builder().countryCode("SE").build(), Address.builder().countryCode("XX").build()))
        .build();

    assertThat(c.violations()).extracting(Violation::field)
        .containsExactly("invoiceAddress.countryCode", "deliveryAddresses[1].countryCode");
    assertThat(c.violations().get(0).rule()).contains("ISO 3166-1 alpha-2");
  }

  @Test
  void rejectsControlCharactersAndUnpairedSurrogates() {
    Customer c = Customer.builder().firstName("Ada\u0000").lastName("Love\nlace").companyName("Bad\uD800Co").build();

    List<Violation> v = c.violations();
    assertThat(v).extracting(Violation::field).containsExactly("firstName", "lastName", "companyName");
    assertThat(v.get(0).rule()).contains("control character").contains("U+0000");
    assertThat(v.get(2).rule()).contains("unpaired surrogate");
    // The offending value is shown with the control character made visible, on one line.
    assertThat(v.get(1).value()).isEqualTo("Love\\u000Alace");
  }

  @Test
  void acceptsEmojiAndRightToLeftMarks() {
    Customer c = Customer.builder().firstName("Zoë 😀").lastName("\u200Fשרה").build();

    assertThat(c.violations()).isEmpty();
  }

  @Test
  void rejectsOverlongValuesWithLimitAndLength() {
    Customer c = Customer.builder().firstName("x".repeat(101)).externalCode("y".repeat(100_000)).build();

    assertThat(c.violations()).extracting(Violation::rule)
        .containsExactly("at most 100 UTF-16 code units (was 101)", "at most 100 UTF-16 code units (was 100000)");
    // A huge value is shortened in the message, not echoed whole.
    assertThat(c.violations().get(1).value()).hasSizeLessThan(100).endsWith("(100000 chars)");
  }

  @Test
  void rejectsPhoneWithLetters() {
    Customer c = Customer.builder().phone("call me").mobilePhone("+46 70 123").build();

    assertThat(c.violations()).extracting(Violation::field).containsExactly("phone");
  }

  @Test
  void rejectsIllFormedLanguageTag() {
    assertThat(Customer.builder().languageTag("sv_SE!").build().violations())
        .extracting(Violation::field).containsExactly("languageTag");
    assertThat(Customer.builder().languageTag("de-CH").build().violations()).isEmpty();
  }

  @Test
  void rejectsBlankCustomFieldKey() {
    Customer c = Customer.builder().putCustomFields(" ", "v").build();

    assertThat(c.violations()).extracting(Violation::rule).contains("keys must not be blank");
  }

  @Test
  void validationExceptionListsEveryViolationNotOnlyTheFirst() {
    Customer c = Customer.builder().email("nope").phone("abc").firstName("\u0007").build();

    CustomerValidationException e = org.junit.jupiter.api.Assertions.assertThrows(CustomerValidationException.class, c::validate);

    assertThat(e.violations()).hasSize(3);
    assertThat(e.getMessage()).startsWith("3 invalid fields: ")
        .contains("firstName:").contains("email:").contains("phone:");
  }

  private static Customer everyFieldSet() {
    return Customer.builder()
        .firstName("Ada").lastName("Lovelace").email("ada@example.com").phone("+46 8 123 456 78")
        .mobilePhone("+46 70 987 65 43").companyName("Engines AB").organizationNumber("19151210-1234")
        .vatId("SE191512101234").externalCode("ERP-42").languageTag("sv-SE").newsletterSubscribed(true)
        .active(true)
        .invoiceAddress(Address.builder().line1("Storgatan 1").postalCode("111 22").city("Stockholm").countryCode("SE")
            .build())
        .deliveryAddresses(List.of(Address.builder().careOf("Byron").line1("Kungsgatan 7").postalCode("222 33")
            .city("Lund").countryCode("SE").build()))
        .putCustomFields("ShoeSize", "38")
        .build();
  }

  @Test
  void toStringKeepsFieldNamesButMasksContactAndAddressValues() {
    String text = everyFieldSet().toString();

    assertThat(text).contains("firstName=Ada", "lastName=Lovelace", "email=", "phone=", "mobilePhone=",
        "invoiceAddress=Address{", "line1=", "postalCode=", "city=", "customFields={ShoeSize=");
    assertThat(text).doesNotContain("ada@example.com", "example", "123", "456", "987", "Storgatan", "Kungsgatan",
        "111 22", "222 33", "Stockholm", "Lund", "Byron", "19151210", "SE1915");
  }

  @Test
  void toStringShowsACustomFieldsKeyButNotItsValue() {
    String text = Customer.builder().putCustomFields("PersonalNote", "allergic to peanuts").build().toString();

    assertThat(text).contains("PersonalNote=").doesNotContain("peanuts");
  }

  @Test
  void toStringShowsAClearedContactFieldEmptyRatherThanMasked() {
    assertThat(Customer.builder().firstName("Ada").email("").build().toString())
        .isEqualTo("Customer{firstName=Ada, email=, customFields={}}");
  }

  // A new attribute must be added to the hand-written toString too, masked if it is personal.
  @Test
  void toStringNamesEveryAttribute() {
    String text = everyFieldSet().toString();

    java.util.Arrays.stream(Customer.class.getDeclaredMethods())
        .filter(m -> java.lang.reflect.Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
        .map(java.lang.reflect.Method::getName)
        .forEach(name -> assertThat(text).as(name).contains(name + "="));
  }

  // .NET strings and SQL Server nvarchar columns count UTF-16 code units: an emoji outside the BMP
  // takes two of a vendor's 50, as Java's String.length() counts it.
  @Test
  void maxLengthCountsUtf16CodeUnitsSoAnEmojiTakesTwo() {
    String fiftyUnits = "😀".repeat(24) + "ab";
    assertThat(fiftyUnits.length()).isEqualTo(50);

    assertThat(new Violations().maxLength("name", fiftyUnits, 50).isEmpty()).isTrue();
    assertThat(new Violations().maxLength("name", "😀".repeat(25), 50).isEmpty()).isTrue();
    assertThat(new Violations().maxLength("name", fiftyUnits + "c", 50).list()).singleElement()
        .extracting(Violation::rule).isEqualTo("at most 50 UTF-16 code units (was 51)");
    assertThat(new Violations().maxLength("name", "😀".repeat(25) + "x", 50).list()).singleElement()
        .extracting(Violation::rule).isEqualTo("at most 50 UTF-16 code units (was 51)");
    assertThat(new Violations().maxLength("name", "😀".repeat(26), 50).list()).singleElement()
        .extracting(Violation::rule).isEqualTo("at most 50 UTF-16 code units (was 52)");
  }

  @Test
  void shortenedValueNeverEndsInHalfAnEmoji() {
    // The odd "x" puts a high surrogate where the shortening cuts.
    String shown = new Violation("firstName", "too long", "x" + "😀".repeat(40)).value();

    assertThat(shown).endsWith("…(81 chars)");
    String kept = shown.substring(0, shown.indexOf('…'));
    assertThat(kept).isEqualTo("x" + "😀".repeat((kept.length() - 1) / 2));
  }

  @Test
  void rejectsAFirstNameOfFiftyOneEmojiAsOneHundredTwoUtf16Units() {
    assertThat(Customer.builder().firstName("😀".repeat(50)).build().violations()).isEmpty();

    assertThat(Customer.builder().firstName("😀".repeat(51)).build().violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("firstName");
      assertThat(v.rule()).isEqualTo("at most 100 UTF-16 code units (was 102)");
    });
    assertThat(Customer.builder().invoiceAddress(Address.builder().postalCode("😀".repeat(10) + "1").build()).build()
        .violations()).extracting(v -> v.field() + ": " + v.rule())
        .containsExactly("invoiceAddress.postalCode: at most 20 UTF-16 code units (was 21)");
  }
}
