package dev.customersync.core.spi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which neutral fields a client has already warned about, so that listeners and logs
 * hear of a field the vendor cannot hold once per client, not on every update: a bulk run of
 * 10,000 customers with {@code newsletterSubscribed} set at Storm used to log 10,000 identical
 * warnings, and the one that mattered was lost among them. {@code UpdateResult.warnings()} still
 * lists them on every update: that is the answer to the caller's own call.
 *
 * <p>A warning is keyed by its field, the text before its first {@code ':'} (every vendor mapper
 * starts its warnings with the field, e.g. {@code "newsletterSubscribed: …"}). Thread-safe; share
 * one per client between all its updaters.
 */
public final class WarnOnce {

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /** A memory of no warnings yet. */
  public WarnOnce() {}

  /**
   * Whether {@code warning} is the first of its field.
   *
   * @param warning a mapper's warning, {@code "<field>: <why>"}
   * @return true the first time a field is seen, false after
   */
  public boolean first(String warning) {
    int colon = warning.indexOf(':');
    return reported.add(colon < 0 ? warning : warning.substring(0, colon));
  }
}
