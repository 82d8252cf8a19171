package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.MatchKey;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.testkit.FakeStorm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directory against the stateful fake: find, create, find again, and no mail on the way. */
class StormCustomerDirectoryTest {

  private final FakeStorm fake = new FakeStorm().seedDemoCustomers();
  private final StormClient client = StormTestSupport.clientFor(fake).build();
  private final CustomerDirectory directory = client.customerDirectory();

  @AfterEach
  void close() {
    client.close();
    fake.close();
  }

  @Test
  void findsSeededCustomersByEmailAndCode() {
    assertThat(directory.find(MatchKey.EMAIL, MatchKey.EMAIL.normalize(" Ada@Example.com "))).contains("1001");
    assertThat(directory.find(MatchKey.EXTERNAL_CODE, "ERP-1001")).contains("1001");
    assertThat(directory.find(MatchKey.EMAIL, "nobody@example.com")).isEmpty();
  }

  @Test
  void findCreateFindFindsTheCreatedCustomerAndSendsNoMail() {
    Customer alan = Customer.builder().email("alan@example.com").firstName("Alan").lastName("Turing")
        .externalCode("ERP-7").companyName("Bletchley AB").build();
    assertThat(directory.find(MatchKey.EMAIL, "alan@example.com")).isEmpty();

    UpdateResult created = directory.create(alan);

    assertThat(directory.find(MatchKey.EMAIL, "alan@example.com")).contains(created.customerId());
    assertThat(directory.find(MatchKey.EXTERNAL_CODE, "ERP-7")).contains(created.customerId());
    JsonNode stored = fake.customer(Integer.parseInt(created.customerId())).orElseThrow();
    assertThat(stored.get("Companies").get(0).get("Name").asText()).isEqualTo("Bletchley AB");
    assertThat(stored.get("Companies").get(0).get("Id").asInt()).isNotEqualTo(501);
    assertThat(created.customer().lastName()).contains("Turing");
    assertThat(fake.createdCount()).isEqualTo(1);
    assertThat(fake.mailsSent()).isZero();
  }

  @Test
  void aCreatedCustomerIsUpdatedLikeAnyOther() {
    String id = directory.create(Customer.builder().email("alan@example.com").firstName("Alan").lastName("Turing")
        .build()).customerId();

    UpdateResult updated = client.customerUpdater().update(id, Customer.builder().phone("+44 1").build());

    assertThat(updated.written()).isTrue();
    assertThat(fake.customer(Integer.parseInt(id)).orElseThrow().get("Phone").asText()).isEqualTo("+44 1");
    assertThat(fake.mailsSent()).isZero();
  }

  @Test
  void aDuplicateEmailInAnyCaseIsStormsCustomerAlreadyExistsAndCreatesNothing() {
    assertThatThrownBy(() -> directory.create(Customer.builder().email("GRACE@example.com").firstName("G")
        .lastName("H").build()))
        .isInstanceOfSatisfying(VendorApiException.class, e -> {
          assertThat(e.errorCode()).contains("CustomerAlreadyExists");
          assertThat(e.fieldErrors()).containsKey("Email");
        });
    assertThat(fake.createdCount()).isZero();
    assertThat(fake.customerCount()).isEqualTo(2);
  }

  @Test
  void planCreateSendsNothing() {
    directory.planCreate(Customer.builder().email("alan@example.com").firstName("Alan").lastName("Turing").build());

    assertThat(fake.journal().count(e -> FakeStorm.apiCalls().test(e.request()))).isZero();
  }
}
