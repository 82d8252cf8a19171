package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.AuthenticationException;
import dev.customersync.core.ConflictException;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error shape BokaMera (ServiceStack) can answer, through the client. */
class BokaMeraErrorsTest {

  private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final String CUSTOMER = "{\"Id\":\"" + ID + "\",\"Firstname\":\"Ada\",\"ResponseStatus\":{}}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private BokaMeraClient client;

  @BeforeEach
  void setUp() {
    client = BokaMeraClient.builder()
        .baseUrl(server.url("/").toString())
        .apiKey(Samples.API_KEY)
        .accessToken(Samples.TOKEN)
        .retryPolicy(Samples.fastRetries())
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private void respond(int code, String contentType, String body) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
    if (contentType != null) {
      b.setHeader("Content-Type", contentType);
    }
    server.enqueue(b.build());
  }

  private VendorApiException updateFails() {
    return catchThrowableOfType(VendorApiException.class,
        () -> client.updateCustomer(ID, UpdateCustomer.builder().firstname("Ada").build()));
  }

  @Test
  void validationErrorNestedInTheResponseBecomesFieldErrors() {
    respond(400, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\","
        + "\"Message\":\"Validation failed: 2 errors\",\"Errors\":["
        + "{\"ErrorCode\":\"NotEmpty\",\"FieldName\":\"Lastname\",\"Message\":\"'Lastname' must not be empty.\",\"Meta\":{\"PropertyName\":\"Lastname\"}},"
        + "{\"ErrorCode\":\"Email\",\"FieldName\":\"Email\",\"Message\":\"'Email' is not a valid email address.\"}]}}");

    VendorApiException e = updateFails();

    assertThat(e.getClass()).isEqualTo(VendorApiException.class);
    assertThat(e.vendor()).isEqualTo("bokamera");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).contains("ValidationException");
    assertThat(e.vendorMessage()).contains("Validation failed: 2 errors");
    // VendorApiException keeps field errors in a Map.copyOf, whose order is unspecified.
    assertThat(e.fieldErrors()).containsOnly(
        java.util.Map.entry("Lastname", "'Lastname' must not be empty."),
        java.util.Map.entry("Email", "'Email' is not a valid email address."));
    assertThat(e.getMessage()).contains("400", "ValidationException", "Validation failed", "Lastname");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void responseStatusAsTheWholeBodyIsReadToo() {
    respond(404, "application/json", "{\"ErrorCode\":\"NotFound\",\"Message\":\"Customer not found\",\"Errors\":[]}");

    VendorApiException e = updateFails();

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.errorCode()).contains("NotFound");
    assertThat(e.vendorMessage()).contains("Customer not found");
    assertThat(e.fieldErrors()).isEmpty();
  }

  @Test
  void camelCasedResponseStatusIsReadToo() {
    respond(400, "application/json", "{\"responseStatus\":{\"errorCode\":\"NotEmpty\",\"message\":\"'Firstname' must not be empty.\","
        + "\"errors\":[{\"errorCode\":\"NotEmpty\",\"fieldName\":\"Firstname\",\"message\":\"'Firstname' must not be empty.\"}]}}");

    VendorApiException e = updateFails();

    assertThat(e.errorCode()).contains("NotEmpty");
    assertThat(e.fieldErrors()).containsEntry("Firstname", "'Firstname' must not be empty.");
  }

  @Test
  void unauthorizedIsAnAuthenticationExceptionWithoutRetryForAFixedToken() {
    respond(401, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"TokenException\",\"Message\":\"Token has expired\"}}");

    VendorApiException e = updateFails();

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCode()).contains("TokenException");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void forbiddenIsAnAuthenticationException() {
    respond(403, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"Forbidden\",\"Message\":\"You are not allowed to update this customer\"}}");

    VendorApiException e = updateFails();

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.vendorMessage()).contains("You are not allowed to update this customer");
  }

  @Test
  void optimisticConcurrencyIsAConflict() {
    respond(409, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"OptimisticConcurrencyException\",\"Message\":\"Changed meanwhile\"}}");

    assertThat(updateFails()).isInstanceOf(ConflictException.class);
  }

  @Test
  void serverErrorIsRetriedThenAVendorServerException() {
    for (int i = 0; i < 3; i++) {
      respond(500, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"NullReferenceException\",\"Message\":\"Object reference not set\"}}");
    }

    VendorApiException e = updateFails();

    assertThat(e).isInstanceOf(VendorServerException.class);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.errorCode()).contains("NullReferenceException");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retriesOn503ThenSucceeds() {
    respond(503, "text/html", "<html><body>Service Unavailable</body></html>");
    respond(200, "application/json", CUSTOMER);

    CustomerQueryResponse r = client.updateCustomer(ID, UpdateCustomer.builder().firstname("Ada").build());

    assertThat(r.firstname()).isEqualTo("Ada");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void tooManyRequestsAfterRetriesIsARateLimitException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    }

    VendorApiException e = updateFails();

    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.getSeconds()).isEqualTo(1));
  }

  @Test
  void emptyErrorBodyStillSaysTheStatus() {
    respond(400, null, "");

    VendorApiException e = updateFails();

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.getMessage()).contains("HTTP 400", "empty body");
  }

  @Test
  void htmlErrorBodyStillSaysTheStatusAndKeepsTheRawBody() {
    for (int i = 0; i < 3; i++) {
      respond(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
    }

    VendorApiException e = updateFails();

    assertThat(e).isInstanceOf(VendorServerException.class);
    assertThat(e.getMessage()).contains("HTTP 502", "not complete JSON", "text/html");
    assertThat(e.rawBody()).contains("502 Bad Gateway");
  }

  @Test
  void truncatedErrorBodyStillSaysTheStatus() {
    respond(400, "application/json", "{\"ResponseStatus\":{\"ErrorCode\":\"Validat");

    VendorApiException e = updateFails();

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.getMessage()).contains("HTTP 400", "not complete JSON");
  }

  @Test
  void jsonErrorBodyWithoutResponseStatusStillSaysTheStatus() {
    respond(400, "application/json", "[1,2,3]");

    VendorApiException e = updateFails();

    assertThat(e.getMessage()).contains("HTTP 400", "no ServiceStack ResponseStatus");
  }

  @Test
  void successStatusWithAnErrorInItsResponseStatusIsAFailure() {
    respond(200, "application/json", "{\"Firstname\":\"Ada\",\"ResponseStatus\":{\"ErrorCode\":\"CustomerLocked\","
        + "\"Message\":\"The customer is locked\"}}");

    VendorApiException e = updateFails();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.errorCode()).contains("CustomerLocked");
    assertThat(e.vendorMessage()).contains("The customer is locked");
  }

  @Test
  void successStatusWithACamelCasedErrorListIsAFailure() {
    respond(200, "application/json", "{\"firstname\":\"Ada\",\"responseStatus\":{\"errors\":[{\"fieldName\":\"Email\","
        + "\"message\":\"taken\"}]}}");

    VendorApiException e = updateFails();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.fieldErrors()).containsEntry("Email", "taken");
  }

  @Test
  void successStatusWithHtmlIsAClearFailure() {
    respond(200, "text/html", "<html>Login</html>");

    VendorApiException e = updateFails();

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("not a readable CustomerQueryResponse");
  }

  @Test
  void successStatusWithAnEmptyBodyIsAClearFailure() {
    respond(200, "application/json", "");

    VendorApiException e = updateFails();

    assertThat(e.getMessage()).contains("empty body", "CustomerQueryResponse");
  }

  @Test
  void secretsNeverAppearInExceptionMessagesOrRawBodies() {
    String echo = "{\"ResponseStatus\":{\"ErrorCode\":\"Invalid " + Samples.API_KEY + "\",\"Message\":\"Bad key "
        + Samples.API_KEY + " with token " + Samples.TOKEN + "\",\"Errors\":[{\"FieldName\":\"x-api-key\",\"Message\":\""
        + Samples.API_KEY + "\"}]}}";
    respond(400, "application/json", echo);
    respond(401, "application/json", echo);
    respond(200, "text/html", "<p>" + Samples.API_KEY + " " + Samples.TOKEN);

    for (int i = 0; i < 3; i++) {
      CustomerSyncException e = catchThrowableOfType(CustomerSyncException.class,
          () -> client.updateCustomer(ID, UpdateCustomer.builder().firstname("Ada").build()));
      VendorApiException v = (VendorApiException) e;
      String everything = e.getMessage() + " " + e + " " + v.rawBody() + " " + v.fieldErrors() + " " + v.errorCode()
          + " " + v.vendorMessage() + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
      assertThat(everything).doesNotContain(Samples.API_KEY).doesNotContain(Samples.TOKEN).contains("****");
    }
    assertThat(client.toString()).doesNotContain(Samples.API_KEY).doesNotContain(Samples.TOKEN);
  }
}
