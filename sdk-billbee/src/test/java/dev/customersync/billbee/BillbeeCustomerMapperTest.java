package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.json.LosslessJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge as edits of Billbee's JSON: mirrors of one contact record, and the one Name. */
class BillbeeCustomerMapperTest {

  private final BillbeeCustomerMapper mapper = new BillbeeCustomerMapper(Map.of());

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) LosslessJson.read(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aDefaultEntryWithoutIdGetsTheValueAndNoOtherEntryChanges() {
    ObjectNode c = tree("{\"Id\":1,\"Name\":\"Ada\",\"Tel1\":\"+49 1\","
        + "\"DefaultPhone1\":{\"TypeId\":2,\"Value\":\"+49 1\"},\"MetaData\":[{\"Id\":7,\"TypeId\":2,\"Value\":\"+49 1\"}]}");

    mapper.merge(c, Customer.builder().phone("+49 2").build());

    assertThat(LosslessJson.text(c)).isEqualTo("{\"Id\":1,\"Name\":\"Ada\",\"Tel1\":\"+49 2\","
        + "\"DefaultPhone1\":{\"TypeId\":2,\"Value\":\"+49 2\"},\"MetaData\":[{\"Id\":7,\"TypeId\":2,\"Value\":\"+49 1\"}]}");
  }

  @Test
  void whenPhoneAndMobileShareOneRecordTheMobileWinsInEveryCopy() {
    ObjectNode c = tree("{\"Id\":1,\"DefaultPhone1\":{\"Id\":9,\"Value\":\"+49 old\"},"
        + "\"DefaultPhone2\":{\"Id\":9,\"Value\":\"+49 old\"},\"DefaultFax\":{\"Id\":10,\"Value\":\"+49 fax\"},"
        + "\"MetaData\":[{\"Id\":9,\"Value\":\"+49 old\"},{\"Id\":10,\"Value\":\"+49 fax\"}]}");

    mapper.merge(c, Customer.builder().phone("+49 1").mobilePhone("+49 2").build());

    assertThat(c.at("/DefaultPhone1/Value").asText()).isEqualTo("+49 2");
    assertThat(c.at("/DefaultPhone2/Value").asText()).isEqualTo("+49 2");
    assertThat(c.at("/MetaData/0/Value").asText()).isEqualTo("+49 2");
    assertThat(c.at("/DefaultFax/Value").asText()).isEqualTo("+49 fax");
    assertThat(c.at("/MetaData/1/Value").asText()).isEqualTo("+49 fax");
    assertThat(c.get("Tel1").asText()).isEqualTo("+49 1");
    assertThat(c.get("Tel2").asText()).isEqualTo("+49 2");
  }

  @Test
  void entriesAreCopiesOfOneRecordWhenTheirIdsAreTheSameNumberInAnyFormButNotWhenAnIdIsNull() {
    ObjectNode c = tree("{\"Id\":1,\"DefaultMailAddress\":{\"Id\":100000000000001,\"Value\":\"a@x.example\"},"
        + "\"MetaData\":[{\"Id\":100000000000001.0,\"Value\":\"a@x.example\"},{\"Id\":null,\"Value\":\"a@x.example\"},"
        + "{\"Id\":\"100000000000001\",\"Value\":\"a@x.example\"}]}");

    mapper.merge(c, Customer.builder().email("b@x.example").build());

    assertThat(c.at("/MetaData/0/Value").asText()).isEqualTo("b@x.example");
    assertThat(c.at("/MetaData/1/Value").asText()).as("no id: not known to be the same record").isEqualTo("a@x.example");
    assertThat(c.at("/MetaData/2/Value").asText()).as("a string id is another kind of id").isEqualTo("a@x.example");
    assertThat(LosslessJson.text(c.at("/MetaData/0/Id"))).as("the id itself untouched").isEqualTo("100000000000001.0");
  }

  @Test
  void onlyALastNameForANameOfMoreThanTwoWordsLeavesTheNameAndWarns() {
    ObjectNode c = tree("{\"Id\":1,\"Name\":\"Anna Maria Svensson\",\"Type\":0}");

    List<String> warnings = mapper.merge(c, Customer.builder().lastName("Berg").build());

    assertThat(c.get("Name").asText()).isEqualTo("Anna Maria Svensson");
    assertThat(warnings).singleElement().asString().startsWith("lastName:").contains("more than two words")
        .contains("give both firstName and lastName").doesNotContain("Anna");
  }

  @Test
  void onlyAFirstNameForANameOfMoreThanTwoWordsLeavesTheNameAndWarns() {
    ObjectNode c = tree("{\"Id\":1,\"Name\":\"Ludwig van  Beethoven\"}");

    List<String> warnings = mapper.merge(c, Customer.builder().firstName("Karl").build());

    assertThat(c.get("Name").asText()).isEqualTo("Ludwig van  Beethoven");
    assertThat(warnings).singleElement().asString().startsWith("firstName:");
  }

  @Test
  void bothNamesReplaceANameOfAnyLength() {
    ObjectNode c = tree("{\"Id\":1,\"Name\":\"Anna Maria Svensson\"}");

    List<String> warnings = mapper.merge(c, Customer.builder().firstName("Anna Maria").lastName("Berg").build());

    assertThat(c.get("Name").asText()).isEqualTo("Anna Maria Berg");
    assertThat(warnings).isEmpty();
  }

  @Test
  void oneNamePartKeepsTheOtherOfANameOfAtMostTwoWords() {
    ObjectNode twoWords = tree("{\"Id\":1,\"Name\":\"Ada\\tLovelace\"}");
    ObjectNode oneWord = tree("{\"Id\":1,\"Name\":\"Ada\"}");
    ObjectNode none = tree("{\"Id\":1,\"Name\":null}");

    mapper.merge(twoWords, Customer.builder().firstName("Augusta").build());
    mapper.merge(oneWord, Customer.builder().lastName("King").build());
    mapper.merge(none, Customer.builder().lastName("King").build());

    assertThat(twoWords.get("Name").asText()).isEqualTo("Augusta Lovelace");
    assertThat(oneWord.get("Name").asText()).isEqualTo("Ada King");
    assertThat(none.get("Name").asText()).isEqualTo("King");
  }

  @Test
  void aNameAlreadyHeldIsNotTouched() {
    ObjectNode c = tree("{\"Id\":1,\"Name\":\"Ada Lovelace\",\"Type\":0.0}");
    String before = LosslessJson.text(c);

    List<String> warnings = mapper.merge(c, Customer.builder().firstName("Ada").lastName("Lovelace").companyName("")
        .build());

    assertThat(LosslessJson.text(c)).as("Type 0.0 is 0, kept as written").isEqualTo(before);
    assertThat(warnings).isEmpty();
  }

  @Test
  void theModelMergeStillWorksOverTheTreeAndKeepsUnknownProperties() throws Exception {
    BillbeeCustomer current = BillbeeCustomerMapping.newMapper().readValue(BillbeeSamples.CUSTOMER.replace(
        "\"ArchivedAt\": null", "\"ArchivedAt\": null, \"Loyalty\": {\"Level\": \"gold\"}"), BillbeeCustomer.class);

    BillbeeCustomer merged = BillbeeCustomerMapping.merge(current, Customer.builder().email("b@x.example").build());

    assertThat(merged.email()).isEqualTo("b@x.example");
    assertThat(merged.defaultMailAddress().value()).isEqualTo("b@x.example");
    assertThat(merged.defaultStatusUpdatesMailAddress().value()).isEqualTo("b@x.example");
    assertThat(merged.metaData().get(0).value()).isEqualTo("b@x.example");
    assertThat(merged.additionalProperties()).containsOnlyKeys("Loyalty");
    assertThat(merged.toBuilder().email(current.email()).defaultMailAddress(current.defaultMailAddress())
        .defaultStatusUpdatesMailAddress(current.defaultStatusUpdatesMailAddress()).metaData(current.metaData()).build())
        .isEqualTo(current);
  }

  @Test
  void readsTheNeutralCustomerFromTheTree() {
    JsonNode c = tree("{\"Id\":1,\"Name\":\"Ada  Lovelace King\",\"Type\":0,\"Email\":\"a@x.example\",\"Tel1\":\"\","
        + "\"Tel2\":null,\"Number\":4711,\"VatId\":\"DE1\",\"LanguageId\":2}");

    Customer n = new BillbeeCustomerMapper(Map.of("en", 2)).toNeutral(c);

    assertThat(n).isEqualTo(Customer.builder().firstName("Ada").lastName("Lovelace King").email("a@x.example")
        .externalCode("4711").vatId("DE1").languageTag("en").build());
  }
}
