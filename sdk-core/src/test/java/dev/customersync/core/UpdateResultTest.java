package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpdateResultTest {

  private final Customer ada = Customer.builder().firstName("Ada").build();

  @Test
  void mapsTheVendorAnswerOnlyWhenAskedAndOnlyOnce() {
    AtomicInteger mappings = new AtomicInteger();
    UpdateResult r = UpdateResult.builder().vendor("v").customerId("1").attempts(2).vendorResponse("answer")
        .customer(() -> {
          mappings.incrementAndGet();
          return ada;
        })
        .build();

    assertThat(mappings).hasValue(0);
    assertThat(r.customer()).isEqualTo(ada);
    assertThat(r.customer()).isSameAs(r.customer());
    assertThat(mappings).hasValue(1);
  }

  @Test
  void equalityCoversTheCustomerButNotTheVendorResponse() {
    UpdateResult a = UpdateResult.builder().vendor("v").customerId("1").attempts(2).vendorResponse("x").customer(ada).build();
    UpdateResult sameMappedLater = UpdateResult.builder().vendor("v").customerId("1").attempts(2).vendorResponse("y")
        .customer(() -> Customer.builder().firstName("Ada").build()).build();
    UpdateResult other = UpdateResult.builder().vendor("v").customerId("1").attempts(2).vendorResponse("x")
        .customer(Customer.builder().firstName("Augusta").build()).build();

    assertThat(a).isEqualTo(sameMappedLater).hasSameHashCodeAs(sameMappedLater).isNotEqualTo(other);
    assertThat(a.toString()).contains("Ada", "attempts=2");
  }

  @Test
  void aMappingThatAnswersNullFailsWhenTheCustomerIsAskedFor() {
    UpdateResult r = UpdateResult.builder().vendor("v").customerId("1").attempts(1).vendorResponse("x")
        .customer(() -> null).build();

    assertThatThrownBy(r::customer).isInstanceOf(NullPointerException.class).hasMessageContaining("mapped its answer to null");
  }
}
