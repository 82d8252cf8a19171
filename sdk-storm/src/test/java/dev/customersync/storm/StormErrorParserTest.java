package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.VendorResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StormErrorParserTest {

  private final Redactor redactor = new Redactor().secret("very-secret-token-value");
  private final StormErrorParser parser = new StormErrorParser(redactor);

  private VendorApiException parse(int status, String body) {
    VendorApiException.Builder b = VendorApiException.builder().vendor("storm").statusCode(status).rawBody(body);
    parser.parse(new VendorResponse(status, Headers.of(), body.getBytes(StandardCharsets.UTF_8), 1), b);
    return b.build();
  }

  private static String fault(String key, String value) {
    return "{\"MessageId\": \"0d9a7c2e-0000-4000-8000-000000000001\", \"Message\": \"" + value + "\","
        + " \"TimeStamp\": \"/Date(1566656122000+0200)/\", \"Messages\": [{\"Key\": \"" + key + "\", \"Value\": \""
        + value + "\"}]}";
  }

  /** Every 400 key the UpdateCustomer page documents, with the Storm property it names (if any), as Storm spells it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      AccountAlreadyExists          | Account
      CompanyAlreadyExists          | Companies.Name,Companies.OrgNo
      CustomerAlreadyExists         | Email
      CustomerMissing               | -
      InvalidCompanyName            | Companies.Name
      InvalidEmail                  | Email
      DeliveryAddressZipMissing     | DeliveryAddresses.Zip
      DeliveryAddressCityMissing    | DeliveryAddresses.City
      DeliveryAddressCountryMissing | DeliveryAddresses.Country
      InvoiceAddressZipMissing      | InvoiceAddress.Zip
      InvoiceAddressCityMissing     | InvoiceAddress.City
      InvoiceAddressCountryMissing  | InvoiceAddress.Country
      """)
  void keysFieldErrorsByStormsOwnPropertyNamesForEveryDocumentedKey(String key, String fields) {
    VendorApiException e = parse(400, fault(key, "Text for " + key));

    assertThat(e.getClass()).isEqualTo(VendorApiException.class);
    assertThat(e.errorCode()).contains(key);
    assertThat(e.vendorMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Text for " + key));
    assertThat(e.getMessage()).contains("storm answered HTTP 400 [" + key + "]").contains("Text for " + key);
    List<String> expected = fields == null ? List.of() : List.of(fields.split(","));
    assertThat(e.fieldErrors().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    expected.forEach(f -> assertThat(e.fieldErrors().get(f)).isEqualTo("Text for " + key));
  }

  @Test
  void takesTheFirstKeyAsErrorCodeAndKeepsEveryText() {
    VendorApiException e = parse(400, """
        {"MessageId": "m-1", "Message": "The customer could not be updated", "TimeStamp": "/Date(0)/",
         "Messages": [{"Key": "InvalidEmail", "Value": "Email is invalid"},
                      {"Key": "InvoiceAddressZipMissing", "Value": "Zip is missing"}]}
        """);

    assertThat(e.errorCode()).contains("InvalidEmail");
    assertThat(e.vendorMessage()).contains(
        "The customer could not be updated; Email is invalid; Zip is missing (Storm MessageId m-1)");
    assertThat(e.fieldErrors()).isEqualTo(Map.of("Email", "Email is invalid", "InvoiceAddress.Zip", "Zip is missing"));
  }

  @Test
  void aFaultWith500IsAVendorServerException() {
    VendorApiException e = parse(500, "{\"MessageId\": \"m-2\", \"Message\": \"Object reference not set\", \"Messages\": []}");

    assertThat(e).isInstanceOf(VendorServerException.class);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.vendorMessage()).contains("Object reference not set (Storm MessageId m-2)");
  }

  @Test
  void aBareJsonStringBecomesTheMessage() {
    assertThat(parse(400, "\"Request Error\"").vendorMessage()).contains("Request Error");
  }

  @Test
  void aPlainTextReasonBecomesTheMessage() {
    VendorApiException.Builder b = VendorApiException.builder().vendor("storm").statusCode(403);
    parser.parse(new VendorResponse(403, Headers.of("Content-Type", "text/plain; charset=utf-8"),
        "ApplicationId not allowed\n".getBytes(StandardCharsets.UTF_8), 1), b);

    assertThat(b.build().vendorMessage()).contains("ApplicationId not allowed");
  }

  @Test
  void redactsSecretsStormEchoes() {
    VendorApiException e = parse(400, fault("InvalidEmail", "bad token very-secret-token-value"));

    assertThat(e.getMessage()).doesNotContain("very-secret-token-value").contains("****");
    assertThat(e.fieldErrors().get("Email")).doesNotContain("very-secret-token-value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "<html><body>Request Error</body></html>", "{\"Messages\": 5}", "{\"Message\":",
      "[1,2]", "null", "{\"Messages\": [null, 3, {\"Key\": {\"a\": 1}}]}"})
  void neverThrowsOnBodiesThatAreNotAFault(String body) {
    assertThatCode(() -> parse(400, body)).doesNotThrowAnyException();
    assertThat(parse(400, body).statusCode()).isEqualTo(400);
  }
}
