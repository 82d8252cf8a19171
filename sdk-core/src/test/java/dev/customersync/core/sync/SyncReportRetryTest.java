package dev.customersync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerArchivedException;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.MatchKey;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorOperation;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every failure line says what to do with it, and a retry file takes only what may succeed later. */
class SyncReportRetryTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static SyncFailure failure(String key, String id, CustomerSyncException error) {
    return new SyncFailure(key, Customer.builder().email(key + "@example.com").build(),
        new VendorOutcome("storm", id, VendorOutcome.Status.FAILED, null, error, 1, Duration.ofMillis(5)));
  }

  private static VendorApiException.Builder answer(int status, VendorOperation operation) {
    return VendorApiException.builder().vendor("storm").statusCode(status).operation(operation);
  }

  private static JsonNode line(SyncFailure f) throws IOException {
    return MAPPER.readTree(SyncReport.jsonLine(f));
  }

  @Test
  void everyFailureLineSaysRetryableOperationAndWhetherAWriteMayHaveLanded() throws IOException {
    JsonNode serverErrorOnWrite = line(failure("a", "1", answer(500, VendorOperation.WRITE).build()));
    JsonNode notFoundOnRead = line(failure("b", "2", answer(200, VendorOperation.READ).buildNotFound()));
    JsonNode invalid = line(failure("c", "3", new CustomerValidationException("email", "must be an address", "x")));
    JsonNode cancelled = MAPPER.readTree(SyncReport.jsonLine(new SyncFailure("d", Customer.builder().build(),
        new VendorOutcome("storm", "4", VendorOutcome.Status.CANCELLED, null, null, 0, Duration.ZERO))));

    assertThat(serverErrorOnWrite.get("retryable").booleanValue()).isTrue();
    assertThat(serverErrorOnWrite.get("operation").asText()).isEqualTo("write");
    assertThat(serverErrorOnWrite.get("mayHaveReachedVendor").booleanValue()).isTrue();

    assertThat(notFoundOnRead.get("retryable").booleanValue()).isFalse();
    assertThat(notFoundOnRead.get("operation").asText()).isEqualTo("read");
    assertThat(notFoundOnRead.get("mayHaveReachedVendor").booleanValue()).isFalse();
    // Storm says "none" with a 200: the line says what it meant and what the wire carried.
    assertThat(notFoundOnRead.get("statusCode").intValue()).isEqualTo(404);
    assertThat(notFoundOnRead.get("httpStatus").intValue()).isEqualTo(200);

    assertThat(invalid.get("retryable").booleanValue()).isFalse();
    assertThat(invalid.get("operation").isNull()).isTrue();
    assertThat(invalid.get("mayHaveReachedVendor").booleanValue()).isFalse();

    assertThat(cancelled.get("retryable").booleanValue()).isTrue();
    assertThat(cancelled.has("operation")).isTrue();
    assertThat(cancelled.get("mayHaveReachedVendor").booleanValue()).isFalse();
  }

  @Test
  void readRetryItemsLeavesPermanentFailuresOutUnlessAskedForAll() {
    String lines = List.of(
            failure("transient", "1", answer(503, VendorOperation.WRITE).build()),
            failure("network", "2", new TransportException("reset", new IOException("reset"), 3, true)),
            failure("missing", "3", answer(404, VendorOperation.READ).build()),
            failure("invalid", "4", new CustomerValidationException("email", "must be an address", "x")),
            failure("archived", "5", new CustomerArchivedException(answer(200, VendorOperation.WRITE))))
        .stream().map(SyncReport::jsonLine).collect(Collectors.joining("\n"));

    assertThat(SyncReport.readRetryItems(new StringReader(lines))).extracting(SyncItem::key)
        .containsExactly("transient", "network");
    assertThat(SyncReport.readRetryItems(new StringReader(lines), true)).extracting(SyncItem::key)
        .containsExactly("transient", "network", "missing", "invalid", "archived");
  }

  @Test
  void readRetryItemsRetriesLinesFromVersionsThatWroteNoRetryable() {
    String older = """
        {"key":"a","vendor":"storm","customerId":"1","status":"FAILED","errorType":"NotFoundException","httpStatus":404,"attempts":1,"durationMs":3,"customer":{"firstName":"A"}}
        """;

    assertThat(SyncReport.readRetryItems(new StringReader(older))).extracting(SyncItem::key).containsExactly("a");
  }

  @Test
  void readRetryItemsRebuildsLinksByMatchKey() {
    String lines = """
        {"key":"a","vendor":"billbee","customerId":"","matchKey":"EMAIL","status":"FAILED","retryable":true,"customer":{"email":"a@example.com"}}
        {"key":"a","vendor":"storm","customerId":"","matchKey":"EXTERNAL_CODE","status":"FAILED","retryable":true,"customer":{"email":"a@example.com"}}
        {"key":"b","vendor":"storm","customerId":"42","matchKey":"EMAIL","status":"FAILED","retryable":true,"customer":{"email":"b@example.com"}}
        {"key":"c","vendor":"storm","customerId":"7","status":"FAILED","retryable":true,"customer":{"email":"c@example.com"}}
        """;

    List<SyncItem> items = SyncReport.readRetryItems(new StringReader(lines));

    assertThat(items.get(0).links()).containsExactly(CustomerLink.byEmail("billbee"), CustomerLink.byExternalCode("storm"));
    // Found by its key before it failed: the retry finds it again by the key, as the link said.
    assertThat(items.get(1).links()).containsExactly(CustomerLink.byEmail("storm"));
    assertThat(items.get(2).links()).containsExactly(CustomerLink.of("storm", "7"));
    assertThat(items.get(0).links().get(0).matchKey()).isEqualTo(MatchKey.EMAIL);
  }

  @Test
  void readRetryItemsRefusesAMatchKeyItDoesNotKnowNamingTheLine() {
    String lines = """
        {"key":"a","vendor":"storm","customerId":"","matchKey":"SHOE_SIZE","status":"FAILED","customer":{}}
        """;

    assertThatThrownBy(() -> SyncReport.readRetryItems(new StringReader(lines)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1").hasMessageContaining("SHOE_SIZE").hasMessageContaining("EMAIL");
  }
}
