package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.RateLimiter;
import org.junit.jupiter.api.Test;

class UserAgentTest {

  @Test
  void defaultNamesSdkVersionVendorAndJava() {
    assertThat(UserAgent.forVendor("billbee"))
        .matches("customer-sync/\\d+\\.\\d+\\.\\d+\\S* \\(billbee\\) Java/" + System.getProperty("java.version"));
  }

  @Test
  void versionComesFromTheBuildNotAPlaceholder() {
    assertThat(UserAgent.SDK_VERSION).doesNotContain("${").isNotEqualTo("unknown");
  }

  @Test
  void builderUsesTheDefaultUntilTheApplicationSetsItsOwn() {
    Builder b = new Builder();
    assertThat(b.userAgentFor("storm")).isEqualTo(UserAgent.forVendor("storm"));

    b.userAgent("shop-sync/2.1 " + UserAgent.forVendor("storm"));

    assertThat(b.userAgentFor("storm")).startsWith("shop-sync/2.1 customer-sync/");
  }

  @Test
  void refusesAUserAgentHeadersCannotCarry() {
    assertThatThrownBy(() -> new Builder().userAgent("shop\nsync"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent");
    assertThatThrownBy(() -> new Builder().userAgent(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent");
  }

  private static final class Builder extends VendorClientBuilder<Builder> {
    Builder() {
      super(RateLimiter.unlimited());
    }
  }
}
