package dev.customersync.billbee;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Customer;
import java.util.Map;

/**
 * The Billbee updater's merge step without HTTP: the {@link BillbeeCustomer} it would PUT for a
 * customer as read and a neutral change, and the {@code ObjectMapper} configured as the client
 * writes. For applications that prepare a Billbee model themselves (then {@link
 * BillbeeClient#updateCustomer}) and for measuring the mapping apart from the network.
 */
public final class BillbeeCustomerMapping {

  private static final BillbeeCustomerMapper MAPPER = new BillbeeCustomerMapper(Map.of());

  private BillbeeCustomerMapping() {}

  /** The merged model the updater would PUT. */
  public static BillbeeCustomer merge(BillbeeCustomer current, Customer change) {
    return MAPPER.merge(current, change).customer();
  }

  /** The ObjectMapper Billbee's client writes with. */
  public static ObjectMapper newMapper() {
    return BillbeeJson.newMapper();
  }
}
