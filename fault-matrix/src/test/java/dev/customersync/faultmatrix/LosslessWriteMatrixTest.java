package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.customersync.core.Customer;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lossless-write rows, for every vendor: an answer that names no customer or another one is
 * never written back, an update that changes nothing sends no write, a plan never writes, and no
 * update causes a side effect nobody asked for (a Storm mail, a re-created BokaMera key).
 */
class LosslessWriteMatrixTest {

  static List<VendorHarness> vendors() {
    return VendorHarness.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void aReadNamingNoCustomerIsNeverWrittenBack(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      run.onRead(h.readNamingNoCustomer());

      Throwable thrown = catchThrowable(() -> run.rename("Augusta"));

      SecretScan.exception(thrown);
      assertThat(thrown).isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
        assertThat(e.requestedId()).isEqualToIgnoringCase(h.customerId());
        assertThat(e.foundId()).isEmpty();
      });
      assertThat(run.writes()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void aReadNamingAnotherCustomerIsNeverWrittenBack(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      run.onRead(h.readNamingAnotherCustomer());

      Throwable thrown = catchThrowable(() -> run.rename("Augusta"));

      assertThat(thrown).isInstanceOfSatisfying(UnexpectedCustomerException.class,
          e -> assertThat(e.foundId()).isPresent().get().asString().isNotEqualToIgnoringCase(h.customerId()));
      assertThat(run.writes()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void anUpdateThatChangesNothingSendsNoWrite(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      run.rename("Augusta");
      long writesBefore = run.writes();

      UpdateResult again = run.rename("Augusta");
      UpdateResult empty = run.client().updater().update(h.customerId(), Customer.builder().build());

      assertThat(again.written()).isFalse();
      assertThat(again.changes()).isEmpty();
      assertThat(empty.written()).isFalse();
      assertThat(run.writes()).isEqualTo(writesBefore);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void aPlanReadsButNeverWrites(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      UpdatePlan plan = run.client().updater().plan(h.customerId(), Customer.builder().firstName("Augusta").build());

      assertThat(plan.isEmpty()).isFalse();
      assertThat(run.writes()).isZero();
      assertThat(run.reads()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void datesInEveryDocumentedFormAreReadAndWrittenBackCharacterForCharacter(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      VendorHarness.DatedRead dated = h.readWithEveryDateForm();
      run.onRead(dated.read());

      UpdateResult r = run.rename("Augusta");

      assertThat(r.written()).isTrue();
      String written = run.fake.journal().entries().stream().filter(e -> h.writes().test(e.request()))
          .reduce((a, b) -> b).orElseThrow().request().getBody().utf8();
      assertThat(written).contains("Augusta");
      for (String date : dated.datesWrittenBack()) {
        assertThat(written).contains(date);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void updatesCauseNoSideEffectNobodyAskedFor(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      for (String name : List.of("Augusta", "Ada", "Byron")) {
        run.rename(name);
      }

      assertThat(h.sideEffects(run.fake)).isZero();
      assertThat(h.storedName(run.fake)).contains("Byron");
    }
  }
}
