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
 * BokaMera's customer calls as exact JSON trees. For the read-merge-write sequence: {@code GET
 * /customers?CustomerId=…} with the invoice address, custom-field values and access keys, the first
 * result; {@code PUT /customers/{Id}} with the read projected onto UpdateCustomer and merged (see
 * {@link BokaMeraCustomerMapper}). For the directory: the same {@code GET /customers} as a page
 * ({@link #query}) and {@code POST /customers} ({@link #create}). Thread-safe: it holds only
 * immutable configuration.
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

  /** {@return the client's default company, sent with every call, or null for none} */
  @Nullable UUID companyId() {
    return companyId;
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
   * returned as it is, for the id check. A bare JSON array is read as the list of results, as for
   * {@link #query}: it is one operation.
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
    BokaMeraResultPage page = page(response);
    if (page.results().isEmpty()) {
      throw http.errorFor(response)
          .message("no customer with Id " + id + (companyId == null ? "" : " in company " + companyId))
          .buildNotFound();
    }
    return new CustomerTree(page.results().get(0), response);
  }

  /**
   * {@code GET /customers?Search=…&CompanyId=…&Skip=…&Take=…} with the same Include flags as
   * {@link #read}, so every result is the whole customer.
   *
   * @param search the free-text search, or null for none
   * @param skip how many results to skip
   * @param take how many results to ask for (BokaMera may answer fewer)
   */
  BokaMeraResultPage query(@Nullable String search, int skip, int take) {
    HttpUrl.Builder url = customersUrl.newBuilder();
    if (search != null) {
      url.addQueryParameter("Search", search);
    }
    if (companyId != null) {
      url.addQueryParameter("CompanyId", companyId.toString());
    }
    url.addQueryParameter("Skip", Integer.toString(skip))
        .addQueryParameter("Take", Integer.toString(take))
        .addQueryParameter("IncludeInvoiceAddress", "true")
        .addQueryParameter("IncludeCustomFieldValues", "true")
        .addQueryParameter("IncludeAccessKeys", "true");
    VendorResponse response = http.execute(VendorRequest.get(url.build()).endpointGroup("customers")
        .operation("query-customers").endpoint("customers").build());
    return page(response);
  }

  /**
   * {@code POST /customers[?CompanyId=…]} with {@code body}, sent at most once: a POST is not
   * idempotent, so the client's retry policy repeats it only when it provably never reached
   * BokaMera (the connection could not be made, or BokaMera answered 429, or 503 with a
   * Retry-After). No idempotency key is documented.
   *
   * @param body the serialized CreateCustomer
   * @param company the {@code CompanyId} to send in the query, or null for none
   * @return the answer ({@code UpdateCustomerResponse}) as an exact tree; its id is not checked here
   */
  CustomerTree create(byte[] body, @Nullable UUID company) {
    HttpUrl.Builder url = customersUrl.newBuilder();
    if (company != null) {
      url.addQueryParameter("CompanyId", company.toString());
    }
    VendorResponse response = http.execute(VendorRequest.post(url.build(), body)
        .endpointGroup("customers")
        .operation("create-customer")
        .endpoint("customers")
        .build());
    return new CustomerTree(tree(response, "UpdateCustomerResponse"), response);
  }

  /**
   * {@return the new customer's id in an answer to {@link #create}}
   *
   * @throws VendorApiException when the answer names no customer or an id that is not a GUID; the
   *     customer may have been created all the same
   */
  UUID createdId(CustomerTree created) {
    String id = idOf(created.customer());
    if (id == null || !BokaMeraIds.isGuid(id)) {
      throw http.errorFor(created.response())
          .message("BokaMera answered the create " + (id == null ? "without a customer Id" : "with an Id that is not a GUID")
              + "; the customer may have been created: find it by e-mail before creating it again")
          .build();
    }
    return UUID.fromString(id);
  }

  /**
   * The answer of {@code GET /customers} as a page: a ServiceStack {@code QueryResponse} (its
   * {@code Results} and {@code Total}), or a bare JSON array of customers, which the third-party
   * Python client accepts too.
   */
  BokaMeraResultPage page(VendorResponse response) {
    JsonNode tree = parse(response, "CustomerQueryPage");
    if (tree.isArray()) {
      return new BokaMeraResultPage(elements(tree), null, true, response);
    }
    JsonNode object = checked(response, tree, "CustomerQueryPage");
    JsonNode results = object.get("Results");
    if (results != null && !results.isNull() && !results.isArray()) {
      throw http.errorFor(response).message("body is not a readable CustomerQueryPage: Results is not a list").build();
    }
    JsonNode total = object.get("Total");
    Integer count = total != null && total.isIntegralNumber() && total.canConvertToInt() ? total.intValue() : null;
    return new BokaMeraResultPage(results == null || results.isNull() ? List.of() : elements(results), count, false, response);
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>(array.size());
    array.forEach(out::add);
    return out;
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
    return checked(response, parse(response, what), what);
  }

  private JsonNode parse(VendorResponse response, String what) {
    if (response.bodyIsBlank()) {
      throw http.errorFor(response).message("empty body where a " + what + " was expected").build();
    }
    try {
      return LosslessJson.read(response.body());
    } catch (IOException e) {
      throw VendorJson.unreadable(http, response, "body is not a readable " + what, e);
    }
  }

  private JsonNode checked(VendorResponse response, JsonNode tree, String what) {
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
