package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.MatchKey;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBokaMera;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The directory against the BokaMera fake, whose Search is the broadest reading (a substring of
 * name or e-mail) and whose pages come as a QueryResponse with Total or as bare arrays: every test
 * runs both.
 */
class BokaMeraCustomerDirectoryTest {

  private final FakeBokaMera fake = new FakeBokaMera();
  private BokaMeraClient client;
  private CustomerDirectory directory;

  private void start(boolean bareArrays) {
    fake.start();
    fake.answersBareArrays(bareArrays);
    client = BokaMeraClient.builder()
        .baseUrl(fake.baseUrl())
        .apiKey(fake.apiKey())
        .accessToken(fake.issueAccessToken())
        .retryPolicy(Samples.fastRetries())
        .build();
    directory = client.customerUpdater().directory().orElseThrow();
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  @ParameterizedTest(name = "bare arrays: {0}")
  @ValueSource(booleans = {false, true})
  void findThenCreateThenFindFindsTheNewCustomer(boolean bareArrays) {
    start(bareArrays);
    fake.addCustomer("Nada", "Nilsson", "nada@example.com", "1");
    fake.addCustomer("ada@example.com", "Named after an address", "other@example.com", "2");

    Optional<String> before = directory.find(MatchKey.EMAIL, "ada@example.com");
    UpdateResult created = directory.create(Customer.builder().firstName("Ada").lastName("Lovelace")
        .phone("+46701234567").email("Ada@Example.com").build());
    Optional<String> after = directory.find(MatchKey.EMAIL, MatchKey.EMAIL.normalize(" ADA@example.com"));

    assertThat(before).isEmpty();
    assertThat(after).contains(created.customerId());
    assertThat(fake.createdCustomers()).containsExactly(UUID.fromString(created.customerId()));
    assertThat(created.customer().email()).contains("Ada@Example.com");
    // No side effect: no access key came with the customer.
    assertThat(fake.keysCreated()).isZero();
    assertThat(fake.customer(UUID.fromString(created.customerId())).orElseThrow().get("AccessKeys")).isEmpty();
    // The new customer is an ordinary one: the updater finds and changes it.
    client.customerUpdater().update(created.customerId(), Customer.builder().lastName("King").build());
  }

  @ParameterizedTest(name = "bare arrays: {0}")
  @ValueSource(booleans = {false, true})
  void findsACustomerBeyondTheFirstPage(boolean bareArrays) {
    start(bareArrays);
    for (int i = 0; i < 230; i++) {
      fake.addCustomer("Ada" + i, "Lovelace", i + "ada@example.com", "1");
    }
    UUID wanted = fake.addCustomer("Ada", "Last", "ada@example.com", "1");

    assertThat(directory.find(MatchKey.EMAIL, "ada@example.com")).contains(wanted.toString());
    assertThat(fake.journal().count("GET", "/customers")).isEqualTo(3);
  }

  @ParameterizedTest(name = "bare arrays: {0}")
  @ValueSource(booleans = {false, true})
  void twoCustomersWithOneEmailAreAmbiguous(boolean bareArrays) {
    start(bareArrays);
    UUID first = fake.addCustomer("Ada", "One", "ada@example.com", "1");
    UUID second = fake.addCustomer("Ada", "Two", "ADA@example.com", "2");

    AmbiguousMatchException e = catchThrowableOfType(AmbiguousMatchException.class,
        () -> directory.find(MatchKey.EMAIL, "ada@example.com"));

    assertThat(e.customerIds()).containsExactlyInAnyOrder(first.toString(), second.toString());
  }
}
