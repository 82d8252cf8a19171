package dev.customersync.billbee;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Customer;
import java.util.Map;

/**
 * Benchmark seam (lives in the benchmarks module, in this package to reach the package-private
 * mapper and Billbee's Jackson configuration): the updater's mapping step without HTTP.
 */
public final class BillbeeMappingProbe {

  private static final BillbeeCustomerMapper MAPPER = new BillbeeCustomerMapper(Map.of());

  private BillbeeMappingProbe() {}

  /** The merged model the updater would PUT. */
  public static BillbeeCustomer merge(BillbeeCustomer current, Customer change) {
    return MAPPER.merge(current, change).customer();
  }

  /** The ObjectMapper Billbee's client writes with. */
  public static ObjectMapper newMapper() {
    return BillbeeJson.newMapper();
  }
}
