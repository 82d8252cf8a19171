package dev.customersync.billbee;

import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.Violations;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Checks Billbee customer ids before they go into a URL. Billbee's ids are positive int64 numbers
 * (e.g. {@code 100000150176895}); anything else, such as {@code 12/../orders}, {@code abc}, {@code
 * -1} or {@code 007}, is refused so that no request is ever built from it.
 */
final class BillbeeIds {

  static final String RULE = "must be a Billbee customer id: a positive whole number up to "
      + Long.MAX_VALUE + ", digits only, without sign, spaces or leading zeros";

  private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,18}");

  private BillbeeIds() {}

  /** The id as a number, or empty after recording a violation on {@code field}. */
  static OptionalLong parse(String field, String id, Violations violations) {
    if (id == null || !CANONICAL.matcher(id).matches()) {
      violations.add(field, RULE, id);
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(id));
    } catch (NumberFormatException beyondInt64) {
      violations.add(field, RULE, id);
      return OptionalLong.empty();
    }
  }

  /** Throws unless {@code id} is a positive number. */
  static void check(String field, long id) {
    if (id <= 0) {
      throw new CustomerValidationException(field, RULE, Long.toString(id));
    }
  }
}
