package dev.customersync.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} every request carries unless the application sets its own:
 * {@code customer-sync/<version> (<vendor>) Java/<version>}. Vendors' support desks and logs can
 * then tell this SDK's calls, and which release made them, from any other client's.
 */
public final class UserAgent {

  /**
   * This SDK's version, read from the jar ({@code unknown} when run from unpackaged classes without
   * it).
   */
  public static final String SDK_VERSION = readVersion();

  private UserAgent() {}

  /**
   * {@return the default value for {@code vendor}'s requests, e.g. {@code customer-sync/0.1.0
   * (billbee) Java/17.0.15}}
   *
   * @param vendor the vendor's short name
   */
  public static String forVendor(String vendor) {
    return "customer-sync/" + SDK_VERSION + " (" + vendor + ") Java/" + System.getProperty("java.version");
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/dev/customersync/core/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // An unfiltered resource (an IDE build) still holds the placeholder.
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
