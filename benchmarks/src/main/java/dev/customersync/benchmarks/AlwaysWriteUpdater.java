package dev.customersync.benchmarks;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.billbee.BillbeeCustomer;
import dev.customersync.billbee.BillbeeCustomerMapping;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.bokamera.BokaMeraCustomerMapping;
import dev.customersync.bokamera.CustomerQueryResponse;
import dev.customersync.bokamera.UpdateCustomer;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.storm.StormClient;
import dev.customersync.storm.StormCustomer;
import dev.customersync.storm.StormCustomerMapping;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * B5's baseline, the behaviour before the updaters learnt to skip writes: read the customer, merge
 * the change into the vendor DTO, and write the whole DTO back, every time, whether or not anything
 * changed. Built only from each vendor client's public DTO API ({@code getCustomer}, the vendor's
 * {@code *CustomerMapping.merge}, {@code updateCustomer}); it lives here so that the always-write
 * behaviour exists as a measuring stick only, never as an SDK option.
 *
 * <p>Each update is exactly one read and one write. The result carries the neutral customer that was
 * sent (a baseline has no need to map the answer back) and the vendor's answer as its response.
 */
final class AlwaysWriteUpdater implements CustomerUpdater {

  private final String vendor;
  private final BiFunction<String, Customer, Object> readMergeWrite;

  private AlwaysWriteUpdater(String vendor, BiFunction<String, Customer, Object> readMergeWrite) {
    this.vendor = vendor;
    this.readMergeWrite = readMergeWrite;
  }

  /** Billbee: {@code getCustomer}, {@link BillbeeCustomerMapping#merge(BillbeeCustomer, Customer)}, {@code updateCustomer}. */
  static CustomerUpdater billbee(BillbeeClient client) {
    return new AlwaysWriteUpdater(BillbeeClient.VENDOR, (id, change) -> {
      long billbeeId = Long.parseLong(id);
      BillbeeCustomer read = client.getCustomer(billbeeId);
      return client.updateCustomer(billbeeId, BillbeeCustomerMapping.merge(read, change));
    });
  }

  /** BokaMera: {@code getCustomer}, {@link BokaMeraCustomerMapping#merge}, {@code updateCustomer}. */
  static CustomerUpdater bokaMera(BokaMeraClient client) {
    return new AlwaysWriteUpdater("bokamera", (id, change) -> {
      UUID guid = UUID.fromString(id);
      CustomerQueryResponse read = client.getCustomer(guid);
      UpdateCustomer write = BokaMeraCustomerMapping.merge(read, change, client.companyId().orElse(null));
      return client.updateCustomer(guid, write);
    });
  }

  /** Storm: {@code getCustomer}, {@link StormCustomerMapping#merge(StormCustomer, Customer)}, {@code updateCustomer}. */
  static CustomerUpdater storm(StormClient client) {
    return new AlwaysWriteUpdater(StormClient.VENDOR, (id, change) -> {
      StormCustomer read = client.getCustomer(Integer.parseInt(id));
      return client.updateCustomer(StormCustomerMapping.merge(read, change));
    });
  }

  @Override
  public String vendor() {
    return vendor;
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    customer.validate();
    Object answer = readMergeWrite.apply(customerId, customer);
    return UpdateResult.builder().vendor(vendor).customerId(customerId).customer(customer).attempts(2)
        .vendorResponse(answer).build();
  }
}
