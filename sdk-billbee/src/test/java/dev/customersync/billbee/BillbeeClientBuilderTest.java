package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
