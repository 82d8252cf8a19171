package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.Violations;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.CustomerStore;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorRequest;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * BokaMera's part of the read-merge-write sequence: {@code GET /customers?CustomerId=…} with the
 * invoice address, custom-field values and access keys, the first result as an exact JSON tree;
 * {@code PUT /customers/{Id}} with the read projected onto UpdateCustomer and merged (see {@link
 * BokaMeraCustomerMapper}). Thread-safe: it holds only immutable configuration.
 */
final class BokaMeraCustomerStore implements CustomerStore<UUID> {

  // Every update reads invoice address, custom fields and access keys: the merge writes them back.
  private static final String INCLUDE_ALL = "&IncludeInvoiceAddress=true&IncludeCustomFieldValues=true&IncludeAccessKeys=true";

  private final VendorHttpClient http;
  private final HttpUrl customersUrl;
  private final ObjectMapper mapper;
  private final BokaMeraErrorParser errorParser;
  private final @Nullable UUID companyId;

  /**
   * @param customersUrl {@code <base>/customers}, built once
   * @param mapper binds trees to the DTOs for {@link #toVendorResponse}
   * @param companyId the client's default company, sent with the read and the write
   */
  BokaMeraCustomerStore(VendorHttpClient http, HttpUrl customersUrl, ObjectMapper mapper,
      BokaMeraErrorParser errorParser, @Nullable UUID companyId) {
    this.http = http;
    this.customersUrl = customersUrl;
    this.mapper = mapper;
    this.errorParser = errorParser;
    this.companyId = companyId;
  }

  @Override
  public String vendor() {
    return BokaMeraClient.VENDOR;
  }

  @Override
  public VendorHttpClient http() {
    return http;
  }

  @Override
  public @Nullable UUID parseId(String customerId, Violations violations) {
    return BokaMeraIds.customerId(customerId, violations);
  }

  /** Lower-case canonical text, as {@link #idOf} gives for a read GUID in any case. */
  @Override
  public String idText(UUID id) {
    return id.toString();
  }

  /**
   * The first result of the query page. An empty {@code Results} (or none) is {@link
   * dev.customersync.core.NotFoundException}; a {@code ResponseStatus} with an error inside a 2xx
   * answer is a {@link VendorApiException}. A first result that names no customer or another one is
   * returned as it is, for the id check.
   */
  @Override
  public CustomerTree read(UUID id) {
    // Every part is a GUID or a constant, none needs escaping: one query string instead of five
    // canonicalized parameters (which showed in the B1 profile).
    HttpUrl url = customersUrl.newBuilder()
        .encodedQuery("CustomerId=" + id + (companyId == null ? "" : "&CompanyId=" + companyId) + INCLUDE_ALL)
        .build();
    VendorResponse response = http.execute(VendorRequest.get(url).endpointGroup("customers")
        .operation("get-customer").endpoint("customers").build());
    JsonNode page = tree(response, "CustomerQueryPage");
    JsonNode results = page.get("Results");
    if (results == null || results.isNull() || results.isArray() && results.isEmpty()) {
      throw http.errorFor(response)
          .message("no customer with Id " + id + (companyId == null ? "" : " in company " + companyId))
          .buildNotFound();
    }
    if (!results.isArray()) {
      throw http.errorFor(response).message("body is not a readable CustomerQueryPage: Results is not a list").build();
    }
    return new CustomerTree(results.get(0), response);
  }

  /**
   * The result's {@code Id} in lower-case canonical form when it is a GUID (BokaMera's .NET may
   * write GUIDs in either case), its text otherwise, or null when it has none.
   */
  @Override
  public @Nullable String idOf(JsonNode customer) {
    JsonNode id = customer.get("Id");
    if (id == null || id.isNull()) {
      return null;
    }
    if (!id.isTextual()) {
      return LosslessJson.text(id);
    }
    String text = id.textValue();
    if (text.isBlank()) {
      return null;
    }
    return BokaMeraIds.isGuid(text) ? UUID.fromString(text).toString() : text;
  }

  @Override
  public ObjectNode writeBody(CustomerTree read) {
    return BokaMeraCustomerMapper.project(read.customer(), companyId);
  }

  @Override
  public List<String> merge(ObjectNode body, CustomerTree read, Customer change) {
    return BokaMeraCustomerMapper.merge(body, change);
  }

  /** {@code PUT /customers/{Id}[?CompanyId=…]}; a PUT, so the client's retry policy may resend the same bytes. */
  @Override
  public CustomerTree write(UUID id, ObjectNode body, CustomerTree read) {
    HttpUrl.Builder url = customersUrl.newBuilder().addPathSegment(id.toString());
    if (companyId != null) {
      url.addQueryParameter("CompanyId", companyId.toString());
    }
    VendorResponse response = http.execute(VendorRequest.put(url.build(), LosslessJson.write(body))
        .endpointGroup("customers")
        .operation("update-customer")
        .endpoint("customers/{id}")
        .build());
    return new CustomerTree(tree(response, "CustomerQueryResponse"), response);
  }

  @Override
  public Customer toNeutral(JsonNode customer) {
    return BokaMeraCustomerMapper.toNeutral(customer);
  }

  /**
   * The customer as a {@link CustomerQueryResponse}.
   *
   * @throws VendorApiException when a value cannot be bound (e.g. a date in neither ISO 8601 nor
   *     the WCF form); the update itself has succeeded by then
   */
  @Override
  public Object toVendorResponse(JsonNode customer) {
    try {
      return mapper.treeToValue(customer, CustomerQueryResponse.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorApiException.builder().vendor(BokaMeraClient.VENDOR).redactor(http::redact)
          .message(http.redact("BokaMera's customer is not a readable CustomerQueryResponse: " + VendorJson.reason(e)))
          .build();
    }
  }

  /** The base URL and company; never a credential. */
  @Override
  public String toString() {
    return "BokaMeraCustomerStore{baseUrl=" + http.baseUrl() + (companyId == null ? "" : ", companyId=" + companyId) + "}";
  }

  /**
   * The answer as an exact tree: an object, without an error in its {@code ResponseStatus}.
   *
   * @param what the DTO the answer should be, for messages
   */
  JsonNode tree(VendorResponse response, String what) {
    if (response.bodyIsBlank()) {
      throw http.errorFor(response).message("empty body where a " + what + " was expected").build();
    }
    JsonNode tree;
    try {
      tree = LosslessJson.read(response.body());
    } catch (IOException e) {
      throw VendorJson.unreadable(http, response, "body is not a readable " + what, e);
    }
    if (BokaMeraErrorParser.reportsFailure(BokaMeraErrorParser.responseStatusOf(tree))) {
      // ServiceStack normally fails with an error status, but a ResponseStatus with an error code
      // inside a 2xx answer still means the call failed.
      VendorApiException.Builder error = http.errorFor(response);
      errorParser.parse(response, error);
      throw error.build();
    }
    if (tree.isNull()) {
      throw http.errorFor(response).message("body is null where a " + what + " was expected").build();
    }
    if (!tree.isObject()) {
      throw http.errorFor(response).message("body is not a readable " + what + ": not a JSON object").build();
    }
    return tree;
  }
}
