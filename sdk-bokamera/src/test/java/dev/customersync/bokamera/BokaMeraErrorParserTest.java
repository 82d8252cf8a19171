package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.VendorApiException;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.VendorResponse;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ServiceStack error parser on its own: every shape, and never an exception of its own. */
class BokaMeraErrorParserTest {

  private final BokaMeraErrorParser parser = new BokaMeraErrorParser(Samples.JSON, new Redactor().secret("s3cr3t-key"));

  private VendorApiException parse(int status, String contentType, String body) {
    VendorApiException.Builder b = VendorApiException.builder().vendor("bokamera").statusCode(status);
    parser.parse(new VendorResponse(status, Headers.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8), 1), b);
    return b.build();
  }

  @Test
  void readsTheNestedResponseStatus() {
    VendorApiException e = parse(400, "application/json",
        "{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\",\"Message\":\"Validation failed\",\"StackTrace\":\"at X\","
            + "\"Errors\":[{\"ErrorCode\":\"NotEmpty\",\"FieldName\":\"Firstname\",\"Message\":\"'Firstname' must not be empty.\"}],"
            + "\"Meta\":{\"k\":\"v\"}}}");

    assertThat(e.errorCode()).contains("ValidationException");
    assertThat(e.vendorMessage()).contains("Validation failed");
    assertThat(e.fieldErrors()).containsOnly(java.util.Map.entry("Firstname", "'Firstname' must not be empty."));
  }

  @Test
  void readsATopLevelResponseStatus() {
    VendorApiException e = parse(404, "application/json", "{\"ErrorCode\":\"NotFound\",\"Message\":\"Handler for Request not found\"}");

    assertThat(e.errorCode()).contains("NotFound");
    assertThat(e.vendorMessage()).contains("Handler for Request not found");
  }

  @Test
  void fallsBackToTheFirstFieldMessageThenTheCode() {
    assertThat(parse(400, "application/json",
        "{\"ResponseStatus\":{\"ErrorCode\":\"NotEmpty\",\"Errors\":[{\"FieldName\":\"Lastname\",\"Message\":\"Required\"}]}}")
        .vendorMessage()).contains("Required");
    assertThat(parse(400, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"NotEmpty\"}}").vendorMessage())
        .contains("NotEmpty");
  }

  @Test
  void fieldErrorWithoutMessageUsesItsCodeAndRepeatedFieldsAreJoined() {
    VendorApiException e = parse(400, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\","
        + "\"Errors\":[{\"ErrorCode\":\"NotEmpty\",\"FieldName\":\"Email\"},{\"FieldName\":\"Email\",\"Message\":\"Too long\"},"
        + "{\"Message\":\"no field\"}]}}");

    assertThat(e.fieldErrors()).containsOnly(java.util.Map.entry("Email", "NotEmpty; Too long"));
  }

  @Test
  void redactsKnownSecretsInTheVendorsText() {
    VendorApiException e = parse(401, "application/json",
        "{\"ResponseStatus\":{\"ErrorCode\":\"s3cr3t-key\",\"Message\":\"key s3cr3t-key refused\","
            + "\"Errors\":[{\"FieldName\":\"s3cr3t-key\",\"Message\":\"s3cr3t-key\"}]}}");

    assertThat(e.getMessage() + e.fieldErrors() + e.errorCode()).doesNotContain("s3cr3t-key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "<html>oops</html>", "{\"ResponseStatus\":", "null", "42", "\"text\"", "[]",
      "{\"ResponseStatus\":[1]}", "{\"ResponseStatus\":{\"Errors\":\"not a list\"}}", "{\"Errors\":[null,1,\"x\"]}"})
  void neverThrowsAndAlwaysLeavesAMessage(String body) {
    VendorApiException e = parse(500, "text/html", body);

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.vendorMessage()).isPresent();
  }

  @Test
  void onlyBodiesNamingAnErrorPropertyMayReportAFailure() {
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"Id\":\"x\",\"Firstname\":\"Ada\"}"))).isFalse();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes(""))).isFalse();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"Errors\":[]}"))).isTrue();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"responseStatus\":{\"errorCode\":\"X\"}}"))).isTrue();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"ERRORCODE\":\"X\"}"))).isTrue();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"Note\":\"Err\u00f6r\"}"))).isFalse();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"Note\":\"no error here\"}"))).isFalse();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("{\"Note\":\"error\"}"))).as("cautious on values").isTrue();
    assertThat(BokaMeraErrorParser.mayReportFailure(bytes("\"Erro"))).as("cut short").isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
