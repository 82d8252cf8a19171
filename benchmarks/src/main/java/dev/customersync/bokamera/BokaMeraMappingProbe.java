package dev.customersync.bokamera;

import dev.customersync.core.Customer;
import java.util.UUID;

/**
 * Benchmark seam (lives in the benchmarks module, in this package to reach the package-private
 * mapper): the updater's mapping step without HTTP.
 */
public final class BokaMeraMappingProbe {

  private BokaMeraMappingProbe() {}

  /** The UpdateCustomer the updater would PUT. */
  public static UpdateCustomer merge(CustomerQueryResponse current, Customer change, UUID companyId) {
    return BokaMeraCustomerMapper.merge(current, change, companyId);
  }
}
