package dev.customersync.cli;

import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.Violation;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.SyncItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The CSV columns a customer file may have, and how one row's cells become a {@link CustomerRow}. */
final class CustomerColumns {

  static final List<String> VENDORS = List.of("bokamera", "billbee", "storm");

  static final List<String> CUSTOMER = List.of("firstName", "lastName", "email", "phone", "mobilePhone",
      "companyName", "organizationNumber", "vatId", "externalCode", "languageTag", "newsletterSubscribed", "active");
  static final List<String> INVOICE_ADDRESS = List.of("invoiceCareOf", "invoiceLine1", "invoiceLine2",
      "invoicePostalCode", "invoiceCity", "invoiceRegion", "invoiceCountryCode");

  private CustomerColumns() {}

  /** Every column name a header may use: key, the customer's, the address's, and each vendor's id (also as {@code <vendor>Id}). */
  static Set<String> known() {
    Set<String> all = new LinkedHashSet<>();
    all.add("key");
    all.addAll(CUSTOMER);
    all.addAll(INVOICE_ADDRESS);
    for (String v : VENDORS) {
      all.add(v);
      all.add(v + "Id");
    }
    return all;
  }

  /**
   * One row. {@code cells} holds only non-empty cells (an empty cell leaves the field unset).
   * Every vendor in {@code vendors} gets a link: by the id in its column when there is one, else by
   * the row's e-mail address. With no vendors, each vendor whose id cell is filled gets a link by id.
   */
  static CustomerRow toRow(long line, Map<String, String> cells, List<String> vendors) {
    String key = keyOf(line, cells.get("key"), cells.get("email"));
    Customer customer;
    try {
      customer = customer(cells);
    } catch (IllegalArgumentException e) {
      return CustomerRow.bad(line, key, e.getMessage());
    }
    String invalid = violations(customer);
    if (invalid != null) {
      return CustomerRow.bad(line, key, invalid);
    }
    List<CustomerLink> links = new ArrayList<>();
    if (vendors.isEmpty()) {
      for (String vendor : VENDORS) {
        String id = cells.getOrDefault(vendor, cells.get(vendor + "Id"));
        if (id != null && !id.isBlank()) {
          links.add(CustomerLink.of(vendor, id.trim()));
        }
      }
    }
    for (String vendor : vendors) {
      String id = cells.getOrDefault(vendor, cells.get(vendor + "Id"));
      if (id != null && !id.isBlank()) {
        links.add(CustomerLink.of(vendor, id.trim()));
      } else if (customer.email().isPresent()) {
        links.add(CustomerLink.byEmail(vendor));
      } else {
        return CustomerRow.bad(line, key, "email: needed to find the customer at " + vendor
            + ", as the row has no " + vendor + " id");
      }
    }
    return CustomerRow.good(line, new SyncItem(key, customer, links));
  }

  /** The key a row is reported and remembered under: its key cell, else its e-mail, else its line. */
  static String keyOf(long line, @Nullable String key, @Nullable String email) {
    if (key != null && !key.isBlank()) {
      return key.trim();
    }
    if (email != null && !email.isBlank()) {
      return email.trim();
    }
    return "line " + line;
  }

  /**
   * The customer's broken rules as {@code field: rule; …}, without the values: they are personal
   * data, and the reason goes to a report file.
   */
  static @Nullable String violations(Customer customer) {
    List<Violation> violations = customer.violations();
    if (violations.isEmpty()) {
      return null;
    }
    return violations.stream().map(v -> v.field() + ": " + v.rule()).collect(Collectors.joining("; "));
  }

  private static Customer customer(Map<String, String> row) {
    Customer.Builder c = Customer.builder();
    set(row, "firstName", c::firstName);
    set(row, "lastName", c::lastName);
    set(row, "email", v -> c.email(v.trim()));
    set(row, "phone", c::phone);
    set(row, "mobilePhone", c::mobilePhone);
    set(row, "companyName", c::companyName);
    set(row, "organizationNumber", c::organizationNumber);
    set(row, "vatId", c::vatId);
    set(row, "externalCode", c::externalCode);
    set(row, "languageTag", c::languageTag);
    set(row, "newsletterSubscribed", v -> c.newsletterSubscribed(bool("newsletterSubscribed", v)));
    set(row, "active", v -> c.active(bool("active", v)));
    Address.Builder a = Address.builder();
    boolean any = false;
    any |= set(row, "invoiceCareOf", a::careOf);
    any |= set(row, "invoiceLine1", a::line1);
    any |= set(row, "invoiceLine2", a::line2);
    any |= set(row, "invoicePostalCode", a::postalCode);
    any |= set(row, "invoiceCity", a::city);
    any |= set(row, "invoiceRegion", a::region);
    any |= set(row, "invoiceCountryCode", a::countryCode);
    if (any) {
      c.invoiceAddress(a.build());
    }
    return c.build();
  }

  private static boolean bool(String column, String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      // The value is quoted so the row can be found; a long one is cut, as it may be anything.
      default -> throw new IllegalArgumentException(column + ": \"" + (v.length() > 20 ? v.substring(0, 20) + "…" : v)
          + "\" is not true or false");
    };
  }

  private static boolean set(Map<String, String> row, String column, Consumer<String> setter) {
    String v = row.get(column);
    if (v == null) {
      return false;
    }
    setter.accept(v);
    return true;
  }
}
