package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class BokaMeraClientBuilderTest {

  private static BokaMeraClient.Builder minimal() {
    return BokaMeraClient.builder().apiKey(Samples.API_KEY).accessToken(Samples.TOKEN);
  }

  @Test
  void defaultsToTheProductionApi() {
    try (BokaMeraClient client = minimal().build()) {
      assertThat(client.toString()).contains("https://api.bokamera.se/");
      assertThat(client.companyId()).isEmpty();
    }
    assertThat(BokaMeraClient.PRODUCTION_BASE_URL).isEqualTo("https://api.bokamera.se");
    assertThat(BokaMeraClient.TEST_BASE_URL).isEqualTo("https://testapi.bokamera.se");
  }

  @Test
  void testEnvironmentUsesTheTestApi() {
    try (BokaMeraClient client = minimal().testEnvironment().build()) {
      assertThat(client.toString()).contains("https://testapi.bokamera.se/");
    }
  }

  @Test
  void requiresAnApiKey() {
    assertThatThrownBy(() -> BokaMeraClient.builder().accessToken(Samples.TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey is required");
    assertThatThrownBy(() -> BokaMeraClient.builder().apiKey("  ").accessToken(Samples.TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey");
  }

  @Test
  void requiresATokenSource() {
    assertThatThrownBy(() -> BokaMeraClient.builder().apiKey(Samples.API_KEY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("access token source is required")
        .hasMessageContaining("login(username, password)");
  }

  @Test
  void refusesMoreThanOneTokenSource() {
    assertThatThrownBy(() -> minimal().login("user", "pw").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only one");
  }

  @Test
  void loginNeedsAUserNameAndAPassword() {
    assertThatThrownBy(() -> BokaMeraClient.builder().apiKey(Samples.API_KEY).login(null, "pw").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username");
    assertThatThrownBy(() -> BokaMeraClient.builder().apiKey(Samples.API_KEY).login("user", "").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password");
  }

  @Test
  void acceptsOnlySwedishOrEnglish() {
    assertThatThrownBy(() -> minimal().language("de").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"sv\" or \"en\"");
  }

  @Test
  void refusesPlainHttpToARemoteHostUnlessAllowed() {
    assertThatThrownBy(() -> minimal().baseUrl("http://api.bokamera.se").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> BokaMeraClient.builder().apiKey(Samples.API_KEY).login("u", "p")
        .tokenUrl("http://identity.example.com/token").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenUrl");
    try (BokaMeraClient client = minimal().baseUrl("http://bokamera.test.internal/api").allowInsecureHttp(true).build()) {
      assertThat(client.toString()).contains("http://bokamera.test.internal/api/");
    }
  }

  @Test
  void refusesAnApiKeyWithALineBreakWithoutEchoingIt() {
    assertThatThrownBy(() -> BokaMeraClient.builder().apiKey("secret-key\n").accessToken(Samples.TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey")
        .hasMessageNotContaining("secret-key");
  }

  @Test
  void toStringHidesTheSecrets() {
    UUID company = UUID.randomUUID();
    try (BokaMeraClient client = minimal().companyId(company).language("en").build()) {
      assertThat(client.toString()).doesNotContain(Samples.API_KEY).doesNotContain(Samples.TOKEN)
          .contains(company.toString(), "language=en");
      assertThat(client.companyId()).contains(company);
    }
  }

  @Test
  void closeLeavesTheCallersOkHttpClientOpen() {
    OkHttpClient shared = new OkHttpClient();
    try {
      minimal().okHttpClient(shared).build().close();
      BokaMeraClient.builder().apiKey(Samples.API_KEY).login("u", "p").okHttpClient(shared).build().close();

      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void dtoToStringHidesAccessKeyValues() {
    AddUserAccessKey key = AddUserAccessKey.builder().value("CARD-SECRET-1").description("Gym card").build();

    assertThat(key.toString()).doesNotContain("CARD-SECRET-1").contains("Gym card");
  }
}
