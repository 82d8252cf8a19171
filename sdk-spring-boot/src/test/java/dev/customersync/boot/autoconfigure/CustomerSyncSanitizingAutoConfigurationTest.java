package dev.customersync.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Secrets stay masked in actuator's configprops and env even when values are shown. */
class CustomerSyncSanitizingAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CustomerSyncSanitizingAutoConfiguration.class));

  @Test
  void whenValuesAreShownThenCustomerSyncSecretsAreStillMasked() {
    runner.run(context -> {
      // Boot's actuator builds its Sanitizer from every SanitizingFunction bean, as here.
      Sanitizer sanitizer = new Sanitizer(List.copyOf(context.getBeansOfType(SanitizingFunction.class).values()));
      for (String key : List.of("customersync.billbee.api-key", "customersync.billbee.api-password",
          "customersync.bokamera.password", "customersync.bokamera.access-token", "customersync.storm.client-secret",
          "customersync.storm.access-token", "CUSTOMERSYNC_BILLBEE_APIPASSWORD", "customersync.storm.clientSecret")) {
        assertThat(sanitizer.sanitize(new SanitizableData(null, key, "s3cr3t"), true)).as(key).isEqualTo("******");
      }
      for (String key : List.of("customersync.billbee.username", "customersync.storm.base-url",
          "customersync.storm.client-id", "other.api-key")) {
        assertThat(sanitizer.sanitize(new SanitizableData(null, key, "plain"), true)).as(key).isEqualTo("plain");
      }
    });
  }

  @Test
  void whenActuatorIsAbsentThenThereIsNoSanitizingFunction() {
    runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("customerSyncSanitizingFunction"));
  }
}
