package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseUrlsTest {

  @Test
  void keepsAPathPrefixAndAddsTheTrailingSlash() {
    assertThat(BaseUrls.parse("https://demo.storm.io/api/1.1", "baseUrl", false).toString())
        .isEqualTo("https://demo.storm.io/api/1.1/");
    assertThat(BaseUrls.parse("https://api.bokamera.se", "baseUrl", false).toString()).isEqualTo("https://api.bokamera.se/");
  }

  @Test
  void requiresHttpsForNonLoopbackHosts() {
    assertThatThrownBy(() -> BaseUrls.parse("http://api.billbee.io", "baseUrl", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must use https").hasMessageContaining("allowInsecureHttp");
    assertThat(BaseUrls.parse("http://api.billbee.io", "baseUrl", true).isHttps()).isFalse();
  }

  @Test
  void allowsPlainHttpOnLoopback() {
    assertThat(BaseUrls.parse("http://localhost:8080/", "baseUrl", false).port()).isEqualTo(8080);
    assertThat(BaseUrls.parse("http://127.0.0.1:8080/", "baseUrl", false).port()).isEqualTo(8080);
    assertThat(BaseUrls.parse("http://[::1]:8080/", "baseUrl", false).port()).isEqualTo(8080);
  }

  @Test
  void rejectsMissingMalformedAndQueryCarryingUrls() {
    assertThatThrownBy(() -> BaseUrls.parse(null, "baseUrl", false)).hasMessage("baseUrl is required");
    assertThatThrownBy(() -> BaseUrls.parse("ftp://x", "baseUrl", false)).hasMessageContaining("must be an http or https URL");
    assertThatThrownBy(() -> BaseUrls.parse("https://x/?a=1", "baseUrl", false)).hasMessageContaining("query");
  }

  @Test
  void endpointUrlKeepsItsPathAsGiven() {
    assertThat(BaseUrls.parseEndpoint("https://identity.storm.io/1.0/connect/token", "tokenUrl", false).encodedPath())
        .isEqualTo("/1.0/connect/token");
  }
}
