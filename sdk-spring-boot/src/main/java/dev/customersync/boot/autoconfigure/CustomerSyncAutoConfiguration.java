package dev.customersync.boot.autoconfigure;

import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.sync.CustomerSync;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link CustomerSync} bean over every {@link CustomerUpdater} bean: the vendor clients'
 * ({@code billbeeCustomerUpdater}, {@code bokameraCustomerUpdater}, {@code stormCustomerUpdater})
 * and an application's own. Backs off to an application's {@code CustomerSync} bean, and makes none
 * when there is no updater. The context closes it (and it closes only the threads it owns; the
 * clients are closed as beans of their own).
 */
@AutoConfiguration(after = {BillbeeAutoConfiguration.class, BokaMeraAutoConfiguration.class,
    StormAutoConfiguration.class})
@EnableConfigurationProperties(CustomerSyncProperties.class)
public final class CustomerSyncAutoConfiguration {

  /** Created by Spring. */
  CustomerSyncAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(CustomerUpdater.class)
  @ConditionalOnMissingBean
  CustomerSync customerSync(ObjectProvider<CustomerUpdater> updaters, CustomerSyncProperties properties) {
    CustomerSync.Builder b = CustomerSync.builder();
    updaters.orderedStream().forEach(b::updater);
    CustomerSyncProperties.Sync sync = properties.getSync();
    VendorSettings.setIfPresent(sync.getDefaultConcurrency(), b::defaultConcurrency);
    sync.getConcurrency().forEach(b::concurrency);
    return b.build();
  }
}
