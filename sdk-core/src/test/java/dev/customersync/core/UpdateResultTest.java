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

  private final Customer reachable = Customer.builder().firstName("Ada").email("ada@example.com")
      .phone("+46 70 123 45 67").invoiceAddress(Address.builder().line1("Storgatan 1").postalCode("111 22")
          .city("Stockholm").build())
      .build();

  @Test
  void toStringMasksTheCustomersContactAndAddressValues() {
    String text = UpdateResult.builder().vendor("v").customerId("1").attempts(2).vendorResponse("x")
        .customer(reachable).build().toString();

    assertThat(text).contains("customerId=1", "firstName=Ada", "email=", "phone=", "line1=", "attempts=2");
    assertThat(text).doesNotContain("ada@example.com", "70 123", "Storgatan", "111 22", "Stockholm");
  }

  @Test
  void toStringDoesNotMapTheVendorAnswerButShowsItOnceMapped() {
    AtomicInteger mappings = new AtomicInteger();
    UpdateResult r = UpdateResult.builder().vendor("v").customerId("1").attempts(1).vendorResponse("x")
        .customer(() -> {
          mappings.incrementAndGet();
          return reachable;
        })
        .build();

    assertThat(r.toString()).contains("customer=(not mapped yet)").doesNotContain("Ada");
    assertThat(mappings).hasValue(0);

    r.customer();
    assertThat(r.toString()).contains("firstName=Ada", "email=").doesNotContain("ada@example.com");
    assertThat(mappings).hasValue(1);
  }

  @Test
  void aMappingThatAnswersNullFailsWhenTheCustomerIsAskedFor() {
    UpdateResult r = UpdateResult.builder().vendor("v").customerId("1").attempts(1).vendorResponse("x")
        .customer(() -> null).build();

    assertThatThrownBy(r::customer).isInstanceOf(NullPointerException.class).hasMessageContaining("mapped its answer to null");
  }
}
