package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-15T10:00:00Z"));

  @Test
  void readsDelaySeconds() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
  }

  @Test
  void readsHttpDateRelativeToTheClock() {
    assertThat(RetryAfter.parse("Thu, 15 Jan 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
  }

  @Test
  void dateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Thu, 15 Jan 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void absentOrUnreadableHeaderIsEmpty() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
  }

  @Test
  void hugeSecondsDoNotOverflow() {
    assertThat(RetryAfter.parse("99999999999999999999999", clock)).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
  }
}
