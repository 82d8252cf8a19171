package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.DirectorySession;
import dev.customersync.core.MatchKey;
import dev.customersync.core.PageReads;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.RequestJournal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory and its sessions against the stateful fake: find, create, page snapshot. */
class BillbeeDirectorySessionTest {

  private static final Predicate<RequestJournal.Entry> LIST =
      e -> e.method().equals("GET") && e.path().equals("/api/v1/customers");
  private static final Predicate<RequestJournal.Entry> SINGLE_READ =
      e -> e.method().equals("GET") && e.path().startsWith("/api/v1/customers/");
  private static final Predicate<RequestJournal.Entry> WRITE = e -> e.method().equals("PUT");

  private final TestClients clients = new TestClients();
  private final MutableClock clock = new MutableClock();
  private FakeBillbee fake;
  private BillbeeClient client;

  @BeforeEach
  void start() {
    fake = new FakeBillbee().throttling(false).start();
    for (long id = 1; id <= 3; id++) {
      fake.seed(FakeBillbee.sampleCustomer(id).put("Email", "c" + id + "@example.com").put("Number", 9000 + id));
    }
    client = clients.builder(fake.url("/")).clock(clock).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void findThenCreateThenFindFindsTheCreatedCustomer() {
    BillbeeCustomerDirectory directory = client.customerDirectory();
    Customer grace = Customer.builder().firstName("Grace").lastName("Hopper").email("Grace@Example.com").build();

    assertThat(directory.find(MatchKey.EMAIL, "grace@example.com")).isEmpty();
    UpdateResult created = directory.create(grace);

    // Above every id the fake holds, of any kind: sample 3's meta data ids go up to 34.
    assertThat(created.customerId()).isEqualTo("35");
    assertThat(directory.find(MatchKey.EMAIL, "grace@example.com")).contains("35");
    assertThat(fake.createdCount()).isEqualTo(1);
    assertThat(fake.customer(35).orElseThrow().get("Name").asText()).isEqualTo("Grace Hopper");
    assertThat(fake.createdAddress(35).orElseThrow().get("AddressType").intValue()).isEqualTo(1);
    assertThat(created.customer().lastName()).contains("Hopper");
  }

  @Test
  void aFreshDirectoryFindsWhatAnotherCreatedOnceItsIndexIsRead() {
    client.customerDirectory().create(Customer.builder().lastName("Hopper").externalCode("77").build());

    try (BillbeeClient other = clients.builder(fake.url("/")).build()) {
      assertThat(other.customerDirectory().find(MatchKey.EXTERNAL_CODE, "77")).contains("35");
    }
  }

  @Test
  void aSessionFindsCreatesAndFindsWhatItCreated() {
    try (DirectorySession session = open(PageReads.NEVER, OptionalLong.empty())) {
      assertThat(session.find(MatchKey.EXTERNAL_CODE, "9002")).contains("2");
      UpdateResult created = session.create(Customer.builder().companyName("Engines Ltd").externalCode("555").build());

      assertThat(session.find(MatchKey.EXTERNAL_CODE, "555")).contains(created.customerId());
    }
    assertThat(fake.journal().count(LIST)).isEqualTo(1);
  }

  @Test
  void withPageReadsAlwaysThePagesStandInForEveryUpdatesRead() {
    try (DirectorySession session = open(PageReads.ALWAYS, OptionalLong.empty())) {
      for (long id = 1; id <= 3; id++) {
        UpdateResult r = session.update(Long.toString(id), Customer.builder().phone("+49 30 99" + id).build());
        assertThat(r.written()).isTrue();
        assertThat(r.attempts()).as("the page read is not the update's").isEqualTo(1);
      }
    }
    assertThat(fake.journal().count(LIST)).isEqualTo(1);
    assertThat(fake.journal().count(SINGLE_READ)).isZero();
    assertThat(fake.journal().count(WRITE)).isEqualTo(3);
    assertThat(fake.customer(2).orElseThrow().get("Tel1").asText()).isEqualTo("+49 30 992");
  }

  @Test
  void aSecondUpdateOfOneCustomerReadsItAgainSinceTheFirstWrote() {
    try (DirectorySession session = open(PageReads.ALWAYS, OptionalLong.empty())) {
      session.update("1", Customer.builder().phone("+49 30 1").build());
      UpdateResult second = session.update("1", Customer.builder().mobilePhone("+49 170 1").build());

      assertThat(second.written()).isTrue();
    }
    assertThat(fake.journal().count(SINGLE_READ)).isEqualTo(1);
    assertThat(fake.customer(1).orElseThrow().get("Tel1").asText()).as("the first write kept").isEqualTo("+49 30 1");
  }

  @Test
  void plansUseTheSnapshotOnceToo() {
    try (DirectorySession session = open(PageReads.ALWAYS, OptionalLong.empty())) {
      UpdatePlan plan = session.plan("3", Customer.builder().email("new@example.com").build());
      session.plan("3", Customer.builder().email("new@example.com").build());

      assertThat(plan.changes()).isNotEmpty();
      assertThat(plan.attempts()).isZero();
    }
    assertThat(fake.journal().count(SINGLE_READ)).isEqualTo(1);
    assertThat(fake.journal().count(WRITE)).isZero();
  }

  @Test
  void badInputFailsBeforeAnyPageIsRead() {
    try (DirectorySession session = open(PageReads.ALWAYS, OptionalLong.of(1000))) {
      assertThatThrownBy(() -> session.update("B-1", Customer.builder().phone("+49 30 1").build()))
          .isInstanceOf(CustomerValidationException.class).hasMessageContaining("customerId");
      assertThatThrownBy(() -> session.update("1", Customer.builder().email("not-an-address").build()))
          .isInstanceOf(CustomerValidationException.class).hasMessageContaining("email");
    }
    assertThat(fake.journal().size()).isZero();
  }

  @Test
  void withPageReadsNeverEveryUpdateReadsOnItsOwn() {
    try (DirectorySession session = open(PageReads.NEVER, OptionalLong.of(1000))) {
      session.find(MatchKey.EMAIL, "c1@example.com");
      session.update("1", Customer.builder().phone("+49 30 1").build());
      session.update("2", Customer.builder().phone("+49 30 2").build());
    }
    assertThat(fake.journal().count(LIST)).as("the find's index only").isEqualTo(1);
    assertThat(fake.journal().count(SINGLE_READ)).isEqualTo(2);
  }

  @Test
  void autoUsesThePagesWhenAFindReadThemAnyway() {
    try (DirectorySession session = open(PageReads.AUTO, OptionalLong.empty())) {
      session.find(MatchKey.EMAIL, "c1@example.com");
      session.update("1", Customer.builder().phone("+49 30 1").build());
    }
    assertThat(fake.journal().count(SINGLE_READ)).isZero();
  }

  @Test
  void autoReadsThePagesWhenTheRunIsAtLeastAsLargeAsTheNumberOfPages() {
    try (DirectorySession session = open(PageReads.AUTO, OptionalLong.of(1))) {
      session.update("1", Customer.builder().phone("+49 30 1").build());
      session.update("3", Customer.builder().phone("+49 30 3").build());
    }
    assertThat(fake.journal().count(LIST)).isEqualTo(1);
    assertThat(fake.journal().count(SINGLE_READ)).isZero();
  }

  @Test
  void autoWithoutAnExpectedSizeReadsEachCustomer() {
    try (DirectorySession session = open(PageReads.AUTO, OptionalLong.empty())) {
      session.update("1", Customer.builder().phone("+49 30 1").build());
    }
    assertThat(fake.journal().count(LIST)).isZero();
    assertThat(fake.journal().count(SINGLE_READ)).isEqualTo(1);
  }

  @Test
  void autoReadsOnlyPageOneWhenTheRunIsSmallerThanTheNumberOfPages() {
    for (long id = 4; id <= 260; id++) {
      fake.seedSample(id);
    }
    try (DirectorySession session = open(PageReads.AUTO, OptionalLong.of(1))) {
      session.update("2", Customer.builder().phone("+49 30 2").build());
      session.update("255", Customer.builder().phone("+49 30 255").build());
    }
    assertThat(fake.journal().count(LIST)).as("page 1, to learn TotalPages").isEqualTo(1);
    assertThat(fake.journal().count(SINGLE_READ)).as("255 is on page 2").isEqualTo(1);
  }

  @Test
  void aSnapshotOlderThanSnapshotMaxAgeIsReadAgain() {
    try (DirectorySession session = open(PageReads.ALWAYS, OptionalLong.empty())) {
      session.update("1", Customer.builder().phone("+49 30 1").build());
      clock.advance(Duration.ofMinutes(10));
      session.update("2", Customer.builder().phone("+49 30 2").build());
    }
    assertThat(fake.journal().count(SINGLE_READ)).isEqualTo(1);
  }

  @Test
  void anArchivedOnlyMatchIsFoundAndItsUpdateRefused() {
    fake.archive(2, OffsetDateTime.parse("2024-01-01T00:00:00+00:00"));
    try (DirectorySession session = open(PageReads.AUTO, OptionalLong.empty())) {
      String id = session.find(MatchKey.EMAIL, "c2@example.com").orElseThrow();

      assertThatThrownBy(() -> session.update(id, Customer.builder().phone("+49 30 2").build()))
          .isInstanceOf(BillbeeCustomerArchivedException.class);
    }
    assertThat(fake.journal().count(WRITE)).isZero();
  }

  @Test
  void anArchivedCustomerSharingAKeyWithALiveOneMakesItAmbiguous() {
    fake.seed(FakeBillbee.sampleCustomer(9).put("Email", "c1@example.com"))
        .archive(9, OffsetDateTime.parse("2024-01-01T00:00:00+00:00"));

    assertThatThrownBy(() -> client.customerDirectory().find(MatchKey.EMAIL, "c1@example.com"))
        .isInstanceOf(AmbiguousMatchException.class).hasMessageContaining("1, 9");
  }

  @Test
  void whenBillbeeListsNoArchivedCustomersTheLiveOneIsFound() {
    fake.listsArchivedCustomers(false).seed(FakeBillbee.sampleCustomer(9).put("Email", "c1@example.com"))
        .archive(9, OffsetDateTime.parse("2024-01-01T00:00:00+00:00"));

    assertThat(client.customerDirectory().find(MatchKey.EMAIL, "c1@example.com")).contains("1");
  }

  @Test
  void aStrangersUpdaterGetsNoSnapshot() {
    try (BillbeeClient other = clients.builder(fake.url("/")).build();
        DirectorySession session = client.customerDirectory().openSession(other.customerUpdater(), PageReads.ALWAYS,
            OptionalLong.empty())) {
      session.update("1", Customer.builder().phone("+49 30 1").build());
    }
    assertThat(fake.journal().count(LIST)).isZero();
    assertThat(fake.journal().count(SINGLE_READ)).isEqualTo(1);
  }

  private DirectorySession open(PageReads pageReads, OptionalLong expectedItems) {
    return client.customerDirectory().openSession(client.customerUpdater(), pageReads, expectedItems);
  }
}
