package dev.customersync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The property names of Storm's customer contract (CustomerService4.xsd and the UpdateCustomer
 * page), cased exactly as Storm cases them, for {@link FakeStorm} to check request bodies against.
 *
 * <p>WCF's JSON serializer silently ignores a member it does not know, so a client that writes
 * {@code Firstname} instead of {@code FirstName} would lose the value without an error. The fake
 * is stricter than Storm on purpose: it names every unknown member, so such a client fails its
 * tests. A member the fake itself was seeded with is known, though: it stands for a property of a
 * newer Storm contract that the SDK's DTOs do not model, which Storm returns and accepts back. It
 * also refuses ISO dates, which WCF's {@code DateTime} reader rejects.
 */
final class FakeStormSchema {

  static final String CUSTOMER_KIND = "Customer";
  static final String COMPANY_KIND = "Company";
  static final String ADDRESS_KIND = "Address";
  static final String ACCOUNT_KIND = "Account";
  static final String FLAG_KIND = "Flag";
  static final String ID_VALUE_KIND = "IdValue";

  static final Set<String> CUSTOMER = Set.of("Id", "Key", "Code", "Email", "SSN", "FirstName", "LastName", "Phone",
      "CellPhone", "ReferId", "ReferUrl", "Account", "Companies", "DeliveryAddresses", "InvoiceAddress", "Flags",
      "UseInvoiceAddressAsDeliveryAddress", "Info", "PricelistIds", "CrmId", "IsActive", "Created", "Updated");
  static final Set<String> COMPANY = Set.of("Id", "Key", "Code", "Name", "OrgNo", "Phone", "Email", "VatNo",
      "ReferId", "ReferUrl", "DeliveryAddresses", "InvoiceAddress", "UseInvoiceAddressAsDeliveryAddress", "Info",
      "PricelistIds", "ParentId", "DeliveryMethodIds", "PaymentMethodIds", "Flags");
  static final Set<String> ADDRESS = Set.of("Id", "CareOf", "Line1", "Line2", "Zip", "City", "CountryId", "Country",
      "Region", "IsValidated", "GlobalLocationNo", "ShippingPhoneNumber");
  static final Set<String> ACCOUNT = Set.of("Id", "Key", "LoginName", "Name", "Roles", "Authorizations", "IsActive");
  static final Set<String> FLAG = Set.of("Id", "Name", "Group", "IsSelected");
  static final Set<String> ID_VALUE = Set.of("Id", "Value", "Code");

  private static final Map<String, Set<String>> CONTRACT = Map.of(CUSTOMER_KIND, CUSTOMER, COMPANY_KIND, COMPANY,
      ADDRESS_KIND, ADDRESS, ACCOUNT_KIND, ACCOUNT, FLAG_KIND, FLAG, ID_VALUE_KIND, ID_VALUE);
  private static final String NOT_AN_ARRAY = "[]";
  private static final Pattern WCF_DATE = Pattern.compile("^/Date\\(-?\\d+(?:[+-]\\d{4})?\\)/$");

  /** Called for each place of the customer that holds an object of {@code kind} (or should). */
  @FunctionalInterface
  private interface Visit {
    void at(String kind, String path, JsonNode node);
  }

  private FakeStormSchema() {}

  /**
   * Every problem with the body's shape: unknown members (with their path) and non-WCF dates.
   *
   * @param seeded member names per kind the fake was seeded with beyond the contract
   */
  static List<String> problems(JsonNode customer, Map<String, Set<String>> seeded) {
    List<String> out = new ArrayList<>();
    walk(customer, (kind, path, node) -> {
      if (kind.equals(NOT_AN_ARRAY)) {
        out.add(path + " must be a JSON array");
        return;
      }
      if (!node.isObject()) {
        out.add(path + " must be a JSON object");
        return;
      }
      Set<String> extra = seeded.getOrDefault(kind, Set.of());
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String name = member.getKey();
        if (!CONTRACT.get(kind).contains(name) && !extra.contains(name)) {
          out.add("unknown member '" + name + "' in " + path + " (Storm would silently ignore it)");
        }
      }
    });
    for (String date : List.of("Created", "Updated")) {
      JsonNode d = customer.get(date);
      if (d != null && !d.isNull() && !(d.isTextual() && WCF_DATE.matcher(d.asText()).matches())) {
        out.add("DateTime content '" + d.asText() + "' of Customer." + date
            + " does not start with '\\/Date(' and end with ')\\/' as required for JSON");
      }
    }
    return out;
  }

  /** Adds every member of {@code customer} beyond the contract to {@code seeded}, by kind. */
  static void learn(JsonNode customer, Map<String, Set<String>> seeded) {
    walk(customer, (kind, path, node) -> {
      if (kind.equals(NOT_AN_ARRAY) || !node.isObject()) {
        return;
      }
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!CONTRACT.get(kind).contains(member.getKey())) {
          seeded.computeIfAbsent(kind, k -> new HashSet<>()).add(member.getKey());
        }
      }
    });
  }

  private static void walk(JsonNode customer, Visit v) {
    v.at(CUSTOMER_KIND, "Customer", customer);
    if (!customer.isObject()) {
      return;
    }
    JsonNode companies = customer.get("Companies");
    each(v, COMPANY_KIND, "Customer.Companies", companies);
    if (companies != null && companies.isArray()) {
      for (int i = 0; i < companies.size(); i++) {
        JsonNode company = companies.get(i);
        if (!company.isObject()) {
          continue;
        }
        String path = "Customer.Companies[" + i + "]";
        each(v, ADDRESS_KIND, path + ".DeliveryAddresses", company.get("DeliveryAddresses"));
        single(v, ADDRESS_KIND, path + ".InvoiceAddress", company.get("InvoiceAddress"));
        each(v, ID_VALUE_KIND, path + ".Info", company.get("Info"));
        each(v, FLAG_KIND, path + ".Flags", company.get("Flags"));
      }
    }
    each(v, ADDRESS_KIND, "Customer.DeliveryAddresses", customer.get("DeliveryAddresses"));
    single(v, ADDRESS_KIND, "Customer.InvoiceAddress", customer.get("InvoiceAddress"));
    each(v, FLAG_KIND, "Customer.Flags", customer.get("Flags"));
    each(v, ID_VALUE_KIND, "Customer.Info", customer.get("Info"));
    JsonNode account = customer.get("Account");
    single(v, ACCOUNT_KIND, "Customer.Account", account);
    if (account != null && account.isObject()) {
      each(v, ID_VALUE_KIND, "Customer.Account.Authorizations", account.get("Authorizations"));
    }
  }

  private static void single(Visit v, String kind, String path, JsonNode node) {
    if (node != null && !node.isNull()) {
      v.at(kind, path, node);
    }
  }

  private static void each(Visit v, String kind, String path, JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isArray()) {
      v.at(NOT_AN_ARRAY, path, node);
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      v.at(kind, path + "[" + i + "]", node.get(i));
    }
  }
}
