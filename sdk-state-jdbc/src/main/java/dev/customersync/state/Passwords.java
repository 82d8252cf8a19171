package dev.customersync.state;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Masks passwords in JDBC URLs and in driver messages that may quote one. */
final class Passwords {

  /** {@code password=…} as a URL query parameter ({@code ?&}) or an H2 setting ({@code ;}). */
  private static final Pattern PARAMETER =
      Pattern.compile("(?i)([?&;][^=&;?/]*password[^=&;?/]*=)[^&;]*");

  /** {@code //user:password@host}, which some drivers accept. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]*:)[^/@?;]*@");

  private Passwords() {}

  static String redact(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String masked = PARAMETER.matcher(text).replaceAll("$1****");
    return USER_INFO.matcher(masked).replaceAll("$1****@");
  }
}
