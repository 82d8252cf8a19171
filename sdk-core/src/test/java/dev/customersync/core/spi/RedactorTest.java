package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void masksEveryRegisteredSecretAndTheCurrentDynamicOne() {
    AtomicReference<String> token = new AtomicReference<>("tok-aaaa");
    Redactor r = new Redactor().secret("apikey-1234").dynamicSecret(token::get);

    assertThat(r.redact("key apikey-1234 and tok-aaaa")).isEqualTo("key **** and ****");
    token.set("tok-bbbb");
    assertThat(r.redact("tok-aaaa tok-bbbb")).isEqualTo("tok-aaaa ****");
  }

  @Test
  void aRotatingSecretKeepsOnlyTheCurrentAndPreviousValueOverTenThousandRenewals() {
    Redactor r = new Redactor().secret("apikey-1234");
    int fixed = r.size();

    for (int i = 0; i < 10_000; i++) {
      r.rotatingSecret("access token", String.format("token-%05d", i));
    }

    assertThat(r.size()).isEqualTo(fixed + 2);
    assertThat(r.redact("now token-09999, before token-09998, long ago token-00000, key apikey-1234"))
        .isEqualTo("now ****, before ****, long ago token-00000, key ****");
  }

  @Test
  void slotsRotateIndependentlyAndRegisteringTheSameValueAgainChangesNothing() {
    Redactor r = new Redactor();

    r.rotatingSecret("access", "access-1").rotatingSecret("refresh", "refresh-1");
    r.rotatingSecret("access", "access-2").rotatingSecret("access", "access-2");

    assertThat(r.redact("access-1 access-2 refresh-1")).isEqualTo("**** **** ****");
    assertThat(r.size()).isEqualTo(3);
  }

  @Test
  void ignoresNullAndTooShortSecretsSoOrdinaryTextSurvives() {
    Redactor r = new Redactor().secret(null).secret("1");

    assertThat(r.redact("customer 1 of 10")).isEqualTo("customer 1 of 10");
  }

  @Test
  void knowsTheSensitiveHeaders() {
    assertThat(Redactor.isSensitiveHeader("Authorization")).isTrue();
    assertThat(Redactor.isSensitiveHeader("X-Billbee-Api-Key")).isTrue();
    assertThat(Redactor.isSensitiveHeader("x-api-key")).isTrue();
    assertThat(Redactor.isSensitiveHeader("Content-Type")).isFalse();
  }

  @Test
  void fingerprintIsStableOneWayAndSeparatesParts() {
    assertThat(Redactor.fingerprint("key", "user")).isEqualTo(Redactor.fingerprint("key", "user")).hasSize(16)
        .doesNotContain("key");
    assertThat(Redactor.fingerprint("ke", "yuser")).isNotEqualTo(Redactor.fingerprint("key", "user"));
  }
}
