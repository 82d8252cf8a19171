package dev.customersync.bokamera;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violations;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The neutral {@link CustomerUpdater} for BokaMera: validates the id and the customer, reads the
 * customer BokaMera holds, merges the caller's fields into it and writes it back whole with
 * UpdateCustomer. Thread-safe: it holds nothing but the client.
 */
final class BokaMeraCustomerUpdater implements CustomerUpdater {

  private final BokaMeraClient client;

  BokaMeraCustomerUpdater(BokaMeraClient client) {
    this.client = client;
  }

  @Override
  public String vendor() {
    return BokaMeraClient.VENDOR;
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    Objects.requireNonNull(customer, "customer");
    Violations violations = new Violations();
    UUID id = BokaMeraIds.customerId(customerId, violations);
    violations.addAll(customer.violations());
    violations.throwIfAny();

    List<String> warnings = BokaMeraCustomerMapper.warnings(customer);
    BokaMeraAnswer<CustomerQueryResponse> read = client.getCustomerCall(id);
    UpdateCustomer update = BokaMeraCustomerMapper.merge(read.value(), customer, client.defaultCompanyId());
    BokaMeraAnswer<CustomerQueryResponse> written = client.updateCustomerCall(id, update);
    return UpdateResult.builder()
        .vendor(vendor())
        .customerId(id.toString())
        .customer(() -> BokaMeraCustomerMapper.toNeutral(written.value()))
        .warnings(warnings)
        .attempts(read.attempts() + written.attempts())
        .vendorResponse(written.value())
        .build();
  }

  @Override
  public String toString() {
    return "BokaMeraCustomerUpdater{" + client + "}";
  }
}
