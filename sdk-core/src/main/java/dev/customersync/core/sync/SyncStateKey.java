package dev.customersync.core.sync;

import dev.customersync.core.MatchKey;
import java.util.Objects;

/**
 * What a {@link SyncStateStore} remembers a customer under: the vendor, the vendor account's
 * fingerprint ({@link dev.customersync.core.CustomerDirectory#accountFingerprint()}), and the key
 * the sync knows the customer by: its vendor id ({@code kind} {@value #ID}) or a {@link MatchKey}
 * ({@code kind} {@code email} or {@code externalCode}, the value normalized).
 *
 * @param vendor the vendor's short name
 * @param account the vendor account's fingerprint
 * @param kind {@value #ID}, or the {@link MatchKey#field()} of the match key
 * @param value the vendor id, or the match key's normalized value
 */
public record SyncStateKey(String vendor, String account, String kind, String value) {

  /** The {@link #kind()} of a key that is the vendor's own id. */
  public static final String ID = "id";

  /**
   * Checks that no part is null.
   *
   * @param vendor the vendor's short name
   * @param account the vendor account's fingerprint
   * @param kind {@value #ID}, or the {@link MatchKey#field()} of the match key
   * @param value the vendor id, or the match key's normalized value
   */
  public SyncStateKey {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /**
   * {@return the key of a customer known by a match key}
   *
   * @param vendor the vendor's short name
   * @param account the vendor account's fingerprint
   * @param key the match key
   * @param value its normalized value
   */
  public static SyncStateKey of(String vendor, String account, MatchKey key, String value) {
    return new SyncStateKey(vendor, account, key.field(), value);
  }

  /**
   * {@return the key of a customer known by its vendor id}
   *
   * @param vendor the vendor's short name
   * @param account the vendor account's fingerprint
   * @param customerId the vendor's id
   */
  public static SyncStateKey ofId(String vendor, String account, String customerId) {
    return new SyncStateKey(vendor, account, ID, customerId);
  }

  /** The parts, with the value masked: an e-mail address is personal data. */
  @Override
  public String toString() {
    return "SyncStateKey[" + vendor + ", " + account + ", " + kind + "=" + (ID.equals(kind) ? value : "****") + "]";
  }
}
