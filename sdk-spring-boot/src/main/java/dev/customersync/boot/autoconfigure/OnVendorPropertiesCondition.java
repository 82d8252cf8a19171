package dev.customersync.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when any property below a vendor's prefix is set ({@code customersync.billbee.api-key},
 * {@code CUSTOMERSYNC_BILLBEE_APIKEY}…): configuring a vendor at all is asking for its client, so a
 * half-configured vendor fails at startup, naming what is missing, instead of silently having no
 * bean.
 */
abstract class OnVendorPropertiesCondition extends SpringBootCondition {

  private final String prefix;

  OnVendorPropertiesCondition(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
      if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
        return ConditionOutcome.match(prefix + ".* is set");
      }
    }
    return ConditionOutcome.noMatch("no " + prefix + ".* property is set");
  }

  /** {@code customersync.billbee.*}. */
  static final class Billbee extends OnVendorPropertiesCondition {
    Billbee() {
      super("customersync.billbee");
    }
  }

  /** {@code customersync.bokamera.*}. */
  static final class BokaMera extends OnVendorPropertiesCondition {
    BokaMera() {
      super("customersync.bokamera");
    }
  }

  /** {@code customersync.storm.*}. */
  static final class Storm extends OnVendorPropertiesCondition {
    Storm() {
      super("customersync.storm");
    }
  }
}
