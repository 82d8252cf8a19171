package dev.customersync.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration processor wrote IDE metadata with each key's Javadoc. */
class CustomerSyncPropertiesMetadataTest {

  @Test
  void whenTheModuleIsBuiltThenEveryVendorKeyHasMetadataWithADescription() throws IOException {
    String json;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json).contains("\"customersync.billbee.api-password\"", "\"customersync.billbee.language-ids\"",
        "\"customersync.bokamera.access-token\"", "\"customersync.bokamera.company-id\"",
        "\"customersync.storm.client-secret\"", "\"customersync.storm.token-refresh-ahead\"",
        "\"customersync.billbee.timeouts.connect\"", "\"customersync.storm.retry.max-attempts\"",
        "\"customersync.bokamera.call-deadline\"",
        "\"customersync.sync.default-concurrency\"",
        "User's API password (set in Billbee's settings, not the login password). Required.",
        "\"java.time.Duration\"");
  }
}
