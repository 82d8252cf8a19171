package dev.customersync.examples.boot;

import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.OutcomeListener;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.examples.CustomerFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Syncs the bundled {@code sample-customers.csv} to BokaMera, Billbee and Storm on start-up, with
 * every client made by the starter from {@code customersync.*} properties, then keeps serving
 * {@code /actuator/metrics} ({@code customersync.requests}, {@code customersync.sync.items}…).
 *
 * <p>No credentials needed: {@link EmbeddedFakes} starts the sdk-testkit fakes and points the
 * properties at them before the context starts; {@code --customersync.*} arguments or the
 * environment still override them (for a real vendor, leave its fake unused by setting its
 * properties).
 *
 * <pre>{@code
 * mvn -B -q -pl examples-spring-boot -am -DskipTests package
 * java -cp ... dev.customersync.examples.boot.CustomerSyncBootExample
 * curl localhost:8080/actuator/metrics/customersync.requests
 * }</pre>
 */
@SpringBootApplication
public class CustomerSyncBootExample {

  /** The report of the start-up sync, kept for whoever wants to look (the test does). */
  private volatile SyncReport lastReport;

  /**
   * Starts the fakes and the application.
   *
   * @param args Spring Boot arguments, e.g. {@code --server.port=0}
   */
  public static void main(String[] args) {
    start(args);
  }

  /**
   * Starts the fakes, then the application against them; closing the context stops the fakes.
   *
   * @param args Spring Boot arguments
   * @return the running application
   */
  public static ConfigurableApplicationContext start(String... args) {
    EmbeddedFakes fakes = EmbeddedFakes.start();
    SpringApplication app = new SpringApplication(CustomerSyncBootExample.class);
    app.setDefaultProperties(fakes.properties());
    app.addListeners(fakes);
    try {
      return app.run(args);
    } catch (RuntimeException e) {
      fakes.close();
      throw e;
    }
  }

  /** {@return the start-up sync's report, or null before it ran} */
  public SyncReport lastReport() {
    return lastReport;
  }

  /** The start-up sync: every line of the sample file to every vendor it links, outcomes counted. */
  @Bean
  ApplicationRunner syncSampleFileOnStartup(CustomerSync sync, ObjectProvider<OutcomeListener> outcomes) {
    return args -> {
      SyncOptions.Builder options = SyncOptions.builder();
      outcomes.ifAvailable(options::outcomeListener);
      SyncReport report = sync.syncAll(CustomerFile.read(bundledSample()), options.build());
      lastReport = report;
      System.out.println("start-up sync: " + report);
    };
  }

  private static Path bundledSample() {
    try (InputStream in = CustomerFile.class.getResourceAsStream("/dev/customersync/cli/sample-customers.csv")) {
      if (in == null) {
        throw new IllegalStateException("sample-customers.csv is not on the class path (the customer-sync-cli jar has it)");
      }
      Path tmp = Files.createTempFile("sample-customers", ".csv");
      tmp.toFile().deleteOnExit();
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
