package dev.customersync.micrometer;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a metrics failure (a meter registered elsewhere with another type, a handler that throws)
 * out of the call it observes: the first is logged at WARNING, later ones at DEBUG, so a broken
 * registry cannot flood the log at one line per request.
 */
final class ListenerFailures {

  private static final System.Logger LOG = System.getLogger("dev.customersync.micrometer");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private ListenerFailures() {}

  static void ignored(String where, RuntimeException e) {
    Level level = WARNED.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
    LOG.log(level, () -> "customer-sync metrics: " + where + " failed and was skipped: " + e.getClass().getName()
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
  }
}
