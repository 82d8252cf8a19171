package dev.customersync.billbee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.Violations;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.json.WcfDate;
import dev.customersync.core.spi.CustomerStore;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorRequest;
import dev.customersync.core.spi.VendorResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Billbee's part of the read-merge-write update ({@link dev.customersync.core.spi.ReadMergeWriteUpdater}):
 * {@code GET api/v1/customers/{id}} and the envelope's {@code Data} as an exact JSON tree, the
 * merge as edits of that tree ({@link BillbeeCustomerMapper}), and {@code PUT api/v1/customers/{id}}
 * with the edited tree. The tree is never re-serialized through {@link BillbeeCustomer}, so every
 * property the update does not change ({@code PriceGroupId}, {@code MetaData} and its entries'
 * unknown properties, dates without an offset such as {@code 2022-07-16T09:56:01.903}, properties
 * Billbee adds later) goes back exactly as it was read.
 *
 * <p>The read and the write are not atomic: a change made in Billbee between them is overwritten
 * for the properties this update changes and kept for the others only if it happened before the
 * read. Billbee offers no version or ETag to detect that. Thread-safe.
 */
final class BillbeeCustomerStore implements CustomerStore<Long> {

  private static final String JSON = "application/json";

  private final BillbeeClient client;
  private final VendorHttpClient http;
  private final BillbeeEnvelopeReader envelopes;
  private final ObjectMapper models;
  private final BillbeeCustomerMapper mapper;

  BillbeeCustomerStore(BillbeeClient client, VendorHttpClient http, BillbeeEnvelopeReader envelopes,
      ObjectMapper models, BillbeeCustomerMapper mapper) {
    this.client = client;
    this.http = http;
    this.envelopes = envelopes;
    this.models = models;
    this.mapper = mapper;
  }

  @Override
  public String vendor() {
    return BillbeeClient.VENDOR;
  }

  @Override
  public VendorHttpClient http() {
    return http;
  }

  @Override
  public @Nullable Long parseId(String customerId, Violations violations) {
    OptionalLong id = BillbeeIds.parse("customerId", customerId, violations);
    return id.isPresent() ? id.getAsLong() : null;
  }

  @Override
  public String idText(Long id) {
    return id.toString();
  }

  /**
   * The envelope's {@code Data}. A success envelope whose {@code Data} is null or absent is "not
   * found" (as {@link BillbeeClient#getCustomer} has always read it); any other {@code Data}, also
   * {@code {}} or an object without {@code Id}, is handed on as it is, for the template to refuse
   * when it does not name the customer asked for.
   */
  @Override
  public CustomerTree read(Long id) {
    VendorRequest request = VendorRequest.get(client.customerUrl(id)).endpointGroup(BillbeeClient.CUSTOMER_ENDPOINT)
        .operation("get-customer").endpoint("api/v1/customers/{id}").build();
    VendorResponse response = http.execute(request);
    JsonNode data = envelopes.readData(response, request);
    if (data.isMissingNode() || data.isNull()) {
      throw http.errorFor(response).message("Billbee has no customer " + id + " (the answer carried no Data)")
          .buildNotFound();
    }
    return new CustomerTree(data, response);
  }

  /** {@code Id} as its digits; Billbee writes ids as JSON integers, so a string or a decimal names none. */
  @Override
  public @Nullable String idOf(JsonNode customer) {
    JsonNode id = customer.get("Id");
    return id != null && id.isIntegralNumber() ? id.bigIntegerValue().toString() : null;
  }

  @Override
  public void checkWritable(Long id, CustomerTree read) {
    JsonNode customer = read.customer();
    OffsetDateTime archived = date(customer, "ArchivedAt", read.response());
    if (archived == null) {
      return;
    }
    OffsetDateTime restored = date(customer, "RestoredAt", read.response());
    // Whether Billbee clears ArchivedAt on restore is not documented; this reads both behaviours right.
    if (restored == null || restored.isBefore(archived)) {
      throw new BillbeeCustomerArchivedException(id, archived, read.response().status(), read.attempts());
    }
  }

  @Override
  public ObjectNode writeBody(CustomerTree read) {
    return ((ObjectNode) read.customer()).deepCopy();
  }

  @Override
  public List<String> merge(ObjectNode body, CustomerTree read, Customer change) {
    return mapper.merge(body, change);
  }

  /**
   * PUTs {@code body} as it stands. Billbee's page does not show PUT's answer; it is taken to be the
   * envelope with the stored customer in {@code Data}. When {@code Data} names no customer (null,
   * absent, no {@code Id}), the body sent is taken as what Billbee holds.
   */
  @Override
  public CustomerTree write(Long id, ObjectNode body, CustomerTree read) {
    VendorRequest request = VendorRequest.put(client.customerUrl(id), LosslessJson.write(body)).contentType(JSON)
        .endpointGroup(BillbeeClient.CUSTOMER_ENDPOINT)
        .operation("update-customer").endpoint("api/v1/customers/{id}").build();
    VendorResponse response = http.execute(request);
    JsonNode data = envelopes.readData(response, request);
    return new CustomerTree(data.isObject() && data.has("Id") ? data : body, response);
  }

  @Override
  public Customer toNeutral(JsonNode customer) {
    return mapper.toNeutral(customer);
  }

  /** The customer bound to {@link BillbeeCustomer}. */
  @Override
  public Object toVendorResponse(JsonNode customer) {
    try {
      return models.treeToValue(customer, BillbeeCustomer.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw VendorApiException.builder().vendor(BillbeeClient.VENDOR).statusCode(200).redactor(http::redact)
          .message(http.redact("Billbee's customer does not bind to a BillbeeCustomer: " + VendorJson.reason(e)))
          .build();
    }
  }

  @Override
  public String toString() {
    return "BillbeeCustomerStore{" + client + "}";
  }

  /**
   * A date property: null when absent, null or blank; ISO 8601 with or without an offset (Billbee's
   * own fixtures carry none; read as UTC), or epoch milliseconds. Anything else is refused: whether
   * the customer is archived must be known before anything is written.
   */
  private @Nullable OffsetDateTime date(JsonNode customer, String name, VendorResponse response) {
    JsonNode v = customer.get(name);
    if (v == null || v.isNull() || v.isTextual() && v.textValue().isBlank()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return Instant.ofEpochMilli(v.longValue()).atOffset(ZoneOffset.UTC);
    }
    if (v.isTextual()) {
      try {
        return WcfDate.parse(v.textValue());
      } catch (IllegalArgumentException e) {
        // Falls through to the refusal below.
      }
    }
    throw http.errorFor(response)
        .message("Billbee's customer has a " + name + " that is not a date-time, so whether it is archived is "
            + "unknown; nothing was written")
        .build();
  }
}
