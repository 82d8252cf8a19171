package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.Fault;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * BokaMera's harness hooks for the lossless-write rows, checked through the matrix's own run: the
 * two disagreeing reads are refused with nothing written, and {@code sideEffects} counts the
 * access keys BokaMera would create.
 */
class BokaMeraLosslessRowsTest {

  private final VendorHarness harness = new BokaMeraHarness();

  @Test
  void aReadNamingNoCustomerIsRefusedAndNothingIsWritten() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onRead(harness.readNamingNoCustomer());

      UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class, () -> run.rename("Augusta"));

      assertThat(e.foundId()).isEmpty();
      assertThat(e.requestedId()).isEqualTo(harness.customerId());
      assertThat(run.reads()).isEqualTo(1);
      assertThat(run.writes()).isZero();
      assertThat(harness.storedName(run.fake)).isEqualTo("Ada");
      assertThat(harness.sideEffects(run.fake)).isZero();
    }
  }

  @Test
  void aReadNamingAnotherCustomerIsRefusedAndNothingIsWritten() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onRead(harness.readNamingAnotherCustomer());

      UnexpectedCustomerException e = catchThrowableOfType(UnexpectedCustomerException.class, () -> run.rename("Augusta"));

      assertThat(e.foundId()).isPresent().get().isNotEqualTo(harness.customerId());
      assertThat(run.writes()).isZero();
      assertThat(harness.storedName(run.fake)).isEqualTo("Ada");
    }
  }

  @Test
  void anUpdateAndTheRetryOfItsWriteCreateNoAccessKey() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onWrite(Fault.status(503).afterHandling());

      UpdateResult result = run.rename("Augusta");

      assertThat(result.written()).isTrue();
      assertThat(run.writes()).isEqualTo(2);
      assertThat(harness.storedName(run.fake)).isEqualTo("Augusta");
      assertThat(harness.sideEffects(run.fake)).isZero();
    }
  }

  @Test
  void sideEffectsCountTheKeysAWriteWithoutKeyIdsCreates() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      FakeBokaMera fake = (FakeBokaMera) run.fake;
      // What the updater sent before: the read key back without its Id, as BokaMera answered it.
      Request put = new Request.Builder().url(fake.url("/customers/" + harness.customerId()))
          .header("x-api-key", fake.apiKey()).header("Authorization", "Bearer " + fake.issueAccessToken())
          .put(RequestBody.create("{\"Firstname\":\"Ada\",\"Lastname\":\"Lovelace\",\"AccessKeys\":"
              + "[{\"AccessKeyTypeId\":1,\"Value\":\"CARD-0042\",\"Description\":\"Gym card\"}]}",
              MediaType.get("application/json")))
          .build();
      try (Response response = run.okHttp.newCall(put).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }

      assertThat(harness.sideEffects(fake)).isEqualTo(1);
      assertThat(fake.customer(UUID.fromString(harness.customerId())).orElseThrow().get("AccessKeys")).hasSize(2);
    }
  }
}
