package dev.customersync.examples;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import java.io.PrintStream;

/**
 * Updates one customer at each vendor through the neutral model: a new phone number and a
 * newsletter opt-in, nothing else. Every other field keeps the vendor's value.
 *
 * <p>Runs against the real vendors whose credentials are set (see the README) and against embedded
 * fakes otherwise: {@code mvn -B -q -Pdemo -pl examples -am -DskipTests verify
 * -Ddemo.main=dev.customersync.examples.QuickStart}.
 */
public final class QuickStart {

  private QuickStart() {}

  public static void main(String[] args) {
    try (ExampleVendors vendors = ExampleVendors.start(System.getenv(), System.out)) {
      run(vendors, System.out);
    }
  }

  static void run(ExampleVendors vendors, PrintStream out) {
    Customer change = Customer.builder()
        .phone("+46 70 123 45 67")
        .newsletterSubscribed(true)
        .build();
    out.println("QuickStart: set phone +46 70 123 45 67 and newsletter opt-in at every vendor");
    for (CustomerUpdater updater : vendors.updaters()) {
      String vendor = updater.vendor();
      String id = vendors.quickStartCustomerId(vendor);
      out.println();
      out.println("== " + vendors.describe(vendor) + ", customer " + id);
      try {
        UpdateResult result = updater.update(id, change);
        vendors.lastWriteSent(vendor).ifPresent(sent -> out.println("sent: " + sent));
        out.println("attempts: " + result.attempts());
        result.warnings().forEach(w -> out.println("warning: " + w));
        out.println("now held as (neutral): " + result.customer());
        out.println("now held by " + vendor + ": " + vendors.heldByVendor(vendor, id));
      } catch (CustomerSyncException e) {
        out.println("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
