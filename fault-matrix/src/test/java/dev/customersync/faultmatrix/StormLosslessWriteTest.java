package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.customersync.core.Customer;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeStorm;
import org.junit.jupiter.api.Test;

/**
 * Storm's answers to the harness hooks of the lossless-write rows, through the matrix's own client
 * setup: a read naming no or another customer is never written back, and no update mails anyone.
 */
class StormLosslessWriteTest {

  private final StormHarness harness = new StormHarness();

  @Test
  void aReadOfAnEmptyObjectIsRefusedWithNothingWritten() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onRead(harness.readNamingNoCustomer());

      Throwable thrown = catchThrowable(() -> run.rename("Augusta"));

      assertThat(thrown).isInstanceOfSatisfying(UnexpectedCustomerException.class,
          e -> assertThat(e.foundId()).isEmpty());
      assertThat(run.reads()).isEqualTo(1);
      assertThat(run.writes()).isZero();
      assertThat(harness.sideEffects(run.fake)).isZero();
      assertThat(harness.storedName(run.fake)).isEqualTo("Ada");
    }
  }

  @Test
  void aReadOfAnotherCustomerIsRefusedWithNothingWritten() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      run.onRead(harness.readNamingAnotherCustomer());

      Throwable thrown = catchThrowable(() -> run.rename("Augusta"));

      assertThat(thrown).isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
        assertThat(e.requestedId()).isEqualTo(harness.customerId());
        assertThat(e.foundId()).contains("1002");
      });
      assertThat(run.writes()).isZero();
      assertThat(((FakeStorm) run.fake).customer(1002).orElseThrow().get("FirstName").asText()).isEqualTo("Grace");
    }
  }

  @Test
  void updatesSendNoMailAndAnUnchangedOneNoWrite() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      UpdateResult renamed = run.rename("Augusta");
      UpdateResult again = run.client().updater().update(harness.customerId(),
          Customer.builder().firstName("Augusta").build());

      assertThat(renamed.written()).isTrue();
      assertThat(again.written()).isFalse();
      assertThat(run.reads()).isEqualTo(2);
      assertThat(run.writes()).isEqualTo(1);
      assertThat(harness.sideEffects(run.fake)).isZero();
    }
  }

  @Test
  void sideEffectsCountTheMailsOfTheObsoleteWrite() throws Exception {
    try (MatrixRun run = new MatrixRun(harness)) {
      okhttp3.Request obsolete = new okhttp3.Request.Builder()
          .url(((FakeStorm) run.fake).baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/UpdateCustomer")
              .addQueryParameter("updatedBy", "1").addQueryParameter("format", "json").build())
          .header("ApplicationId", "1234").header("Authorization", "Bearer matrix-static-token")
          .post(okhttp3.RequestBody.create("{\"Id\":1001,\"FirstName\":\"Ada\",\"Email\":\"ada@example.com\"}",
              okhttp3.MediaType.get("application/json")))
          .build();
      ((FakeStorm) run.fake).acceptStaticToken("matrix-static-token");
      try (okhttp3.Response r = run.okHttp.newCall(obsolete).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }

      assertThat(harness.sideEffects(run.fake)).as("UpdateCustomer mails as Storm's does").isEqualTo(1);
    }
  }
}
