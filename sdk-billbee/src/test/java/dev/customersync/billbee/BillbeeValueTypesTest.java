package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Integer enums whose unknown numbers must survive a read and a write. */
class BillbeeValueTypesTest {

  private final ObjectMapper json = BillbeeJson.newMapper();

  @Test
  void errorCodesZeroToEighteenHaveTheNamesOfBillbeesCSharpSdk() {
    List<String> names = IntStream.rangeClosed(0, 18)
        .mapToObj(i -> BillbeeErrorCode.of(i).name()).toList();

    assertThat(names).containsExactly("NoError", "ApiNotActivated", "OrderNotFound", "InvoiceNotCreated",
        "CantCreateInvoice", "OrderCanceled", "OrderDeleted", "OrderNotPaid", "InternalError", "OrderExists",
        "WrongShopId", "InvalidData", "CreateUser_DuplicateEmail", "CreateUser_InvalidEmail",
        "CreateUser_UserRejected", "CreateUser_TermsNotAccepted", "NoPaidAccount", "APIServiceNotBooked",
        "CantCreateDeliveryNote");
    assertThat(BillbeeErrorCode.INVALID_DATA).isEqualTo(BillbeeErrorCode.of(11));
    assertThat(BillbeeErrorCode.API_SERVICE_NOT_BOOKED.value()).isEqualTo(17);
  }

  @Test
  void anUnknownErrorCodeSurvivesReadingAndWriting() throws Exception {
    BillbeeErrorCode code = json.readValue("27", BillbeeErrorCode.class);

    assertThat(code.value()).isEqualTo(27);
    assertThat(code.isKnown()).isFalse();
    assertThat(code.name()).isEqualTo("Unknown(27)");
    assertThat(json.writeValueAsString(code)).isEqualTo("27");
  }

  @Test
  void errorCodesAreReadLenientlyAndNeverFailTheAnswer() throws Exception {
    List<BillbeeErrorCode> codes = json.readValue("[11, \"11\", \"InvalidData\", \"invaliddata\", \"oops\", null, 1.5]",
        new TypeReference<List<BillbeeErrorCode>>() {});

    assertThat(codes).containsExactly(BillbeeErrorCode.INVALID_DATA, BillbeeErrorCode.INVALID_DATA,
        BillbeeErrorCode.INVALID_DATA, BillbeeErrorCode.INVALID_DATA, null, null, null);
  }

  @Test
  void customerTypesAreIntegersAndAnUnknownOneSurvives() throws Exception {
    assertThat(json.readValue("0", BillbeeCustomerType.class)).isEqualTo(BillbeeCustomerType.END_CUSTOMER);
    assertThat(json.readValue("1", BillbeeCustomerType.class)).isEqualTo(BillbeeCustomerType.BUSINESS);
    BillbeeCustomerType future = json.readValue("2", BillbeeCustomerType.class);

    assertThat(future.isKnown()).isFalse();
    assertThat(future.name()).isEqualTo("Unknown(2)");
    assertThat(json.writeValueAsString(future)).isEqualTo("2");
    assertThat(json.writeValueAsString(BillbeeCustomerType.BUSINESS)).isEqualTo("1");
  }

  @Test
  void aCustomerWithAnUnknownTypeRoundTrips() throws Exception {
    BillbeeCustomer c = json.readValue("{\"Id\": 5, \"Type\": 7}", BillbeeCustomer.class);

    assertThat(c.type().value()).isEqualTo(7);
    assertThat(json.readTree(json.writeValueAsString(c)).get("Type").intValue()).isEqualTo(7);
  }

  @Test
  void envelopeSuccessFollowsCodeAndMessage() throws Exception {
    assertThat(read("{\"ErrorMessage\": null, \"ErrorCode\": 0, \"Data\": null}").isSuccess()).isTrue();
    assertThat(read("{\"Data\": null}").isSuccess()).as("no code reads as NoError").isTrue();
    assertThat(read("{\"ErrorMessage\": \"\", \"ErrorCode\": 0}").isSuccess()).isTrue();
    assertThat(read("{\"ErrorMessage\": \"x\", \"ErrorCode\": 0}").isSuccess()).isFalse();
    assertThat(read("{\"ErrorMessage\": null, \"ErrorCode\": 3}").isSuccess()).isFalse();
    assertThat(read("{\"ErrorCode\": 11, \"ErrorDescription\": \"InvalidData\"}").errorDescription())
        .isEqualTo(BillbeeErrorCode.INVALID_DATA);
  }

  @Test
  void archivedMeansArchivedAtWithoutALaterRestore() throws Exception {
    assertThat(customer("{}").isArchived()).isFalse();
    assertThat(customer("{\"ArchivedAt\": \"2024-01-01T00:00:00+00:00\"}").isArchived()).isTrue();
    assertThat(customer("{\"ArchivedAt\": \"2024-01-01T00:00:00+00:00\", \"RestoredAt\": \"2024-02-01T00:00:00+00:00\"}")
        .isArchived()).isFalse();
    assertThat(customer("{\"ArchivedAt\": \"2024-03-01T00:00:00+00:00\", \"RestoredAt\": \"2024-02-01T00:00:00+00:00\"}")
        .isArchived()).isTrue();
  }

  private ApiResult<BillbeeCustomer> read(String body) throws Exception {
    return json.readValue(body, new TypeReference<ApiResult<BillbeeCustomer>>() {});
  }

  private BillbeeCustomer customer(String body) throws Exception {
    return json.readValue(body, BillbeeCustomer.class);
  }
}
