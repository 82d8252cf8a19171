package dev.customersync.boot.autoconfigure;

/**
 * A vendor is configured ({@code customersync.<vendor>.*} is set) but lacks a credential; {@link
 * #getMessage()} names the property, and {@link CustomerSyncFailureAnalyzer} turns it into Boot's
 * startup report. Never carries a value, only property names.
 */
public final class MissingCredentialException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The property that is missing, e.g. {@code customersync.billbee.api-password}. */
  private final String property;
  /** The vendor whose client could not be made. */
  private final String vendor;

  MissingCredentialException(String vendor, String property, String why) {
    super("`" + property + "` is missing: " + why);
    this.vendor = vendor;
    this.property = property;
  }

  /** {@return the missing property, e.g. {@code customersync.billbee.api-password}} */
  public String property() {
    return property;
  }

  /** {@return the vendor's property group, e.g. {@code customersync.billbee}} */
  public String vendor() {
    return vendor;
  }
}
