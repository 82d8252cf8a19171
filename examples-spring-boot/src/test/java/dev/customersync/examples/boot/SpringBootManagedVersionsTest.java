package dev.customersync.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.examples.Demo;
import kotlin.KotlinVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Compatibility: on Spring Boot 3.5's managed versions (this module imports its BOM), the versions
 * really are Boot's, and the plain examples run against the fakes on them.
 */
class SpringBootManagedVersionsTest {

  @Test
  void jacksonIsSpringBoot35sLine() {
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).startsWith("2.19.");
  }

  @Test
  void kotlinStdlibIsSpringBoot35sLine() {
    // OkHttp 5 brings the Kotlin stdlib; Boot 3.5 manages it at 1.9.
    assertThat(KotlinVersion.CURRENT.toString()).startsWith("1.9.");
  }

  @Test
  void theDemoRunsAgainstTheFakesOnThoseVersions() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      Demo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("(embedded fake, no credentials set)").doesNotContain("FAILED").endsWith("demo finished\n");
  }
}
