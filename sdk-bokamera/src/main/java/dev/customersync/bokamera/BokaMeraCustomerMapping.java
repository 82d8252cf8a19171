package dev.customersync.bokamera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.json.Json;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The BokaMera updater's merge step without HTTP: the {@link UpdateCustomer} it would PUT for a
 * customer as read and a neutral change. For applications that prepare a BokaMera update
 * themselves (then {@link BokaMeraClient#updateCustomer}) and for measuring the mapping apart from
 * the network.
 *
 * <p>It follows the updater's rules: the read is projected onto UpdateCustomer (access keys without
 * an {@code Id} are left out, because BokaMera would create them anew), then the change is merged.
 * Working on DTOs, it cannot carry properties the DTOs do not model; the updater, which works on
 * the JSON as read, does.
 */
public final class BokaMeraCustomerMapping {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private BokaMeraCustomerMapping() {}

  /**
   * The UpdateCustomer the updater would PUT.
   *
   * @param current the customer as BokaMera answered the read
   * @param change the neutral change; only the fields it sets are applied
   * @param companyId the client's default company, or null for none
   * @return the body to send: {@code current} projected onto UpdateCustomer with {@code change} applied
   */
  public static UpdateCustomer merge(CustomerQueryResponse current, Customer change, @Nullable UUID companyId) {
    JsonNode read = MAPPER.valueToTree(current);
    ObjectNode body = BokaMeraCustomerMapper.project(read, companyId);
    BokaMeraCustomerMapper.merge(body, change);
    try {
      return MAPPER.treeToValue(body, UpdateCustomer.class);
    } catch (JsonProcessingException e) {
      // The body holds only what a CustomerQueryResponse and a Customer can hold.
      throw new IllegalStateException("could not bind the merged body to UpdateCustomer: " + e.getOriginalMessage());
    }
  }
}
