package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallDeadlineTest {

  private final FakeClock clock = new FakeClock();

  @Test
  void measuresTheTimeLeftOnItsClock() {
    CallDeadline d = CallDeadline.after(Duration.ofSeconds(30), clock::nanoTime);
    clock.advance(Duration.ofMillis(25_800));

    assertThat(d.remaining()).isEqualTo(Duration.ofMillis(4_200));
    assertThat(d.allows(Duration.ofSeconds(4))).isTrue();
    assertThat(d.allows(Duration.ofSeconds(5))).isFalse();
    clock.advance(Duration.ofSeconds(10));
    assertThat(d.remaining()).isZero();
    assertThat(d.remainingNanos()).isNegative();
  }

  @Test
  void aNestedScopeKeepsTheOuterDeadlineAndClosingItLeavesTheOuterInPlace() {
    CallDeadline outer = CallDeadline.after(Duration.ofSeconds(5), clock::nanoTime);
    try (CallDeadline.Scope o = outer.enter()) {
      try (CallDeadline.Scope inner = CallDeadline.after(Duration.ofMinutes(5), clock::nanoTime).enter()) {
        assertThat(inner.deadline()).isSameAs(outer);
      }
      assertThat(CallDeadline.current()).isSameAs(outer);
    }
    assertThat(CallDeadline.current()).isNull();
  }

  @Test
  void noneNeverPasses() {
    CallDeadline none = CallDeadline.none();

    assertThat(none.bounded()).isFalse();
    assertThat(none.budget()).isNull();
    assertThat(none.allows(Duration.ofDays(365))).isTrue();
  }

  @Test
  void refusesABudgetThatIsNotPositive() {
    assertThatThrownBy(() -> CallDeadline.after(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget must be positive");
  }

  @Test
  void formatsDurationsAsPeopleReadThem() {
    assertThat(CallDeadline.format(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(CallDeadline.format(Duration.ofMillis(4_200))).isEqualTo("4.2 s");
    assertThat(CallDeadline.format(Duration.ofMillis(300))).isEqualTo("300 ms");
    assertThat(CallDeadline.format(Duration.ofMillis(29_999))).isEqualTo("30 s");
    assertThat(CallDeadline.format(Duration.ofMillis(29_840))).isEqualTo("29.8 s");
  }
}
