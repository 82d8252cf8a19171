package dev.customersync.storm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.Violation;
import dev.customersync.core.Violations;
import dev.customersync.core.json.Json;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.CustomerStore;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Storm's part of the read-merge-write template: {@code GetCustomer} read as an exact JSON tree,
 * the neutral change merged into it ({@link StormCustomerMapper}), and the whole customer written
 * back with {@code UpdateCustomer3} ({@code doSendMail} as the client is configured, false by
 * default), every property the change does not touch exactly as Storm sent it.
 *
 * <p>One store per culture: {@code cultureCode} is a parameter of both calls, and the neutral
 * {@code languageTag} picks it per update (see {@link StormCustomerUpdater}). Thread-safe.
 */
final class StormCustomerStore implements CustomerStore<Integer> {

  private static final Pattern CUSTOMER_ID = Pattern.compile("^[1-9][0-9]{0,9}$");
  private static final ObjectMapper WCF = Json.newWcfMapper();

  private final StormClient client;
  private final @Nullable String culture;

  /**
   * @param culture the {@code cultureCode} of both calls, or null for the client's default
   */
  StormCustomerStore(StormClient client, @Nullable String culture) {
    this.client = client;
    this.culture = culture;
  }

  @Override
  public String vendor() {
    return StormClient.VENDOR;
  }

  @Override
  public VendorHttpClient http() {
    return client.http();
  }

  @Override
  public @Nullable Integer parseId(String customerId, Violations violations) {
    if (!CUSTOMER_ID.matcher(customerId).matches() || Long.parseLong(customerId) > Integer.MAX_VALUE) {
      violations.add("customerId", "must be a Storm customer id: a whole number from 1 to 2147483647 without sign, "
          + "spaces or leading zeros", customerId);
      return null;
    }
    return Integer.parseInt(customerId);
  }

  @Override
  public String idText(Integer id) {
    return id.toString();
  }

  /** Storm's documented lengths for every value the merge can write, before any request. */
  @Override
  public void validate(Customer c, Violations violations) {
    Violations storm = new Violations();
    storm.maxLength("firstName", c.firstName(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("lastName", c.lastName(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("email", c.email(), StormLimits.CUSTOMER_LONG_TEXT);
    storm.maxLength("phone", c.phone(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("mobilePhone", c.mobilePhone(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("externalCode", c.externalCode(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("companyName", c.companyName(), StormLimits.COMPANY_NAME);
    c.companyName().filter(String::isBlank).ifPresent(name -> storm.add("companyName",
        "must not be empty: Storm requires every company to have a name (InvalidCompanyName)", name));
    for (Map.Entry<String, String> field : c.customFields().entrySet()) {
      storm.maxLength("customFields[" + field.getKey() + "].key", field.getKey(), StormLimits.ID_VALUE_CODE);
    }
    // A field the neutral rules already reject for its length is not reported twice.
    List<Violation> neutral = violations.list();
    for (Violation sv : storm.list()) {
      boolean reported = neutral.stream().anyMatch(n -> n.field().equals(sv.field()) && n.rule().startsWith("at most"));
      if (!reported || !sv.rule().startsWith("at most")) {
        violations.add(sv.field(), sv.rule(), sv.value());
      }
    }
  }

  /**
   * {@code GetCustomer} as an exact tree. Storm's {@code null} (or an empty body) is {@link
   * dev.customersync.core.NotFoundException}; its fault inside a 2xx is a {@link
   * VendorApiException}; any other object, {@code {}} included, is returned for the template to
   * check its {@code Id}.
   */
  @Override
  public CustomerTree read(Integer id) {
    VendorResponse response = client.getCustomerResponse(id, culture);
    if (response.bodyIsBlank()) {
      // Assumed to mean what null means (package documentation).
      throw client.notFound(response, id);
    }
    JsonNode tree = tree(response, "GetCustomer");
    if (tree.isNull()) {
      throw client.notFound(response, id);
    }
    return new CustomerTree(tree, response);
  }

  /** {@code Id} as text when it is a JSON integer; another value as its JSON; null when absent or null. */
  @Override
  public @Nullable String idOf(JsonNode customer) {
    JsonNode id = customer.get("Id");
    if (id == null || id.isNull()) {
      return null;
    }
    return id.isIntegralNumber() ? id.bigIntegerValue().toString() : LosslessJson.text(id);
  }

  @Override
  public ObjectNode writeBody(CustomerTree read) {
    return ((ObjectNode) read.customer()).deepCopy();
  }

  @Override
  public List<String> merge(ObjectNode body, CustomerTree read, Customer change) {
    return StormCustomerMapper.merge(body, change, client.renameSharedCompany(), client.newsletterFlagId().orElse(null));
  }

  /**
   * {@code UpdateCustomer3} with the merged body. Storm answers the customer as stored; an answer
   * without one ({@code null} or empty) stands for the body as sent.
   */
  @Override
  public CustomerTree write(Integer id, ObjectNode body, CustomerTree read) {
    VendorResponse response = client.postUpdateCustomer3(LosslessJson.write(body), client.updatedBy(), culture);
    if (response.bodyIsBlank()) {
      return new CustomerTree(body, response);
    }
    JsonNode tree = tree(response, "UpdateCustomer3");
    return new CustomerTree(tree.isNull() ? body : tree, response);
  }

  @Override
  public Customer toNeutral(JsonNode customer) {
    return StormCustomerMapper.toNeutral(customer, client.newsletterFlagId().orElse(null));
  }

  /**
   * The customer bound to {@link StormCustomer}.
   *
   * @throws VendorApiException when a value does not fit the DTO (a date Storm should never send)
   */
  @Override
  public Object toVendorResponse(JsonNode customer) {
    try {
      return WCF.treeToValue(customer, StormCustomer.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorApiException.builder().vendor(StormClient.VENDOR).statusCode(200).redactor(client.http()::redact)
          .message("Storm's customer could not be bound to StormCustomer: " + VendorJson.reason(e)).build();
    }
  }

  @Override
  public String toString() {
    return "StormCustomerStore{culture=" + (culture != null ? culture : "(client default)") + ", " + client + "}";
  }

  /**
   * The answer as an exact tree: a fault inside the 2xx is thrown, a body that is not JSON or
   * neither an object nor {@code null} is unreadable.
   */
  private JsonNode tree(VendorResponse response, String call) {
    JsonNode tree;
    try {
      tree = LosslessJson.read(response.body());
    } catch (IOException e) {
      throw VendorJson.unreadable(client.http(), response, "Storm answered " + call + " with a body that is not JSON", e);
    }
    client.throwIfFault(response, tree);
    if (!tree.isObject() && !tree.isNull()) {
      throw client.http().errorFor(response)
          .message("Storm answered " + call + " with a JSON " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " where a Customer or null belongs")
          .build();
    }
    return tree;
  }
}
