package dev.customersync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.MatchKey;
import dev.customersync.core.NoMatchException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sync by match key: find, create if missing (never twice), and remember what was synced so that
 * an unchanged customer costs no call.
 */
class MatchKeySyncTest {

  private final InMemoryVendor vendor = new InMemoryVendor("acme");
  private final InMemorySyncStateStore state = new InMemorySyncStateStore();

  private static Customer ada(String lastName) {
    return Customer.builder().firstName("Ada").lastName(lastName).email("Ada@Example.com").externalCode("C-1").build();
  }

  private SyncReport run(SyncOptions options, SyncItem... items) {
    try (CustomerSync sync = CustomerSync.builder().updater(vendor).build()) {
      return sync.syncAll(Stream.of(items), options);
    }
  }

  private static SyncItem byEmail(String key, Customer c) {
    return SyncItem.of(key, c, CustomerLink.byEmail("acme"));
  }

  private static SyncOptions.Builder withState(InMemorySyncStateStore s) {
    return SyncOptions.builder().stateStore(s);
  }

  @Test
  void findsCustomerByEmailCaseInsensitivelyThenUpdatesIt() {
    vendor.seed("7", Customer.builder().email("ada@example.com").lastName("Old").build());

    SyncReport report = run(SyncOptions.defaults(), byEmail("r1", ada("Lovelace")));

    assertThat(report.count("acme", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    assertThat(vendor.customers.get("7").lastName()).contains("Lovelace");
    // Asked as the customer holds it (a vendor's lookup may not ignore case); matched normalized.
    assertThat(vendor.callLog).containsExactly("find email=Ada@Example.com", "update 7");
  }

  @Test
  void findsCustomerByExternalCode() {
    vendor.seed("8", Customer.builder().externalCode("C-1").build());

    SyncReport report = run(SyncOptions.defaults(),
        SyncItem.of("r1", ada("Lovelace"), CustomerLink.byExternalCode("acme")));

    assertThat(report.count("acme", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    assertThat(vendor.customers.get("8").lastName()).contains("Lovelace");
  }

  @Test
  void missingCustomerFailsAsNoMatchUnlessCreateMissing() {
    SyncReport report = run(SyncOptions.defaults(), byEmail("r1", ada("Lovelace")));

    assertThat(report.count("acme", VendorOutcome.Status.FAILED)).isEqualTo(1);
    assertThat(report.failures().get(0).outcome().error()).isInstanceOf(NoMatchException.class)
        .hasMessageContaining("no acme customer has this email").hasMessageNotContaining("example.com");
    assertThat(vendor.creates.get()).isZero();
  }

  @Test
  void createsMissingCustomerOnceAndReportsItsId() {
    SyncReport report = run(SyncOptions.builder().createMissing(true).build(), byEmail("r1", ada("Lovelace")));

    assertThat(report.count("acme", VendorOutcome.Status.CREATED)).isEqualTo(1);
    assertThat(vendor.creates.get()).isEqualTo(1);
    assertThat(vendor.customers).containsKey("1000");
  }

  @Test
  void createdIdIsReportedOnTheOutcome() {
    List<VendorOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    run(SyncOptions.builder().createMissing(true).outcomeListener((item, o) -> outcomes.add(o)).build(),
        byEmail("r1", ada("Lovelace")));

    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(VendorOutcome.Status.CREATED);
      assertThat(o.customerId()).isEqualTo("1000");
      assertThat(o.matchKey()).isEqualTo(MatchKey.EMAIL);
    });
  }

  @Test
  void lostCreateAnswerIsResolvedByFindingAgainNeverByCreatingAgain() {
    vendor.loseNextCreateAnswer = true;

    SyncReport report = run(SyncOptions.builder().createMissing(true).stateStore(state).build(),
        byEmail("r1", ada("Lovelace")));

    assertThat(report.count("acme", VendorOutcome.Status.CREATED)).isEqualTo(1);
    assertThat(vendor.creates.get()).isEqualTo(1);
    assertThat(vendor.customers).hasSize(1);
    assertThat(state.get(SyncStateKey.of("acme", "acct-acme", MatchKey.EMAIL, "ada@example.com")))
        .map(SyncState::customerId).contains("1000");
  }

  @Test
  void lostCreateThatDidNotLandFailsWithoutASecondCreate() {
    vendor.failNextCreateBeforeLanding = true;

    SyncReport report = run(SyncOptions.builder().createMissing(true).build(), byEmail("r1", ada("Lovelace")));

    assertThat(report.count("acme", VendorOutcome.Status.FAILED)).isEqualTo(1);
    assertThat(report.failures().get(0).outcome().error()).hasMessageContaining("not sent again");
    assertThat(vendor.creates.get()).isEqualTo(1);
    assertThat(vendor.customers).isEmpty();
  }

  @Test
  void twoCustomersWithOneKeyFailNamingBothIds() {
    vendor.seed("11", Customer.builder().email("ada@example.com").build());
    vendor.seed("12", Customer.builder().email("ADA@example.com").build());

    SyncReport report = run(SyncOptions.builder().createMissing(true).build(), byEmail("r1", ada("Lovelace")));

    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.outcome().error())
        .isInstanceOf(AmbiguousMatchException.class).hasMessageContaining("11, 12"));
    assertThat(vendor.writes.get() + vendor.creates.get()).isZero();
  }

  @Test
  void unchangedCustomerIsSkippedWithZeroCallsOnTheSecondRun() {
    SyncOptions options = withState(state).createMissing(true).build();
    run(options, byEmail("r1", ada("Lovelace")));
    int callsAfterFirst = vendor.calls();

    SyncReport second = run(options, byEmail("r1", ada("Lovelace")));

    assertThat(second.count("acme", VendorOutcome.Status.SKIPPED)).isEqualTo(1);
    assertThat(vendor.calls()).isEqualTo(callsAfterFirst);
  }

  @Test
  void changedCustomerGoesThroughReadMergeWriteWithoutALookup() {
    SyncOptions options = withState(state).createMissing(true).build();
    run(options, byEmail("r1", ada("Lovelace")));
    int findsAfterFirst = vendor.finds.get();

    SyncReport second = run(options, byEmail("r1", ada("King")));

    assertThat(second.count("acme", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    assertThat(vendor.finds.get()).isEqualTo(findsAfterFirst);
    assertThat(vendor.customers.get("1000").lastName()).contains("King");
  }

  @Test
  void fullResyncIgnoresTheRememberedFingerprints() {
    SyncOptions options = withState(state).createMissing(true).build();
    run(options, byEmail("r1", ada("Lovelace")));
    // Changed at the vendor behind the sync's back.
    vendor.customers.put("1000", ada("Tampered").toBuilder().build());

    SyncReport skipped = run(options, byEmail("r1", ada("Lovelace")));
    SyncReport repaired = run(withState(state).fullResync(true).build(), byEmail("r1", ada("Lovelace")));

    assertThat(skipped.count("acme", VendorOutcome.Status.SKIPPED)).isEqualTo(1);
    assertThat(repaired.count("acme", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    assertThat(vendor.customers.get("1000").lastName()).contains("Lovelace");
  }

  @Test
  void stateIsWrittenOnlyAfterTheVendorConfirmed() {
    vendor.seed("7", Customer.builder().email("ada@example.com").build());
    vendor.failUpdates = true;

    run(withState(state).build(), byEmail("r1", ada("Lovelace")));

    assertThat(state.size()).isZero();
  }

  @Test
  void rememberedIdDeletedAtTheVendorIsForgottenAndFoundAgain() {
    SyncOptions options = withState(state).createMissing(true).build();
    run(options, byEmail("r1", ada("Lovelace")));
    vendor.customers.remove("1000");

    SyncReport second = run(options, byEmail("r1", ada("King")));

    assertThat(second.count("acme", VendorOutcome.Status.CREATED)).isEqualTo(1);
    assertThat(state.get(SyncStateKey.of("acme", "acct-acme", MatchKey.EMAIL, "ada@example.com")))
        .map(SyncState::customerId).contains("1001");
  }

  @Test
  void linksByIdAreRememberedToo() {
    vendor.seed("7", Customer.builder().email("ada@example.com").build());
    SyncItem item = SyncItem.of("r1", ada("Lovelace"), CustomerLink.of("acme", "7"));
    run(withState(state).build(), item);
    int calls = vendor.calls();

    SyncReport second = run(withState(state).build(), item);

    assertThat(second.count("acme", VendorOutcome.Status.SKIPPED)).isEqualTo(1);
    assertThat(vendor.calls()).isEqualTo(calls);
  }

  @Test
  void rejectsMissingOrMalformedMatchKeyBeforeAnyCall() {
    SyncReport report = run(SyncOptions.builder().createMissing(true).build(),
        byEmail("no-email", Customer.builder().firstName("Ada").build()),
        byEmail("blank", Customer.builder().email("  ").build()),
        byEmail("bad", Customer.builder().email("not-an-address").build()));

    assertThat(report.count("acme", VendorOutcome.Status.FAILED)).isEqualTo(3);
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.outcome().error())
        .isInstanceOf(CustomerValidationException.class).hasMessageContaining("email"));
    assertThat(vendor.calls()).isZero();
  }

  @Test
  void sameKeyTwiceInOneSourceIsAppliedInOrderAndReported() {
    SyncReport report = run(SyncOptions.builder().createMissing(true).build(),
        byEmail("r1", ada("Lovelace")), byEmail("r2", ada("King")));

    assertThat(report.count("acme", VendorOutcome.Status.CREATED)).isEqualTo(1);
    assertThat(report.count("acme", VendorOutcome.Status.UPDATED)).isEqualTo(1);
    assertThat(vendor.customers).hasSize(1);
    assertThat(vendor.customers.get("1000").lastName()).contains("King");
    assertThat(report.duplicateKeys()).isEqualTo(1);
    assertThat(report.duplicateItemKeys()).containsExactly("r2");
  }

  @Test
  void stateStoreThatCannotBeOpenedStopsTheRunBeforeAnyCall() {
    SyncStateStore broken = new BrokenStore(true, false);

    assertThatThrownBy(() -> run(SyncOptions.builder().stateStore(broken).build(), byEmail("r1", ada("Lovelace"))))
        .isInstanceOf(SyncStateException.class).hasMessageContaining("cannot open");
    assertThat(vendor.calls()).isZero();
  }

  @Test
  void stateStoreThatFailsToWriteStopsTheRun() {
    vendor.seed("7", Customer.builder().email("ada@example.com").build());
    SyncStateStore broken = new BrokenStore(false, true);

    assertThatThrownBy(() -> run(SyncOptions.builder().stateStore(broken).build(),
        byEmail("r1", ada("Lovelace")), byEmail("r2", Customer.builder().email("bob@example.com").build())))
        .isInstanceOf(SyncAbortedException.class).hasMessageContaining("state store failed")
        .hasRootCauseMessage("disk full");
  }

  @Test
  void dryRunReportsWouldCreateAndNeverWritesStateOrVendor() {
    SyncReport report = run(withState(state).createMissing(true).dryRun(true).build(), byEmail("r1", ada("Lovelace")));

    assertThat(report.count("acme", VendorOutcome.Status.WOULD_CREATE)).isEqualTo(1);
    assertThat(vendor.creates.get()).isZero();
    assertThat(state.size()).isZero();
  }

  @Test
  void vendorThatCannotMatchOnAKeySaysSoPerItem() {
    vendor.keys = java.util.EnumSet.of(MatchKey.EMAIL);

    SyncReport report = run(SyncOptions.defaults(),
        SyncItem.of("r1", ada("Lovelace"), CustomerLink.byExternalCode("acme")));

    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.outcome().error())
        .hasMessageContaining("acme cannot find customers by externalCode"));
    assertThat(vendor.calls()).isZero();
  }

  @Test
  void failedMatchKeyLinkIsRetriedByItsKey() {
    SyncReport report = run(SyncOptions.defaults(), byEmail("r1", ada("Lovelace")));
    java.io.StringWriter out = new java.io.StringWriter();
    report.writeJsonLines(out);

    // Every failure, permanent ones too: this pins how the link is rebuilt, not which lines are taken.
    List<SyncItem> retry = SyncReport.readRetryItems(new java.io.StringReader(out.toString()), true);

    assertThat(retry).singleElement().satisfies(i -> assertThat(i.links()).containsExactly(CustomerLink.byEmail("acme")));
  }

  @Test
  void singleSyncFindsByEmailToo() {
    vendor.seed("7", Customer.builder().email("ada@example.com").build());
    try (CustomerSync sync = CustomerSync.builder().updater(vendor).build()) {
      SyncOutcome outcome = sync.sync(List.of(CustomerLink.byEmail("acme")), ada("Lovelace"));

      assertThat(outcome.outcomes()).singleElement().satisfies(o -> {
        assertThat(o.status()).isEqualTo(VendorOutcome.Status.UPDATED);
        assertThat(o.customerId()).isEqualTo("7");
      });
    }
  }

  /** A store that cannot be opened, or whose writes fail. */
  private static final class BrokenStore implements SyncStateStore {
    final boolean failCheck;
    final boolean failPut;

    BrokenStore(boolean failCheck, boolean failPut) {
      this.failCheck = failCheck;
      this.failPut = failPut;
    }

    @Override
    public Optional<SyncState> get(SyncStateKey key) {
      return Optional.empty();
    }

    @Override
    public void put(SyncStateKey key, SyncState s) {
      if (failPut) {
        throw new SyncStateException("could not write state", new java.io.IOException("disk full"));
      }
    }

    @Override
    public void remove(SyncStateKey key) {}

    @Override
    public void check() {
      if (failCheck) {
        throw new SyncStateException("cannot open the state store at /nowhere");
      }
    }
  }
}
