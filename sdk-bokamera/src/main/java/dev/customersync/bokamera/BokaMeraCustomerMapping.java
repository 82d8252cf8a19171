package dev.customersync.bokamera;

import dev.customersync.core.Customer;
import java.util.UUID;

/**
 * The BokaMera updater's merge step without HTTP: the {@link UpdateCustomer} it would PUT for a
 * customer as read and a neutral change. For applications that prepare a BokaMera update
 * themselves (then {@link BokaMeraClient#updateCustomer}) and for measuring the mapping apart from
 * the network.
 */
public final class BokaMeraCustomerMapping {

  private BokaMeraCustomerMapping() {}

  /** The UpdateCustomer the updater would PUT. */
  public static UpdateCustomer merge(CustomerQueryResponse current, Customer change, UUID companyId) {
    return BokaMeraCustomerMapper.merge(current, change, companyId);
  }
}
