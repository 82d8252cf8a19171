package dev.customersync.storm;

import dev.customersync.core.Customer;
import java.util.ArrayList;

/**
 * The Storm updater's merge step without HTTP: the {@link StormCustomer} it would send for a
 * customer as read and a neutral change. For applications that prepare a Storm customer themselves
 * (then {@link StormClient#updateCustomer(StormCustomer)}) and for measuring the mapping apart from
 * the network.
 */
public final class StormCustomerMapping {

  private StormCustomerMapping() {}

  /** The merged customer the updater would POST. */
  public static StormCustomer merge(StormCustomer existing, Customer change) {
    return StormCustomerMapper.merge(existing, change, new ArrayList<>());
  }
}
