package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBillbee;
import org.junit.jupiter.api.Test;

/**
 * Billbee's hooks for the lossless-write rows, through the harness as the matrix drives it: a read
 * naming no customer or another one is refused with nothing written, and an update that changes
 * nothing sends no PUT.
 */
class BillbeeHarnessLosslessTest {

  private final BillbeeHarness harness = new BillbeeHarness();

  @Test
  void aReadNamingNoCustomerIsRefusedAndNothingIsWritten() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onRead(harness.readNamingNoCustomer());

      UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class, () -> run.rename("Augusta"));

      assertThat(e.foundId()).isEmpty();
      assertThat(run.fake.journal().count(entry -> harness.writes().test(entry.request()))).isZero();
      assertThat(harness.storedName(run.fake)).isEqualTo("Ada Lovelace");
      assertThat(harness.sideEffects(run.fake)).isZero();
    }
  }

  @Test
  void aReadNamingAnotherCustomerIsRefusedAndNothingIsWritten() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onRead(harness.readNamingAnotherCustomer());

      UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class, () -> run.rename("Augusta"));

      assertThat(e.requestedId()).isEqualTo(harness.customerId());
      assertThat(e.foundId()).contains(Long.toString(BillbeeHarness.CUSTOMER + 1));
      assertThat(run.fake.journal().count(entry -> harness.writes().test(entry.request()))).isZero();
    }
  }

  @Test
  void anUpdateThatChangesNothingSendsOnlyTheRead() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      UpdateResult r = run.rename("Ada");

      assertThat(r.written()).isFalse();
      assertThat(run.fake.journal().size()).isEqualTo(1);
      assertThat(((FakeBillbee) run.fake).customer(BillbeeHarness.CUSTOMER).orElseThrow())
          .isEqualTo(FakeBillbee.sampleCustomer(BillbeeHarness.CUSTOMER));
    }
  }
}
