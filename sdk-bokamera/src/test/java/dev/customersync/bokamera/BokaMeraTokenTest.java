package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.AccessTokenCache;
import dev.customersync.core.AccessTokenProvider;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.CachingAccessTokenProvider;
import dev.customersync.core.Customer;
import dev.customersync.testkit.FakeBokaMera;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OIDC password-grant login: token use, refresh after a 401, re-login, and no leaked secrets. */
class BokaMeraTokenTest {

  private static final String USER = "api-user@example.com";
  private static final String PASSWORD = "correct horse battery staple";

  private final FakeBokaMera fake = new FakeBokaMera();
  private UUID id;

  @BeforeEach
  void setUp() {
    fake.start();
    fake.addUser(USER, PASSWORD);
    id = fake.addCustomer("Ada", "Lovelace", "ada@example.com", "+46 70 123 45 67");
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  private BokaMeraClient loginClient(String password) {
    return BokaMeraClient.builder()
        .baseUrl(fake.baseUrl())
        .apiKey(fake.apiKey())
        .login(USER, password)
        .tokenUrl(fake.tokenUrl().toString())
        .retryPolicy(Samples.fastRetries())
        .build();
  }

  @Test
  void aTokenCacheKeepsTheLoginsTokensKeyedByAFingerprintWithoutTheSecrets() {
    List<String> asked = new ArrayList<>();
    AccessTokenCache recording = (vendor, fingerprint, fetcher) -> {
      asked.add(vendor + " " + fingerprint);
      return CachingAccessTokenProvider.builder().fetcher(fetcher).build();
    };
    try (BokaMeraClient client = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
        .login(USER, PASSWORD).tokenUrl(fake.tokenUrl().toString()).tokenCache(recording).build()) {
      client.getCustomer(id);
      client.getCustomer(id);
    }
    assertThat(fake.tokenRequests("password")).isEqualTo(1);
    assertThat(asked).singleElement().asString().matches("bokamera [0-9a-f]{16}")
        .doesNotContain(USER).doesNotContain("horse");
  }

  @Test
  void aTokenCacheWithoutLoginIsRefused() {
    assertThatThrownBy(() -> BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).accessToken("t")
        .tokenCache((vendor, fingerprint, fetcher) -> AccessTokenProvider.of("x")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("set login(..) too");
  }

  @Test
  void logsInWithThePasswordGrantAndSendsTheToken() {
    try (BokaMeraClient client = loginClient(PASSWORD)) {
      client.getCustomer(id);
      client.getCustomer(id);
    }

    assertThat(fake.tokenRequests("password")).isEqualTo(1);
    var login = fake.journal().entries().get(0);
    assertThat(login.path()).isEqualTo(FakeBokaMera.TOKEN_PATH);
    assertThat(login.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(login.body()).contains("grant_type=password", "client_id=bm-external-api-users",
        "username=api-user%40example.com", "password=correct+horse+battery+staple");
    assertThat(fake.journal().entries().get(1).header("Authorization")).startsWith("Bearer fake-access-");
  }

  @Test
  void refreshesTheTokenAfterA401AndRetriesOnce() {
    try (BokaMeraClient client = loginClient(PASSWORD)) {
      client.getCustomer(id);
      fake.revokeAccessTokens();

      client.customerUpdater().update(id.toString(), Customer.builder().firstName("Augusta").build());
    }

    assertThat(fake.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(fake.tokenRequests("password")).isEqualTo(1);
    assertThat(fake.customer(id).orElseThrow().get("Firstname").asText()).isEqualTo("Augusta");
  }

  @Test
  void logsInAgainWhenTheRefreshTokenHasExpired() {
    try (BokaMeraClient client = loginClient(PASSWORD)) {
      client.getCustomer(id);
      fake.revokeAccessTokens();
      fake.revokeRefreshTokens();

      client.getCustomer(id);
    }

    assertThat(fake.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(fake.tokenRequests("password")).isEqualTo(2);
  }

  @Test
  void renewsTheTokenWithTheRefreshTokenBeforeItExpires() {
    fake.tokenLifetimes(300, 1800);
    MutableClock clock = new MutableClock();
    try (BokaMeraOidcTokenProvider tokens = BokaMeraOidcTokenProvider.builder(USER, PASSWORD)
        .tokenUrl(fake.tokenUrl().toString()).clock(clock).build()) {
      String first = tokens.accessToken();
      clock.advance(Duration.ofSeconds(200));
      assertThat(tokens.accessToken()).isEqualTo(first);

      clock.advance(Duration.ofSeconds(50)); // within the 60 s renewal margin
      String renewed = tokens.accessToken();

      assertThat(renewed).isNotEqualTo(first);
      assertThat(fake.tokenRequests("password")).isEqualTo(1);
      assertThat(fake.tokenRequests("refresh_token")).isEqualTo(1);

      clock.advance(Duration.ofSeconds(3600)); // the refresh token has expired too
      tokens.accessToken();
      assertThat(fake.tokenRequests("password")).isEqualTo(2);
    }
  }

  @Test
  void aFixedTokenThatIsRefusedFailsAtOnce() {
    String token = fake.issueAccessToken();
    fake.revokeAccessTokens();
    try (BokaMeraClient client = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
        .accessToken(token).build()) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client.getCustomer(id));

      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.getMessage()).doesNotContain(token);
    }
    assertThat(fake.journal().size()).isEqualTo(1);
  }

  @Test
  void aWrongApiKeyIsAnAuthenticationExceptionThatDoesNotShowTheKey() {
    String wrongKey = "00000000-1111-2222-3333-444444444444";
    try (BokaMeraClient client = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(wrongKey)
        .accessToken(fake.issueAccessToken()).build()) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client.getCustomer(id));

      assertThat(e.vendorMessage()).contains("Invalid API key");
      assertThat(e.getMessage() + e.rawBody()).doesNotContain(wrongKey);
    }
  }

  @Test
  void aWrongPasswordIsAnAuthenticationExceptionThatDoesNotShowThePassword() {
    try (BokaMeraClient client = loginClient("wrong password 123")) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client.getCustomer(id));

      assertThat(e.errorCode()).contains("invalid_grant");
      assertThat(e.getMessage()).contains("Invalid user credentials").doesNotContain("wrong password 123");
      assertThat(client.toString()).doesNotContain("wrong password 123");
    }
    assertThat(fake.journal().count("GET", "/customers")).isZero();
  }

  @Test
  void secretsStayOutOfToStringOfTheProvider() {
    try (BokaMeraOidcTokenProvider tokens = BokaMeraOidcTokenProvider.builder(USER, PASSWORD)
        .tokenUrl(fake.tokenUrl().toString()).build()) {
      String token = tokens.accessToken();

      assertThat(tokens.toString()).doesNotContain(PASSWORD).doesNotContain(token).contains("bm-external-api-users");
    }
  }

  @Test
  void productionAndTestTokenUrlsAreBokaMerasKeycloak() {
    assertThat(BokaMeraOidcTokenProvider.PRODUCTION_TOKEN_URL)
        .isEqualTo("https://identity.bookmore.com/realms/bookmore-admin/protocol/openid-connect/token");
    assertThat(BokaMeraOidcTokenProvider.TEST_TOKEN_URL)
        .isEqualTo("https://identity.bookmore.dev/realms/bookmore-admin/protocol/openid-connect/token");
    assertThat(BokaMeraOidcTokenProvider.CLIENT_ID).isEqualTo("bm-external-api-users");
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
