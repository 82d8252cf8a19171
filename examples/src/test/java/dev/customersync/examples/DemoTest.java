package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTest {

  private static String runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    // No credentials in this environment: every vendor must come up as an embedded fake.
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      Demo.run(vendors, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demoRunsEveryExampleAgainstEveryFakeVendorWithoutAFailure() {
    String output = runDemo();

    for (String vendor : new String[] {"bokamera", "billbee", "storm"}) {
      assertThat(output).contains("== " + vendor + " (embedded fake, no credentials set)");
      assertThat(output).contains("now held by " + vendor + ":");
      // Each of the three sample customers is written, or found already holding every value.
      java.util.regex.Matcher counts = java.util.regex.Pattern
          .compile("(?m)^  " + vendor + ": (\\d+) updated, (\\d+) unchanged, 0 failed$").matcher(output);
      assertThat(counts.find()).as(vendor + " counts in:%n%s", output).isTrue();
      assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).as(vendor).isEqualTo(3);
    }
    assertThat(output).contains("sent: PUT /customers/6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b01");
    assertThat(output).contains("sent: POST /api/1.1/CustomerService.svc/rest/UpdateCustomer");
    assertThat(output).contains("sent: PUT /api/v1/customers/100000150176895");
    assertThat(output).contains("\"Phone\" : \"+46 70 123 45 67\"");
    assertThat(output).contains("bokamera now holds article 1 with status Active(4)");
    assertThat(output).doesNotContain("failed:").doesNotContain("FAILED").endsWith("demo finished\n");
  }

  @Test
  void demoOutputCarriesNoSecretOfTheFakes() {
    String output = runDemo();

    assertThat(output).doesNotContain("demo-password").doesNotContain("fake-storm-client-secret")
        .doesNotContain("fake-billbee-api-key").doesNotContain("fake-billbee-api-password")
        .doesNotContain("Bearer ").doesNotContain("fake-access-");
  }
}
