package dev.customersync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * tests. It also refuses ISO dates, which WCF's {@code DateTime} reader rejects.
 */
final class FakeStormSchema {

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

  private static final Pattern WCF_DATE = Pattern.compile("^/Date\\(-?\\d+(?:[+-]\\d{4})?\\)/$");

  private FakeStormSchema() {}

  /** Every problem with the body's shape: unknown members (with their path) and non-WCF dates. */
  static List<String> problems(JsonNode customer) {
    List<String> out = new ArrayList<>();
    object(out, "Customer", customer, CUSTOMER);
    each(out, "Customer.Companies", customer.get("Companies"), COMPANY);
    JsonNode companies = customer.get("Companies");
    if (companies != null && companies.isArray()) {
      for (int i = 0; i < companies.size(); i++) {
        String path = "Customer.Companies[" + i + "]";
        each(out, path + ".DeliveryAddresses", companies.get(i).get("DeliveryAddresses"), ADDRESS);
        single(out, path + ".InvoiceAddress", companies.get(i).get("InvoiceAddress"), ADDRESS);
        each(out, path + ".Info", companies.get(i).get("Info"), ID_VALUE);
        each(out, path + ".Flags", companies.get(i).get("Flags"), FLAG);
      }
    }
    each(out, "Customer.DeliveryAddresses", customer.get("DeliveryAddresses"), ADDRESS);
    single(out, "Customer.InvoiceAddress", customer.get("InvoiceAddress"), ADDRESS);
    each(out, "Customer.Flags", customer.get("Flags"), FLAG);
    each(out, "Customer.Info", customer.get("Info"), ID_VALUE);
    JsonNode account = customer.get("Account");
    single(out, "Customer.Account", account, ACCOUNT);
    if (account != null && account.isObject()) {
      each(out, "Customer.Account.Authorizations", account.get("Authorizations"), ID_VALUE);
    }
    for (String date : List.of("Created", "Updated")) {
      JsonNode d = customer.get(date);
      if (d != null && !d.isNull() && !(d.isTextual() && WCF_DATE.matcher(d.asText()).matches())) {
        out.add("DateTime content '" + d.asText() + "' of Customer." + date
            + " does not start with '\\/Date(' and end with ')\\/' as required for JSON");
      }
    }
    return out;
  }

  private static void single(List<String> out, String path, JsonNode node, Set<String> known) {
    if (node != null && !node.isNull()) {
      object(out, path, node, known);
    }
  }

  private static void each(List<String> out, String path, JsonNode node, Set<String> known) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isArray()) {
      out.add(path + " must be a JSON array");
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      object(out, path + "[" + i + "]", node.get(i), known);
    }
  }

  private static void object(List<String> out, String path, JsonNode node, Set<String> known) {
    if (!node.isObject()) {
      out.add(path + " must be a JSON object");
      return;
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String name = member.getKey();
      if (!known.contains(name)) {
        out.add("unknown member '" + name + "' in " + path + " (Storm would silently ignore it)");
      }
    }
  }
}
