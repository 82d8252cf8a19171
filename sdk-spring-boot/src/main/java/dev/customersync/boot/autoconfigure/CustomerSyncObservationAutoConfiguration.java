package dev.customersync.boot.autoconfigure;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.sync.OutcomeListener;
import dev.customersync.micrometer.MicrometerOutcomeListener;
import dev.customersync.micrometer.MicrometerVendorCallListener;
import dev.customersync.micrometer.ObservationVendorCallListener;
import dev.customersync.storm.StormClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Configuration;

/**
 * Records every vendor call of the auto-configured clients, and offers a sync outcome listener,
 * when the application has an {@link ObservationRegistry} or a {@link MeterRegistry} bean (Boot's
 * actuator makes both): the {@code customerSyncVendorCallListener} bean, an {@link
 * ObservationVendorCallListener} (with the meter registry's extra meters) when there is an
 * Observation registry, else a {@link MicrometerVendorCallListener}, is set on each client builder
 * by a {@code <Vendor>ClientBuilderCustomizer}. With a meter registry, {@code
 * customerSyncOutcomeListener} is a {@link MicrometerOutcomeListener} to pass to {@code
 * SyncOptions.builder().outcomeListener(..)}.
 *
 * <p>Ordered after Boot's Observation and metrics auto-configuration by name: their classes moved
 * between Boot 3 and 4, so both names are listed and no class of theirs is linked.
 */
@AutoConfiguration(
    before = {BillbeeAutoConfiguration.class, BokaMeraAutoConfiguration.class, StormAutoConfiguration.class},
    afterName = {
        // Boot 3.x
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        // Boot 4.x
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({ObservationVendorCallListener.class, ObservationRegistry.class, MeterRegistry.class})
@Conditional(CustomerSyncObservationAutoConfiguration.OnRegistryBean.class)
public final class CustomerSyncObservationAutoConfiguration {

  /** Created by Spring. */
  CustomerSyncObservationAutoConfiguration() {}

  /** One listener factory for every client: Observations when there is a registry for them. */
  @Bean
  @ConditionalOnMissingBean(name = "customerSyncVendorCallListener")
  VendorCallListener.Factory customerSyncVendorCallListener(ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<MeterRegistry> meters) {
    ObservationRegistry observationRegistry = observations.getIfUnique();
    MeterRegistry meterRegistry = meters.getIfUnique();
    if (observationRegistry != null) {
      ObservationVendorCallListener.Builder b = ObservationVendorCallListener.builder(observationRegistry);
      if (meterRegistry != null) {
        b.meterRegistry(meterRegistry);
      }
      return b.build();
    }
    if (meterRegistry != null) {
      return VendorCallListener.Factory.of(MicrometerVendorCallListener.of(meterRegistry));
    }
    return VendorCallListener.Factory.none();
  }

  /** Counts sync outcomes per vendor and status, for {@code SyncOptions.outcomeListener(..)}. */
  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnMissingBean(name = "customerSyncOutcomeListener")
  OutcomeListener customerSyncOutcomeListener(MeterRegistry meterRegistry) {
    return MicrometerOutcomeListener.of(meterRegistry);
  }

  /** Billbee's customizer; nested so a missing Billbee jar only skips it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(BillbeeClient.class)
  static class BillbeeObservation {
    @Bean
    BillbeeClientBuilderCustomizer customerSyncBillbeeObservation(
        @org.springframework.beans.factory.annotation.Qualifier("customerSyncVendorCallListener")
            VendorCallListener.Factory listener) {
      return b -> b.listenerFactory(listener);
    }
  }

  /** BokaMera's customizer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(BokaMeraClient.class)
  static class BokaMeraObservation {
    @Bean
    BokaMeraClientBuilderCustomizer customerSyncBokaMeraObservation(
        @org.springframework.beans.factory.annotation.Qualifier("customerSyncVendorCallListener")
            VendorCallListener.Factory listener) {
      return b -> b.listenerFactory(listener);
    }
  }

  /** Storm's customizer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(StormClient.class)
  static class StormObservation {
    @Bean
    StormClientBuilderCustomizer customerSyncStormObservation(
        @org.springframework.beans.factory.annotation.Qualifier("customerSyncVendorCallListener")
            VendorCallListener.Factory listener) {
      return b -> b.listenerFactory(listener);
    }
  }

  /** Either registry bean is enough. */
  static final class OnRegistryBean extends AnyNestedCondition {
    OnRegistryBean() {
      super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(ObservationRegistry.class)
    static final class Observations {}

    @ConditionalOnBean(MeterRegistry.class)
    static final class Meters {}
  }
}
