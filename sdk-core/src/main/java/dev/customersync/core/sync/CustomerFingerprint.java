package dev.customersync.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.json.CustomerJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A fingerprint of a neutral {@link Customer}: SHA-256 over its fields in one canonical form, so two
 * customers that set the same fields to the same values have the same fingerprint whatever order
 * they were built in, and any difference (a field set or unset, a value, a custom field) changes it.
 * A {@link SyncStateStore} keeps it to tell an unchanged customer without asking the vendor.
 */
public final class CustomerFingerprint {

  /** Changes whenever the canonical form does, so state written by another form never matches. */
  private static final String VERSION = "v1:";

  private CustomerFingerprint() {}

  /**
   * {@return the fingerprint of {@code customer}, as {@code v1:} and 64 hex digits}
   *
   * @param customer the neutral customer
   */
  public static String of(Customer customer) {
    ObjectNode json = CustomerJson.write(customer);
    if (json.has("customFields")) {
      // The builder keeps custom fields in insertion order; the fingerprint must not.
      TreeMap<String, String> sorted = new TreeMap<>(customer.customFields());
      ObjectNode cf = json.putObject("customFields");
      sorted.forEach(cf::put);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
      return VERSION + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
