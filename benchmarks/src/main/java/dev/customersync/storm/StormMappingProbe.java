package dev.customersync.storm;

import dev.customersync.core.Customer;
import java.util.ArrayList;

/**
 * Benchmark seam (lives in the benchmarks module, in this package to reach the package-private
 * mapper): the updater's mapping step without HTTP.
 */
public final class StormMappingProbe {

  private StormMappingProbe() {}

  /** The merged customer the updater would POST. */
  public static StormCustomer merge(StormCustomer existing, Customer change) {
    return StormCustomerMapper.merge(existing, change, new ArrayList<>());
  }
}
