package dev.customersync.bokamera;

import dev.customersync.core.Violations;
import java.util.UUID;

/** Checks ids before they go into a URL, so that bad input never reaches BokaMera. */
final class BokaMeraIds {

  // UUID.fromString alone accepts "1-2-3-4-5"; BokaMera ids are always the full 8-4-4-4-12 form of
  // ASCII hex digits, checked by hand (a regex here cost 5 % of an update).
  private static final int GUID_LENGTH = 36;

  private BokaMeraIds() {}

  /** The customer id as a UUID, or null after recording why it is not one. */
  static UUID customerId(String raw, Violations violations) {
    if (raw == null) {
      violations.add("customerId", "is required: the BokaMera customer GUID", null);
      return null;
    }
    if (!isGuid(raw)) {
      violations.add("customerId",
          "must be a BokaMera customer GUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6, without spaces or braces", raw);
      return null;
    }
    return UUID.fromString(raw);
  }

  /** Checks a customer article id (BokaMera numbers them from 1). */
  static void customerArticleId(int id, Violations violations) {
    if (id < 1) {
      violations.add("customerArticleId", "must be a positive BokaMera customer article id", Integer.toString(id));
    }
  }

  /** Whether {@code s} is a GUID in the full 8-4-4-4-12 form of ASCII hex digits, in either case. */
  static boolean isGuid(String s) {
    if (s.length() != GUID_LENGTH) {
      return false;
    }
    for (int i = 0; i < GUID_LENGTH; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }
}
