package dev.customersync.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeRateLimits;
import dev.customersync.core.AccessToken;
import dev.customersync.core.AccessTokenProvider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's Redis ACL is enough: a user limited to it runs the limiter and the token cache. */
@Timeout(60)
class RedisAclTest {

  /** The rule the README gives, word for word after {@code ACL SETUSER customer-sync on >…}. */
  static final String README_RULES = "resetkeys ~customer-sync:* resetchannels -@all "
      + "+get +set +psetex +del +eval +ping +hello +auth";

  @Test
  void aUserWithTheReadmesAclRunsTheLimiterAndTheTokenCache() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertThat(server.command("ACL SETUSER customer-sync on >acl-test-password " + README_RULES)).isEqualTo("+OK");
      RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(server.port())
          .withAuthentication("customer-sync", "acl-test-password").withTimeout(Duration.ofSeconds(2)).build());
      try (RedisRateLimiter limiter = RedisRateLimiter.builder(client).limits(BillbeeRateLimits.rules()).build();
          RedisAccessTokenCache tokens = RedisAccessTokenCache.builder(client).build()) {
        assertThat(limiter.tryAcquire("k:u|api/v1/customers/{id}", Duration.ofSeconds(2))).isTrue();
        AccessTokenProvider p = tokens.provider("storm", "acl-test", previous ->
            AccessToken.of("acl-token", Instant.now().plus(Duration.ofHours(1))));
        assertThat(p.accessToken()).isEqualTo("acl-token");
        p.invalidate("acl-token");
        assertThat(p.accessToken()).isEqualTo("acl-token");
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }
}
