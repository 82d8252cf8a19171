package dev.customersync.core;

/**
 * No customer at the vendor carries the match key a sync looked up, and the sync was not asked to
 * create missing customers ({@code SyncOptions.createMissing}); nothing was written. The key's value
 * is not in the message (an e-mail address is personal data).
 */
public class NoMatchException extends CustomerSyncException {

  /** The vendor's name. */
  private final String vendor;
  /** The key nothing matched. */
  private final MatchKey key;

  /**
   * @param vendor the vendor's name
   * @param key the key nothing matched
   */
  public NoMatchException(String vendor, MatchKey key) {
    super("no " + vendor + " customer has this " + key.field() + "; nothing was written (to create missing customers,"
        + " set SyncOptions.createMissing(true))");
    this.vendor = vendor;
    this.key = key;
  }

  /** {@return the vendor's name} */
  public String vendor() {
    return vendor;
  }

  /** {@return the key nothing matched} */
  public MatchKey key() {
    return key;
  }
}
