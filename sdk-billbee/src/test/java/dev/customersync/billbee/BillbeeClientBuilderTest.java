package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.ClientSettings;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.RateLimiter;
import dev.customersync.testkit.FakeBillbee;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BillbeeClientBuilderTest {

  private static BillbeeClient.Builder complete() {
    return BillbeeClient.builder().apiKey("key-1234").username("shop@example.com").apiPassword("secret-pass");
  }

  @Test
  void defaultsToBillbeesCurrentHost() {
    try (BillbeeClient c = complete().build()) {
      assertThat(c.baseUrl().toString()).isEqualTo("https://api.billbee.io/");
    }
  }

  @Test
  void buildFailsNamingEveryMissingCredential() {
    assertThatThrownBy(() -> BillbeeClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing or blank: apiKey, username, apiPassword");
    assertThatThrownBy(() -> complete().apiKey(" ").build())
        .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("missing or blank: apiKey");
    assertThatThrownBy(() -> complete().username(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("missing or blank: username");
    assertThatThrownBy(() -> complete().apiPassword("").build())
        .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("missing or blank: apiPassword");
  }

  @Test
  void refusesAUserNameThatBasicAuthCannotCarry() {
    assertThatThrownBy(() -> complete().username("a:b").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
  }

  @Test
  void refusesPlainHttpToARemoteHostUnlessAllowed() {
    assertThatThrownBy(() -> complete().baseUrl("http://billbee.example.com").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    try (BillbeeClient c = complete().baseUrl("http://billbee.example.com/prefix").allowInsecureHttp(true).build()) {
      assertThat(c.baseUrl().toString()).isEqualTo("http://billbee.example.com/prefix/");
    }
  }

  @Test
  void refusesANegativeRateLimitTimeout() {
    assertThatThrownBy(() -> complete().rateLimitTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringOfClientAndBuilderShowsNoSecret() {
    BillbeeClient.Builder b = complete();
    try (BillbeeClient c = b.build()) {
      for (String text : new String[] {c.toString(), b.toString(), c.customerUpdater().toString()}) {
        assertThat(text).doesNotContain("key-1234").doesNotContain("secret-pass")
            .doesNotContain(Base64.getEncoder().encodeToString("shop@example.com:secret-pass".getBytes()));
      }
      assertThat(c.toString()).contains("https://api.billbee.io/");
    }
  }

  @Test
  void clientsWithTheSameCredentialsEachHaveTheirOwnLimiterByDefault() {
    try (FakeBillbee fake = new FakeBillbee().start()) {
      fake.seedSample(1);
      // Zero: a call fails at once when its limiter has no free permit.
      BillbeeClient.Builder b = BillbeeClient.builder().baseUrl(fake.baseUrl().toString())
          .apiKey(FakeBillbee.DEFAULT_API_KEY).username(FakeBillbee.DEFAULT_USERNAME)
          .apiPassword(FakeBillbee.DEFAULT_API_PASSWORD).rateLimitTimeout(Duration.ZERO);
      try (BillbeeClient first = b.build(); BillbeeClient second = b.build();
          BillbeeClient third = BillbeeClient.builder().settings(fake.clientSettings())
              .rateLimitTimeout(Duration.ZERO).build()) {
        first.getCustomer(1);
        second.getCustomer(1);
        third.getCustomer(1);
      }
    }
  }

  @Test
  void clientsShareALimiterWhenGivenOneOnPurpose() {
    try (FakeBillbee fake = new FakeBillbee().start()) {
      fake.seedSample(1);
      // A clock that never moves: once the one permit is spent, no other is free.
      RateLimiter shared = BillbeeRateLimits.newLimiter(() -> 0L, d -> {});
      BillbeeClient.Builder b = BillbeeClient.builder().settings(fake.clientSettings())
          .rateLimiter(shared).rateLimitTimeout(Duration.ZERO);
      try (BillbeeClient first = b.build(); BillbeeClient second = b.build()) {
        first.getCustomer(1);
        assertThatThrownBy(() -> second.getCustomer(1)).isInstanceOf(RateLimitTimeoutException.class);
      }
    }
  }

  @Test
  void takesSettingsByNameAndRefusesUnknownOnesListingTheKnownOnes() {
    ClientSettings settings = ClientSettings.builder("Billbee").put("baseUrl", "https://billbee.example.com/")
        .putSecret("apiKey", "k").put("username", "u").putSecret("apiPassword", "p").build();
    try (BillbeeClient c = BillbeeClient.builder().settings(settings).build()) {
      assertThat(c.baseUrl().toString()).isEqualTo("https://billbee.example.com/");
    }
    assertThat(settings.toString()).doesNotContain("=k", "=p");
    assertThatThrownBy(() -> BillbeeClient.builder().settings(ClientSettings.builder("billbee").put("apikey", "k")
        .build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("billbee has no setting [apikey]; it takes [apiKey, apiPassword, baseUrl, rateLimiter, username]");
    assertThatThrownBy(() -> BillbeeClient.builder().settings(ClientSettings.builder("storm").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("these settings are for storm, not billbee");
  }
}
