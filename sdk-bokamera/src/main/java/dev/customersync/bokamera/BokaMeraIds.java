package dev.customersync.bokamera;

import dev.customersync.core.Violations;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks ids before they go into a URL, so that bad input never reaches BokaMera. */
final class BokaMeraIds {

  // UUID.fromString alone accepts "1-2-3-4-5"; BokaMera ids are always the full 8-4-4-4-12 form.
  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private BokaMeraIds() {}

  /** The customer id as a UUID, or null after recording why it is not one. */
  static UUID customerId(String raw, Violations violations) {
    if (raw == null) {
      violations.add("customerId", "is required: the BokaMera customer GUID", null);
      return null;
    }
    if (!GUID.matcher(raw).matches()) {
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
}
