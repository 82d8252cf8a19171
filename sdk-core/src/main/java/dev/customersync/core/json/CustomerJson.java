package dev.customersync.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The neutral model as JSON, for sync reports and customer files: field names as in {@link
 * Customer} ({@code firstName}, {@code invoiceAddress.countryCode}, ...). An unset field is left out,
 * so set-versus-unset survives a round trip; unknown properties are ignored.
 */
public final class CustomerJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CustomerJson() {}

  /**
   * {@return {@code c} as a JSON object, with only the fields that are set}
   *
   * @param c the customer
   */
  public static ObjectNode write(Customer c) {
    ObjectNode o = NODES.objectNode();
    put(o, "firstName", c.firstName());
    put(o, "lastName", c.lastName());
    put(o, "email", c.email());
    put(o, "phone", c.phone());
    put(o, "mobilePhone", c.mobilePhone());
    put(o, "companyName", c.companyName());
    put(o, "organizationNumber", c.organizationNumber());
    put(o, "vatId", c.vatId());
    c.invoiceAddress().ifPresent(a -> o.set("invoiceAddress", write(a)));
    c.deliveryAddresses().ifPresent(list -> {
      ArrayNode arr = o.putArray("deliveryAddresses");
      list.forEach(a -> arr.add(write(a)));
    });
    c.newsletterSubscribed().ifPresent(b -> o.put("newsletterSubscribed", b));
    put(o, "externalCode", c.externalCode());
    put(o, "languageTag", c.languageTag());
    if (!c.customFields().isEmpty()) {
      ObjectNode cf = o.putObject("customFields");
      c.customFields().forEach(cf::put);
    }
    c.active().ifPresent(b -> o.put("active", b));
    return o;
  }

  /**
   * {@return {@code a} as a JSON object, with only the fields that are set}
   *
   * @param a the address
   */
  public static ObjectNode write(Address a) {
    ObjectNode o = NODES.objectNode();
    put(o, "careOf", a.careOf());
    put(o, "line1", a.line1());
    put(o, "line2", a.line2());
    put(o, "postalCode", a.postalCode());
    put(o, "city", a.city());
    put(o, "region", a.region());
    put(o, "countryCode", a.countryCode());
    return o;
  }

  /**
   * Reads a customer written by {@link #write(Customer)} (or by hand in the same shape).
   *
   * @param json a JSON object
   * @return the customer it describes
   * @throws IllegalArgumentException when {@code json} is not an object or a field has the wrong type
   */
  public static Customer read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a customer must be a JSON object");
    }
    Customer.Builder b = Customer.builder();
    text(json, "firstName", b::firstName);
    text(json, "lastName", b::lastName);
    text(json, "email", b::email);
    text(json, "phone", b::phone);
    text(json, "mobilePhone", b::mobilePhone);
    text(json, "companyName", b::companyName);
    text(json, "organizationNumber", b::organizationNumber);
    text(json, "vatId", b::vatId);
    if (json.hasNonNull("invoiceAddress")) {
      b.invoiceAddress(readAddress(json.get("invoiceAddress"), "invoiceAddress"));
    }
    if (json.hasNonNull("deliveryAddresses")) {
      JsonNode arr = json.get("deliveryAddresses");
      if (!arr.isArray()) {
        throw new IllegalArgumentException("deliveryAddresses must be an array");
      }
      List<Address> list = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        list.add(readAddress(arr.get(i), "deliveryAddresses[" + i + "]"));
      }
      b.deliveryAddresses(list);
    }
    bool(json, "newsletterSubscribed", b::newsletterSubscribed);
    text(json, "externalCode", b::externalCode);
    text(json, "languageTag", b::languageTag);
    if (json.hasNonNull("customFields")) {
      JsonNode cf = json.get("customFields");
      if (!cf.isObject()) {
        throw new IllegalArgumentException("customFields must be an object of strings");
      }
      for (Map.Entry<String, JsonNode> e : cf.properties()) {
        b.putCustomFields(e.getKey(), e.getValue().asText());
      }
    }
    bool(json, "active", b::active);
    return b.build();
  }

  private static Address readAddress(JsonNode json, String path) {
    if (!json.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    Address.Builder b = Address.builder();
    text(json, "careOf", b::careOf);
    text(json, "line1", b::line1);
    text(json, "line2", b::line2);
    text(json, "postalCode", b::postalCode);
    text(json, "city", b::city);
    text(json, "region", b::region);
    text(json, "countryCode", b::countryCode);
    return b.build();
  }

  private static void put(ObjectNode o, String name, Optional<String> value) {
    value.ifPresent(v -> o.put(name, v));
  }

  private static void text(JsonNode json, String name, Consumer<String> setter) {
    JsonNode v = json.get(name);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    setter.accept(v.asText());
  }

  private static void bool(JsonNode json, String name, Consumer<Boolean> setter) {
    JsonNode v = json.get(name);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(name + " must be true or false");
    }
    setter.accept(v.booleanValue());
  }
}
