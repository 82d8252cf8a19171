package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.customersync.core.AccessToken;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.FakeClock;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.VendorApiException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OAuth2TokenFetcherTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final FakeClock clock = new FakeClock();

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void clientCredentialsGrantPostsTheFormAndReadsExpiry() throws Exception {
    server.enqueue(json(200, "{\"access_token\":\"at-1\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"));
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher
        .clientCredentials(server.url("/1.0/connect/token").toString(), "app id", "s3cret&=", "lab")
        .clock(clock).build();

    AccessToken token = fetcher.fetch(null);

    assertThat(token.value()).isEqualTo("at-1");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getUrl().encodedPath()).isEqualTo("/1.0/connect/token");
    assertThat(req.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(req.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&client_id=app+id&client_secret=s3cret%26%3D&scope=lab");
  }

  @Test
  void passwordGrantRefreshesWithTheRefreshTokenThenLogsInAgainWhenRefused() throws Exception {
    server.enqueue(json(200, "{\"access_token\":\"at-1\",\"expires_in\":300,\"refresh_token\":\"rt-1\",\"refresh_expires_in\":1800}"));
    server.enqueue(json(200, "{\"access_token\":\"at-2\",\"expires_in\":300,\"refresh_token\":\"rt-2\",\"refresh_expires_in\":1800}"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"));
    server.enqueue(json(200, "{\"access_token\":\"at-3\",\"expires_in\":300,\"refresh_token\":\"rt-3\"}"));
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher
        .password(server.url("/realms/x/protocol/openid-connect/token").toString(), "bm-external-api-users", "ada", "pw-123456")
        .clock(clock).build();

    AccessToken first = fetcher.fetch(null);
    AccessToken refreshed = fetcher.fetch(first);
    AccessToken relogged = fetcher.fetch(refreshed);

    assertThat(relogged.value()).isEqualTo("at-3");
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("grant_type=password&client_id=bm-external-api-users&username=ada&password=pw-123456");
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("grant_type=refresh_token&client_id=bm-external-api-users&refresh_token=rt-1");
    assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=rt-2");
    assertThat(server.takeRequest().getBody().utf8()).startsWith("grant_type=password");
  }

  @Test
  void expiredRefreshTokenGoesStraightToLogin() throws Exception {
    server.enqueue(json(200, "{\"access_token\":\"at-2\",\"expires_in\":300}"));
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.password(server.url("/token").toString(), "c", "u", "pw-123456")
        .clock(clock).build();
    AccessToken old = new AccessToken("at-1", Instant.EPOCH, "rt-1", clock.instant().minus(Duration.ofSeconds(1)));

    fetcher.fetch(old);

    assertThat(server.takeRequest().getBody().utf8()).startsWith("grant_type=password");
  }

  @Test
  void refusedCredentialsAreAnAuthenticationExceptionWithTheEndpointsTextAndNoSecret() {
    server.enqueue(json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}"));
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.clientCredentials(server.url("/token").toString(), "c", "top-secret-value", null)
        .retryPolicy(RetryPolicy.none()).build();

    assertThatThrownBy(() -> fetcher.fetch(null))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.errorCode()).contains("invalid_client");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.getMessage()).contains("Invalid client secret").doesNotContain("top-secret-value");
        });
    assertThat(fetcher.toString()).doesNotContain("top-secret-value");
  }

  @Test
  void answerWithoutAnAccessTokenIsAClearError() {
    server.enqueue(json(200, "<html>login</html>"));
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.clientCredentials(server.url("/token").toString(), "c", "secret-1", null).build();

    assertThatThrownBy(() -> fetcher.fetch(null)).hasMessageContaining("without an access_token");
  }

  @Test
  void aThousandRenewalsLeaveOnlyTheCurrentAndPreviousTokensInTheRedactor() throws IOException {
    AtomicInteger issued = new AtomicInteger();
    try (MockWebServer fast = NoDelayServers.started()) {
      fast.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          int n = issued.incrementAndGet();
          return json(200, String.format("{\"access_token\":\"at-%05d\",\"expires_in\":300,"
              + "\"refresh_token\":\"rt-%05d\",\"refresh_expires_in\":1800}", n, n));
        }
      });
      Redactor redactor = new Redactor();
      OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.password(fast.url("/token").toString(), "c", "ada", "pw-123456")
          .redactor(redactor).clock(clock).build();
      AccessToken token = fetcher.fetch(null);
      int afterFirst = redactor.size();

      for (int i = 0; i < 1_000; i++) {
        token = fetcher.fetch(token);
      }

      assertThat(redactor.size()).isLessThanOrEqualTo(afterFirst + 2);
      assertThat(redactor.redact(token.value() + " " + token.refreshToken().orElseThrow())).isEqualTo("**** ****");
    }
  }

  @Test
  void aBodyThatIsNotJsonIsExplainedWithoutTheJacksonCauseAndWithoutTheSecretItEchoes() {
    String secret = "topSecretClientValue42";
    server.enqueue(json(200, secret + " is not what you asked for"));
    OAuth2TokenFetcher fetcher = OAuth2TokenFetcher.clientCredentials(server.url("/token").toString(), "c", secret, null)
        .build();

    Throwable thrown = catchThrowable(() -> fetcher.fetch(null));

    assertThat(thrown).isInstanceOf(VendorApiException.class)
        .hasMessageContaining("not JSON").hasMessageContaining("Unrecognized token");
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(t).isNotInstanceOf(JsonProcessingException.class);
      assertThat(t.getMessage()).doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
    }
    assertThat(((VendorApiException) thrown).rawBody()).doesNotContain(secret);
  }

  @Test
  void tokenUrlMustBeHttpsUnlessLoopback() {
    assertThatThrownBy(() -> OAuth2TokenFetcher.clientCredentials("http://identity.example/token", "c", "s", null).build())
        .hasMessageContaining("tokenUrl must use https");
  }
}
