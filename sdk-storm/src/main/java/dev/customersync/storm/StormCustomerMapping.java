package dev.customersync.storm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.json.Json;

/**
 * The Storm updater's merge step without HTTP: the {@link StormCustomer} it would send for a
 * customer as read and a neutral change, by the rules in the package documentation. For
 * applications that prepare a Storm customer themselves (then {@link
 * StormClient#updateCustomer(StormCustomer)}) and for measuring the mapping apart from the network.
 *
 * <p>A DTO holds only the properties it models; the updater itself merges into the exact JSON
 * Storm sent and so also keeps what the DTOs do not model.
 */
public final class StormCustomerMapping {

  private static final ObjectMapper WCF = Json.newWcfMapper();

  private StormCustomerMapping() {}

  /**
   * The merged customer the updater would send, with the updater's defaults: a {@code companyName}
   * that differs from the first company's name is not applied (see {@link
   * StormClient.Builder#renameSharedCompany(boolean)}).
   *
   * @param existing the customer as Storm holds it
   * @param change the neutral change; only the fields it sets are applied
   * @return {@code existing} with {@code change} applied
   * @throws CustomerValidationException when the change needs a company and sets no name for it
   */
  public static StormCustomer merge(StormCustomer existing, Customer change) {
    return merge(existing, change, false);
  }

  /**
   * The merged customer the updater would send.
   *
   * @param existing the customer as Storm holds it
   * @param change the neutral change; only the fields it sets are applied
   * @param renameSharedCompany whether a new {@code companyName} renames the first company, which
   *     other customers may share
   * @return {@code existing} with {@code change} applied
   * @throws CustomerValidationException when the change needs a company and sets no name for it
   */
  public static StormCustomer merge(StormCustomer existing, Customer change, boolean renameSharedCompany) {
    ObjectNode tree = WCF.valueToTree(existing);
    StormCustomerMapper.merge(tree, change, renameSharedCompany);
    try {
      return WCF.treeToValue(tree, StormCustomer.class);
    } catch (JsonProcessingException e) {
      // The tree came from the DTO and holds only what the DTO models: binding it back cannot fail.
      throw new IllegalStateException("could not bind a merged Storm customer: " + e.getOriginalMessage());
    }
  }
}
