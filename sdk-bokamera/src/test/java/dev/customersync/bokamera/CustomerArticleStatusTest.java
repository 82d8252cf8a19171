package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DatabindException;
import org.junit.jupiter.api.Test;

class CustomerArticleStatusTest {

  @Test
  void knowsTheFiveDocumentedStatuses() {
    assertThat(CustomerArticleStatus.of(1)).isSameAs(CustomerArticleStatus.AWAITING_PAYMENT);
    assertThat(CustomerArticleStatus.of(2)).isSameAs(CustomerArticleStatus.AWAITING_PAYMENT_FROM_PROVIDER);
    assertThat(CustomerArticleStatus.of(3)).isSameAs(CustomerArticleStatus.AWAITING_PAYMENT_NO_TIME_LIMIT);
    assertThat(CustomerArticleStatus.of(4)).isSameAs(CustomerArticleStatus.ACTIVE);
    assertThat(CustomerArticleStatus.of(5)).isSameAs(CustomerArticleStatus.OFF);
    assertThat(CustomerArticleStatus.ACTIVE.name()).contains("Active");
    assertThat(CustomerArticleStatus.ACTIVE).hasToString("Active(4)");
  }

  @Test
  void keepsAnUnknownNumber() {
    CustomerArticleStatus s = CustomerArticleStatus.of(9);

    assertThat(s.value()).isEqualTo(9);
    assertThat(s.isKnown()).isFalse();
    assertThat(s.name()).isEmpty();
    assertThat(s).isEqualTo(CustomerArticleStatus.of(9)).hasToString("Unknown(9)");
  }

  @Test
  void isWrittenAsItsNumberAndReadFromNumbersAndNames() throws Exception {
    assertThat(Samples.JSON.writeValueAsString(CustomerArticleStatus.OFF)).isEqualTo("5");
    assertThat(Samples.JSON.writeValueAsString(CustomerArticleStatus.of(77))).isEqualTo("77");
    assertThat(Samples.JSON.readValue("4", CustomerArticleStatus.class)).isSameAs(CustomerArticleStatus.ACTIVE);
    assertThat(Samples.JSON.readValue("77", CustomerArticleStatus.class).value()).isEqualTo(77);
    assertThat(Samples.JSON.readValue("\"3\"", CustomerArticleStatus.class))
        .isSameAs(CustomerArticleStatus.AWAITING_PAYMENT_NO_TIME_LIMIT);
    assertThat(Samples.JSON.readValue("\"awaitingPaymentFromProvider\"", CustomerArticleStatus.class))
        .isSameAs(CustomerArticleStatus.AWAITING_PAYMENT_FROM_PROVIDER);
  }

  @Test
  void anUnknownNameFailsWithTheKnownOnesListed() {
    assertThatThrownBy(() -> CustomerArticleStatus.parse("Refunded"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Refunded")
        .hasMessageContaining("4 Active");
    assertThatThrownBy(() -> Samples.JSON.readValue("\"Refunded\"", CustomerArticleStatus.class))
        .isInstanceOf(DatabindException.class);
  }
}
