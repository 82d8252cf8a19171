package dev.customersync.boot.autoconfigure;

import dev.customersync.bokamera.BokaMeraClient;
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
 * A {@link BokaMeraClient} bean from {@code customersync.bokamera.*} when the BokaMera module is on
 * the class path and any of those properties is set; an application's own {@code BokaMeraClient}
 * bean wins. The token comes from {@code access-token}, or from {@code username} and {@code
 * password} through BokaMera's Keycloak. Every {@link BokaMeraClientBuilderCustomizer} bean tunes
 * the builder first (e.g. an {@code accessTokenProvider} shared with other clients, in which case
 * leave both token properties unset). The client's updater is the {@code bokameraCustomerUpdater}
 * bean.
 */
@AutoConfiguration
@ConditionalOnClass(BokaMeraClient.class)
@EnableConfigurationProperties(CustomerSyncProperties.class)
public final class BokaMeraAutoConfiguration {

  private static final String GROUP = "customersync.bokamera";

  /** Created by Spring. */
  BokaMeraAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(BokaMeraClient.class)
  @ConditionalOnMissingBean(name = "bokameraCustomerUpdater")
  CustomerUpdater bokameraCustomerUpdater(BokaMeraClient client) {
    return client.customerUpdater();
  }

  /** The client from properties; nested so its condition is read before the updater's. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnVendorPropertiesCondition.BokaMera.class)
  static class ClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BokaMeraClient bokaMeraClient(CustomerSyncProperties properties,
        ObjectProvider<BokaMeraClientBuilderCustomizer> customizers) {
      CustomerSyncProperties.BokaMera p = properties.getBokamera();
      VendorSettings.require(GROUP, "api-key", p.getApiKey(), "BokaMera needs its API key (x-api-key)");
      BokaMeraClient.Builder b = BokaMeraClient.builder().apiKey(p.getApiKey());
      if (p.isTestEnvironment()) {
        b.testEnvironment();
      }
      VendorSettings.setIfPresent(p.getBaseUrl(), b::baseUrl);
      VendorSettings.setIfPresent(p.getTokenUrl(), b::tokenUrl);
      VendorSettings.setIfPresent(p.getLanguage(), b::language);
      VendorSettings.setIfPresent(p.getCompanyId(), b::companyId);
      VendorSettings.apply(p, b);
      boolean tokenProperty = !VendorSettings.isBlank(p.getAccessToken());
      if (tokenProperty) {
        b.accessToken(p.getAccessToken());
      } else if (p.getUsername() != null || p.getPassword() != null) {
        VendorSettings.require(GROUP, "username", p.getUsername(), "BokaMera's login needs the API user with its password");
        VendorSettings.require(GROUP, "password", p.getPassword(), "BokaMera's login needs the API user's password");
        b.login(p.getUsername(), p.getPassword());
        tokenProperty = true;
      }
      customizers.orderedStream().forEach(c -> c.customize(b));
      try {
        return b.build();
      } catch (IllegalStateException e) {
        // No token property, and no customizer gave an accessTokenProvider either: name the properties.
        if (!tokenProperty && e.getMessage() != null && e.getMessage().contains("access token source")) {
          throw new MissingCredentialException(GROUP, GROUP + ".access-token", "BokaMera needs an access token: set "
              + GROUP + ".access-token, or " + GROUP + ".username and " + GROUP + ".password");
        }
        throw e;
      }
    }
  }
}
