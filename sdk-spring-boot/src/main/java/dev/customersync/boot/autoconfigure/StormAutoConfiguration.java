package dev.customersync.boot.autoconfigure;

import dev.customersync.core.CustomerUpdater;
import dev.customersync.storm.StormClient;
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
 * A {@link StormClient} bean from {@code customersync.storm.*} when the Storm module is on the class
 * path and any of those properties is set; an application's own {@code StormClient} bean wins. The
 * token comes from {@code access-token}, or from {@code client-id} and {@code client-secret}
 * (client credentials). Every {@link StormClientBuilderCustomizer} bean tunes the builder first. The
 * client's updater is the {@code stormCustomerUpdater} bean.
 */
@AutoConfiguration
@ConditionalOnClass(StormClient.class)
@EnableConfigurationProperties(CustomerSyncProperties.class)
public final class StormAutoConfiguration {

  private static final String GROUP = "customersync.storm";

  /** Created by Spring. */
  StormAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(StormClient.class)
  @ConditionalOnMissingBean(name = "stormCustomerUpdater")
  CustomerUpdater stormCustomerUpdater(StormClient client) {
    return client.customerUpdater();
  }

  /** The client from properties; nested so its condition is read before the updater's. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnVendorPropertiesCondition.Storm.class)
  static class ClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StormClient stormClient(CustomerSyncProperties properties, ObjectProvider<StormClientBuilderCustomizer> customizers) {
      CustomerSyncProperties.Storm p = properties.getStorm();
      VendorSettings.require(GROUP, "base-url", p.getBaseUrl(),
          "Storm needs its API root with the prefix, e.g. https://demo.storm.io/api/1.1/");
      VendorSettings.require(GROUP, "application-id", p.getApplicationId(), "Storm needs the ApplicationId header's value");
      StormClient.Builder b = StormClient.builder().baseUrl(p.getBaseUrl()).applicationId(p.getApplicationId());
      if (!VendorSettings.isBlank(p.getAccessToken())) {
        b.accessToken(p.getAccessToken());
      } else if (p.getClientId() != null || p.getClientSecret() != null) {
        VendorSettings.require(GROUP, "client-id", p.getClientId(), "Storm's client-credentials grant needs the client id");
        VendorSettings.require(GROUP, "client-secret", p.getClientSecret(),
            "Storm's client-credentials grant needs the client secret");
        b.clientId(p.getClientId()).clientSecret(p.getClientSecret());
      } else {
        throw new MissingCredentialException(GROUP, GROUP + ".client-secret", "Storm needs a token: set " + GROUP
            + ".client-id and " + GROUP + ".client-secret, or " + GROUP + ".access-token");
      }
      VendorSettings.setIfPresent(p.getScope(), b::scope);
      VendorSettings.setIfPresent(p.getTokenUrl(), b::tokenUrl);
      VendorSettings.setIfPresent(p.getCultureCode(), b::cultureCode);
      VendorSettings.setIfPresent(p.getUpdatedBy(), b::updatedBy);
      VendorSettings.setIfPresent(p.getTokenRefreshAhead(), b::tokenRefreshAhead);
      VendorSettings.setIfPresent(p.getMaxResponseBytes(), b::maxResponseBytes);
      b.sendMail(p.isSendMail()).renameSharedCompany(p.isRenameSharedCompany());
      VendorSettings.apply(p, b);
      customizers.orderedStream().forEach(c -> c.customize(b));
      return b.build();
    }
  }
}
