package dev.customersync.examples;

import java.io.PrintStream;

/**
 * The README's first command: runs {@link QuickStart}, {@link SyncFile} (on the bundled sample
 * file) and {@link ActivateArticle} in one JVM, against the embedded fake vendors unless vendor
 * credentials are set in the environment.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) {
    try (ExampleVendors vendors = ExampleVendors.start(System.getenv(), System.out)) {
      run(vendors, System.out);
    }
  }

  static void run(ExampleVendors vendors, PrintStream out) {
    out.println("customer-sync demo");
    out.println("==================");
    QuickStart.run(vendors, out);
    out.println();
    SyncFile.run(vendors, new String[] {"--report", System.getProperty("java.io.tmpdir") + "/customer-sync-demo-failures.jsonl"}, out);
    out.println();
    ActivateArticle.run(vendors, out);
    out.println();
    out.println("demo finished");
  }
}
