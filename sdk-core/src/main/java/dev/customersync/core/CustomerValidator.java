package dev.customersync.core;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The neutral model's rules. Vendor-specific limits live in each vendor module. */
final class CustomerValidator {

  // Generous limits: they catch garbage (a pasted document, a runaway loop) without guessing any
  // vendor's column size; vendor modules enforce their own, tighter limits.
  static final int MAX_NAME = 100;
  static final int MAX_EMAIL = 254; // RFC 5321 path limit
  static final int MAX_PHONE = 50;
  static final int MAX_COMPANY = 200;
  static final int MAX_CODE = 100;
  static final int MAX_ADDRESS_LINE = 200;
  static final int MAX_POSTAL_CODE = 20;
  static final int MAX_LANGUAGE_TAG = 35;
  static final int MAX_CUSTOM_KEY = 100;
  static final int MAX_CUSTOM_VALUE = 4000;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private CustomerValidator() {}

  static List<Violation> violationsOf(Customer c) {
    Violations v = new Violations();
    text(v, "firstName", c.firstName(), MAX_NAME);
    text(v, "lastName", c.lastName(), MAX_NAME);
    text(v, "email", c.email(), MAX_EMAIL);
    c.email().filter(e -> !e.isEmpty() && isText(e) && !ContactSyntax.isEmail(e))
        .ifPresent(e -> v.add("email", "must be an e-mail address like name@example.com", e));
    phone(v, "phone", c.phone());
    phone(v, "mobilePhone", c.mobilePhone());
    text(v, "companyName", c.companyName(), MAX_COMPANY);
    text(v, "organizationNumber", c.organizationNumber(), MAX_CODE);
    text(v, "vatId", c.vatId(), MAX_CODE);
    c.invoiceAddress().ifPresent(a -> address(v, "invoiceAddress", a));
    c.deliveryAddresses().ifPresent(list -> {
      for (int i = 0; i < list.size(); i++) {
        address(v, "deliveryAddresses[" + i + "]", list.get(i));
      }
    });
    text(v, "externalCode", c.externalCode(), MAX_CODE);
    c.languageTag().ifPresent(tag -> languageTag(v, tag));
    for (Map.Entry<String, String> e : c.customFields().entrySet()) {
      String path = "customFields[" + e.getKey() + "]";
      if (e.getKey().isBlank()) {
        v.add("customFields", "keys must not be blank", e.getKey());
      }
      text(v, path + ".key", Optional.of(e.getKey()), MAX_CUSTOM_KEY);
      text(v, path, Optional.of(e.getValue()), MAX_CUSTOM_VALUE);
    }
    return v.list();
  }

  static List<Violation> violationsOf(Address a, String path) {
    Violations v = new Violations();
    address(v, path, a);
    return v.list();
  }

  private static void address(Violations v, String path, Address a) {
    text(v, path + ".careOf", a.careOf(), MAX_ADDRESS_LINE);
    text(v, path + ".line1", a.line1(), MAX_ADDRESS_LINE);
    text(v, path + ".line2", a.line2(), MAX_ADDRESS_LINE);
    text(v, path + ".postalCode", a.postalCode(), MAX_POSTAL_CODE);
    text(v, path + ".city", a.city(), MAX_NAME);
    text(v, path + ".region", a.region(), MAX_NAME);
    a.countryCode().ifPresent(cc -> {
      if (!cc.isEmpty() && !COUNTRIES.contains(cc)) {
        v.add(path + ".countryCode", "must be an ISO 3166-1 alpha-2 code in upper case, like SE", cc);
      }
    });
  }

  private static void phone(Violations v, String field, Optional<String> value) {
    text(v, field, value, MAX_PHONE);
    value.filter(p -> !p.isEmpty() && isText(p) && !ContactSyntax.isPhone(p))
        .ifPresent(p -> v.add(field, "must be digits with an optional leading + and spaces, ( ) . / -", p));
  }

  private static void languageTag(Violations v, String tag) {
    text(v, "languageTag", Optional.of(tag), MAX_LANGUAGE_TAG);
    if (tag.isEmpty() || !isText(tag)) {
      return;
    }
    try {
      new Locale.Builder().setLanguageTag(tag);
    } catch (IllformedLocaleException e) {
      v.add("languageTag", "must be a well-formed BCP 47 language tag like sv-SE", tag);
    }
  }

  /** Control characters and broken UTF-16 cannot be sent as JSON text faithfully. */
  private static void text(Violations v, String field, Optional<String> value, int max) {
    if (value.isEmpty()) {
      return;
    }
    String s = value.get();
    int bad = firstBadChar(s);
    if (bad >= 0) {
      String what = Character.isSurrogate(s.charAt(bad)) ? "unpaired surrogate" : "control character";
      v.add(field, "must not contain a " + what + " (U+" + String.format("%04X", (int) s.charAt(bad))
          + " at index " + bad + ")", s);
    }
    v.maxLength(field, s, max);
  }

  private static boolean isText(String s) {
    return firstBadChar(s) < 0;
  }

  private static int firstBadChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
