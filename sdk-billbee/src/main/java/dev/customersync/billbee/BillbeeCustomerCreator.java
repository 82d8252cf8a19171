package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violations;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.JsonTreeDiff;
import java.util.List;
import java.util.Optional;

/**
 * Creates a Billbee customer from a neutral one: validates, builds the {@code
 * CreateCustomerApiModel} by merging the customer into an empty model with the update's own mapper
 * (so every name is cased and every value mapped exactly as an update would), adds the {@code
 * Address}, and POSTs it once.
 *
 * <p>What a create needs beyond the neutral rules: a name (Billbee's {@code Name}: {@code
 * companyName}, or {@code firstName} and/or {@code lastName}), and an {@code externalCode}, when
 * set, that fits Billbee's int32 {@code Number}: an update only warns about one that does not fit,
 * but a customer created without its code could never be found by it again, so every run would
 * create it anew.
 *
 * <p>The {@code Address} (sent always: both official SDKs do, and whether Billbee requires it is
 * unconfirmed) is {@code AddressType} 1 with the customer's names, company, e-mail and phones, and
 * from {@code invoiceAddress}: {@code careOf} → {@code Name2}, {@code line1} → {@code Street} (the
 * house number stays in it; {@code Housenumber} is not split off), {@code line2} → {@code
 * AddressAddition}, {@code postalCode} → {@code Zip}, {@code city} → {@code City}, {@code region} →
 * {@code State}, {@code countryCode} → {@code CountryCode}. A {@code Type} is always sent: 1 for a
 * company, else 0.
 */
final class BillbeeCustomerCreator {

  private final BillbeeClient client;
  private final BillbeeCustomerStore store;
  private final BillbeeCustomerMapper mapper;

  BillbeeCustomerCreator(BillbeeClient client, BillbeeCustomerStore store, BillbeeCustomerMapper mapper) {
    this.client = client;
    this.store = store;
    this.mapper = mapper;
  }

  /** The body and what it sets, after validation; nothing is sent. */
  Prepared prepare(Customer customer) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    Violations violations = new Violations();
    violations.addAll(customer.violations());
    store.validate(customer, violations);
    if (!hasText(customer.companyName()) && !hasText(customer.firstName()) && !hasText(customer.lastName())) {
      violations.add("name", "is required to create a Billbee customer: set companyName, or firstName and/or lastName "
          + "(Billbee's Name)", null);
    }
    customer.externalCode().filter(code -> !code.isEmpty() && !BillbeeCustomerMapper.isCustomerNumber(code))
        .ifPresent(code -> violations.add("externalCode", "must be a whole number from 0 to " + Integer.MAX_VALUE
            + " without leading zeros to create a Billbee customer (its Number is an int32, and a customer created "
            + "without its code could not be found by it again)", code));
    violations.throwIfAny();

    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    List<String> warnings = mapper.merge(body, customer, true);
    if (!body.has("Type")) {
      body.put("Type", BillbeeCustomerType.END_CUSTOMER.value());
    }
    body.set("Address", address(customer));
    // Diffed against an empty Address so that its properties show one by one (Address.Street).
    ObjectNode empty = f.objectNode();
    empty.putObject("Address");
    return new Prepared(body, JsonTreeDiff.changes(empty, body), warnings);
  }

  UpdateResult create(Customer customer) {
    return create(prepare(customer)).result();
  }

  /** POSTs a prepared body once; the result and the created customer as Billbee answered it. */
  Created create(Prepared p) {
    CustomerTree created = client.postCreate(LosslessJson.write(p.body()));
    JsonNode held = created.customer();
    UpdateResult result = UpdateResult.builder()
        .vendor(BillbeeClient.VENDOR)
        .customerId(String.valueOf(store.idOf(held)))
        .warnings(p.warnings())
        .written(true)
        .changes(p.changes())
        .attempts(created.attempts())
        .customer(() -> store.toNeutral(held))
        .vendorResponse(() -> store.toVendorResponse(held))
        .build();
    return new Created(result, held);
  }

  UpdatePlan plan(Customer customer) {
    Prepared p = prepare(customer);
    return UpdatePlan.builder().vendor(BillbeeClient.VENDOR).customerId("").changes(p.changes())
        .warnings(p.warnings()).attempts(0).build();
  }

  private static ObjectNode address(Customer c) {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("AddressType", BillbeeCustomerAddress.TYPE_1);
    put(a, "Company", c.companyName());
    put(a, "FirstName", c.firstName());
    put(a, "LastName", c.lastName());
    Optional<Address> invoice = c.invoiceAddress();
    put(a, "Name2", invoice.flatMap(Address::careOf));
    put(a, "Street", invoice.flatMap(Address::line1));
    put(a, "Zip", invoice.flatMap(Address::postalCode));
    put(a, "City", invoice.flatMap(Address::city));
    put(a, "State", invoice.flatMap(Address::region));
    put(a, "CountryCode", invoice.flatMap(Address::countryCode));
    put(a, "Email", c.email());
    put(a, "Tel1", c.phone());
    put(a, "Tel2", c.mobilePhone());
    put(a, "AddressAddition", invoice.flatMap(Address::line2));
    return a;
  }

  private static void put(ObjectNode node, String name, Optional<String> value) {
    value.filter(v -> !v.isEmpty()).ifPresent(v -> node.put(name, v));
  }

  private static boolean hasText(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).isPresent();
  }

  /** A validated create: the body, every property it sets, and what could not be set. */
  record Prepared(ObjectNode body, List<FieldChange> changes, List<String> warnings) {}

  /** A sent create: its result and the customer as Billbee answered it. */
  record Created(UpdateResult result, JsonNode customer) {}
}
