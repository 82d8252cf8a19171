package dev.customersync.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A vendor client's connection settings as named text values ({@code baseUrl}, {@code apiKey},
 * {@code clientId}…), for the vendor builders' {@code settings(ClientSettings)}.
 *
 * <p>Why named values and not a typed object: the party that knows the values (a fake vendor in the
 * testkit, a properties file) must not depend on the vendor module that reads them, and the vendor
 * module must not depend on it. Each vendor builder documents the names it accepts and refuses
 * settings for another vendor and names it does not know, listing the ones it does, so a typo fails
 * when the client is built, not on the first call.
 *
 * <p>Values marked secret are masked in {@link #toString()}. Immutable.
 */
public final class ClientSettings {

  private final String vendor;
  private final Map<String, String> values;
  private final Set<String> secrets;

  private ClientSettings(Builder b) {
    this.vendor = b.vendor;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    this.secrets = Set.copyOf(b.secrets);
  }

  /**
   * Starts settings for one vendor.
   *
   * @param vendor the vendor's name as its client names it, e.g. {@code billbee}; compared ignoring case
   * @return a builder with no value set
   */
  public static Builder builder(String vendor) {
    return new Builder(vendor);
  }

  /** {@return the vendor these settings are for, in lower case} */
  public String vendor() {
    return vendor;
  }

  /** {@return every setting's name, in the order they were set} */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * Looks up one setting.
   *
   * @param name the setting's name, e.g. {@code baseUrl}
   * @return its value, or empty when it is not set
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * Checks that these settings are for {@code expectedVendor} and name only settings it knows.
   *
   * @param expectedVendor the vendor of the builder reading the settings
   * @param known the names that builder accepts
   * @throws IllegalArgumentException naming the vendor or the unknown settings and the accepted ones
   */
  public void requireFor(String expectedVendor, Set<String> known) {
    if (!vendor.equals(expectedVendor.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("these settings are for " + vendor + ", not " + expectedVendor);
    }
    Set<String> unknown = new LinkedHashSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(expectedVendor + " has no setting " + unknown + "; it takes "
          + new java.util.TreeSet<>(known));
    }
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "ClientSettings{vendor=" + vendor + ", ", "}");
    values.forEach((k, v) -> out.add(k + "=" + (secrets.contains(k) ? "****" : v)));
    return out.toString();
  }

  /** Collects settings; not thread-safe. */
  public static final class Builder {
    private final String vendor;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    private Builder(String vendor) {
      Objects.requireNonNull(vendor, "vendor");
      if (vendor.isBlank()) {
        throw new IllegalArgumentException("vendor must not be blank");
      }
      this.vendor = vendor.toLowerCase(Locale.ROOT);
    }

    /**
     * Sets a value shown in {@link ClientSettings#toString()}.
     *
     * @param name the setting's name, e.g. {@code baseUrl}
     * @param value its value
     * @return this builder
     */
    public Builder put(String name, String value) {
      values.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
      secrets.remove(name);
      return this;
    }

    /**
     * Sets a value masked in {@link ClientSettings#toString()}: a password, key or client secret.
     *
     * @param name the setting's name, e.g. {@code apiPassword}
     * @param value its value
     * @return this builder
     */
    public Builder putSecret(String name, String value) {
      put(name, value);
      secrets.add(name);
      return this;
    }

    /** {@return the settings} */
    public ClientSettings build() {
      return new ClientSettings(this);
    }
  }
}
