package dev.customersync.core.spi;

/**
 * Checks values before they go into HTTP headers. OkHttp's own error for a character a header
 * cannot carry quotes the whole value, and header values here are often secrets (API keys,
 * tokens, Basic credentials), so the check happens first and names only the setting and position.
 */
public final class HeaderValues {

  private HeaderValues() {}

  /**
   * Refuses a value with a control character (other than tab) or a non-ASCII character.
   *
   * @param setting what the value is, for the message (e.g. {@code "header x-language"})
   * @param value the value to check
   * @return {@code value}
   * @throws IllegalArgumentException naming {@code setting} and the position, never the value
   */
  public static String requireValid(String setting, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c >= 0x7f) {
        throw new IllegalArgumentException(setting + " has a character HTTP headers cannot carry at index " + i
            + " (value not shown)");
      }
    }
    return value;
  }

  /**
   * Refuses a credential (API key, token, user name) with any whitespace, control or non-ASCII
   * character: a stray space or line break from a copied secret is the usual cause, and the vendor
   * would answer it with a bare 401.
   *
   * @param setting what the value is, for the message (e.g. {@code "apiKey"})
   * @param value the credential to check
   * @return {@code value}
   * @throws IllegalArgumentException naming {@code setting} and the position, never the value
   */
  public static String requireCredential(String setting, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException(setting + " contains a character that cannot be sent in an HTTP header"
            + " (position " + i + "); check for stray spaces or line breaks");
      }
    }
    return value;
  }
}
