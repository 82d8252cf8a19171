package dev.customersync.boot.autoconfigure;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks the {@code customersync.*} secrets in {@code /actuator/configprops} and {@code /actuator/env}
 * even when an application shows values ({@code management.endpoint.configprops.show-values}):
 * Boot applies {@code SanitizingFunction} beans to every value it would show. Only with Boot's
 * actuator on the class path.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class CustomerSyncSanitizingAutoConfiguration {

  /** Key endings that hold a secret, in Boot's kebab-case form. */
  static final List<String> SECRET_SUFFIXES = List.of("api-key", "api-password", "password", "secret", "access-token");

  /** Created by Spring. */
  CustomerSyncSanitizingAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "customerSyncSanitizingFunction")
  SanitizingFunction customerSyncSanitizingFunction() {
    return CustomerSyncSanitizingAutoConfiguration::sanitize;
  }

  static SanitizableData sanitize(SanitizableData data) {
    return isSecret(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
  }

  /**
   * Whether {@code key} is a {@code customersync} secret: configprops gives the canonical {@code
   * customersync.billbee.api-password}, the env endpoint any form ({@code
   * CUSTOMERSYNC_BILLBEE_APIPASSWORD}, {@code customersync.billbee.apiPassword}), so both are
   * compared without case and separators.
   */
  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    if (!k.startsWith("customersync")) {
      return false;
    }
    for (String suffix : SECRET_SUFFIXES) {
      if (k.endsWith(suffix.replace("-", ""))) {
        return true;
      }
    }
    return false;
  }
}
