package dev.customersync.boot.autoconfigure;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.CustomerUpdater;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link BillbeeClient} bean from {@code customersync.billbee.*} when the Billbee module is on the
 * class path and any of those properties is set; an application's own {@code BillbeeClient} bean
 * wins. Every {@link BillbeeClientBuilderCustomizer} bean tunes the builder first. The client's
 * {@code customerUpdater()} becomes the {@code billbeeCustomerUpdater} bean, which {@link
 * CustomerSyncAutoConfiguration} gathers.
 */
@AutoConfiguration
@ConditionalOnClass(BillbeeClient.class)
@EnableConfigurationProperties(CustomerSyncProperties.class)
public final class BillbeeAutoConfiguration {

  private static final String GROUP = "customersync.billbee";

  /** Created by Spring. */
  BillbeeAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(BillbeeClient.class)
  @ConditionalOnMissingBean(name = "billbeeCustomerUpdater")
  CustomerUpdater billbeeCustomerUpdater(BillbeeClient client) {
    return client.customerUpdater();
  }

  /** The client from properties; nested so its condition is read before the updater's. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnVendorPropertiesCondition.Billbee.class)
  static class ClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BillbeeClient billbeeClient(CustomerSyncProperties properties,
        ObjectProvider<BillbeeClientBuilderCustomizer> customizers) {
      CustomerSyncProperties.Billbee p = properties.getBillbee();
      VendorSettings.require(GROUP, "api-key", p.getApiKey(), "Billbee needs the developer API key (X-Billbee-Api-Key)");
      VendorSettings.require(GROUP, "username", p.getUsername(), "Billbee needs the user name for HTTP Basic");
      VendorSettings.require(GROUP, "api-password", p.getApiPassword(),
          "Billbee needs the user's API password (Billbee settings, not the login password)");
      BillbeeClient.Builder b = BillbeeClient.builder()
          .apiKey(p.getApiKey())
          .username(p.getUsername())
          .apiPassword(p.getApiPassword())
          .languageIds(p.getLanguageIds());
      VendorSettings.setIfPresent(p.getBaseUrl(), b::baseUrl);
      VendorSettings.apply(p, b);
      customizers.orderedStream().forEach(c -> c.customize(b));
      return b.build();
    }
  }
}
