package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StormClientBuilderTest {

  private static StormClient.Builder valid() {
    return StormClient.builder().baseUrl("https://demo.storm.io/api/1.1").applicationId(1).accessToken("tok-abcdef");
  }

  @Test
  void addsTheTrailingSlashSoThePrefixIsKept() {
    try (StormClient c = valid().build()) {
      assertThat(c.baseUrl().toString()).isEqualTo("https://demo.storm.io/api/1.1/");
      assertThat(c.updatedBy()).isEqualTo(1);
      assertThat(c.cultureCode()).isEmpty();
      assertThat(c.applicationId()).isEqualTo(1);
    }
  }

  @Test
  void defaultsTheTokenUrlToStormsLegacyIdentityServer() {
    assertThat(StormClient.DEFAULT_TOKEN_URL).isEqualTo("https://identity.storm.io/1.0/connect/token");
    try (StormClient c = StormClient.builder().baseUrl("https://demo.storm.io/api/1.1/").applicationId(1)
        .clientCredentials("id", "secret-value", "lab").build()) {
      assertThat(c.toString()).contains("tokenUrl=https://identity.storm.io/1.0/connect/token")
          .doesNotContain("secret-value");
    }
  }

  @Test
  void requiresBaseUrlApplicationIdAndExactlyOneWayToAuthenticate() {
    assertThatThrownBy(() -> StormClient.builder().applicationId(1).accessToken("t-abcdef").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> StormClient.builder().baseUrl("https://x.io/api/").accessToken("t-abcdef").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("applicationId");
    assertThatThrownBy(() -> StormClient.builder().baseUrl("https://x.io/api/").applicationId(1).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> valid().clientId("id").clientSecret("s-abcdef").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> StormClient.builder().baseUrl("https://x.io/api/").applicationId(1).clientId("id").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientSecret");
  }

  @Test
  void refusesPlainHttpToARemoteHostUnlessAllowed() {
    assertThatThrownBy(() -> valid().baseUrl("http://demo.storm.io/api/1.1/").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    try (StormClient c = valid().baseUrl("http://demo.storm.io/api/1.1/").allowInsecureHttp(true).build()) {
      assertThat(c.baseUrl().isHttps()).isFalse();
    }
  }

  @Test
  void refusesANonPositiveUpdatedByAndABlankCulture() {
    assertThatThrownBy(() -> valid().updatedBy(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().cultureCode(" ").build()).isInstanceOf(IllegalArgumentException.class);
  }
}
