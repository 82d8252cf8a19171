package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.VendorApiException;
import dev.customersync.core.spi.VendorResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BillbeeErrorParserTest {

  private final BillbeeErrorParser parser = new BillbeeErrorParser(BillbeeJson.newMapper(), s -> s.replace("SECRET", "****"));

  @Test
  void readsAnErrorEnvelope() {
    VendorApiException e = parse(500, "{\"ErrorMessage\": \"Boom\", \"ErrorCode\": 8, \"ErrorDescription\": 8, \"Data\": null}");

    assertThat(e.errorCode()).contains("InternalError");
    assertThat(e.vendorMessage()).contains("Boom");
  }

  @Test
  void readsModelStateWithoutTheParameterPrefix() {
    VendorApiException e = parse(400, """
        {"Message": "The request is invalid.",
         "ModelState": {"model.Email": ["bad"], "customer.DefaultFax.Value": ["too long"], "": ["whole model"],
                        "id": ["not Int64"], "Name": "plain string"}}""");

    assertThat(e.vendorMessage()).contains("The request is invalid.");
    assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Email", "bad", "DefaultFax.Value", "too long", "", "whole model", "id", "not Int64", "Name", "plain string"));
  }

  @Test
  void readsAnAspNetExceptionMessage() {
    VendorApiException e = parse(500, "{\"Message\": \"An error has occurred.\", \"ExceptionMessage\": \"NullReference\"}");

    assertThat(e.vendorMessage()).contains("An error has occurred. NullReference");
  }

  @Test
  void masksSecretsInTexts() {
    VendorApiException e = parse(400, "{\"Message\": \"key SECRET\", \"ModelState\": {\"model.Email\": [\"SECRET\"]}}");

    assertThat(e.getMessage()).doesNotContain("SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "<html>Bad gateway</html>", "{\"ErrorMessage\": ", "[1,2]", "null", "\"text\"",
      "{\"ModelState\": [1]}", "{\"ErrorCode\": {}}"})
  void leavesAnythingElseAloneAndNeverThrows(String body) {
    VendorApiException e = parse(502, body);

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.fieldErrors()).isEmpty();
  }

  private VendorApiException parse(int status, String body) {
    VendorResponse response = new VendorResponse(status, Headers.of(), body.getBytes(StandardCharsets.UTF_8), 1);
    VendorApiException.Builder b = VendorApiException.builder().vendor("billbee").statusCode(status);
    parser.parse(response, b);
    return b.build();
  }
}
