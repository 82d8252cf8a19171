package dev.customersync.billbee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.spi.VendorJson;
import java.util.List;
import java.util.Map;

/**
 * The Billbee updater's merge step without HTTP, and the {@code ObjectMapper} configured as the
 * client writes its models. For applications that prepare a Billbee model themselves (then {@link
 * BillbeeClient#updateCustomer}) and for measuring the mapping apart from the network.
 *
 * <p>The updater itself merges into the JSON tree it read ({@link #merge(ObjectNode, Customer)}),
 * so everything it does not change goes back exactly as read; {@link #merge(BillbeeCustomer,
 * Customer)} runs the same merge over a model's JSON and binds the result again.
 */
public final class BillbeeCustomerMapping {

  private static final BillbeeCustomerMapper MAPPER = new BillbeeCustomerMapper(Map.of());
  private static final ObjectMapper JSON = BillbeeJson.newMapper();

  private BillbeeCustomerMapping() {}

  /**
   * Merges a neutral change into a Billbee model the way the updater does, for previews and tests.
   *
   * @param current the customer as read from Billbee
   * @param change the neutral customer; only the fields it sets are applied
   * @return the merged model the updater would PUT for a customer read as {@code current}
   */
  public static BillbeeCustomer merge(BillbeeCustomer current, Customer change) {
    ObjectNode tree = JSON.valueToTree(current);
    MAPPER.merge(tree, change);
    try {
      return JSON.treeToValue(tree, BillbeeCustomer.class);
    } catch (JsonProcessingException e) {
      // The tree came from a BillbeeCustomer and the merge writes only strings and integers.
      throw new IllegalStateException("a merged BillbeeCustomer did not bind back: " + VendorJson.reason(e));
    }
  }

  /**
   * Applies {@code change} to {@code customer} (Billbee's CustomerApiModel as JSON, e.g. read with
   * {@link dev.customersync.core.json.LosslessJson}) in place, as the updater does, touching only
   * the properties the change sets; a {@code languageTag} is not mapped here (no LanguageIds are
   * configured) and becomes a warning.
   *
   * @param customer Billbee's CustomerApiModel as JSON, changed in place
   * @param change the neutral customer; only the fields it sets are applied
   * @return the neutral fields that were set but not written, each in words
   */
  public static List<String> merge(ObjectNode customer, Customer change) {
    return MAPPER.merge(customer, change);
  }

  /** {@return the ObjectMapper Billbee's client writes its models with} */
  public static ObjectMapper newMapper() {
    return BillbeeJson.newMapper();
  }
}
