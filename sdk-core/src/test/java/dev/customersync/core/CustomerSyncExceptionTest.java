package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every failure answers without an instanceof: retry or not, what failed, whether a write may have landed. */
class CustomerSyncExceptionTest {

  private static VendorApiException.Builder answer(int status, VendorOperation operation) {
    return VendorApiException.builder().vendor("acme").statusCode(status).operation(operation);
  }

  @Test
  void onlyTransientVendorOrNetworkConditionsAreRetryable() {
    assertThat(answer(500, VendorOperation.WRITE).build().retryable()).isTrue();
    assertThat(answer(503, VendorOperation.READ).build().retryable()).isTrue();
    assertThat(answer(429, VendorOperation.READ).build().retryable()).isTrue();
    assertThat(answer(408, VendorOperation.READ).build().retryable()).isTrue();
    assertThat(new TransportException("reset", new java.io.IOException("reset"), 3, true).retryable()).isTrue();
    assertThat(new RateLimitTimeoutException("no permit", "acme", Duration.ofSeconds(1), 0, false).retryable()).isTrue();

    assertThat(answer(400, VendorOperation.WRITE).build().retryable()).isFalse();
    assertThat(answer(401, VendorOperation.TOKEN).build().retryable()).isFalse();
    assertThat(answer(404, VendorOperation.READ).build().retryable()).isFalse();
    assertThat(answer(409, VendorOperation.WRITE).build().retryable()).isFalse();
    assertThat(new CustomerArchivedException(answer(200, VendorOperation.WRITE)).retryable()).isFalse();
    assertThat(new UnexpectedCustomerException(answer(200, VendorOperation.READ), "1", "2").retryable()).isFalse();
    assertThat(new CustomerValidationException("email", "must be an address", "x").retryable()).isFalse();
    assertThat(new AmbiguousMatchException("acme", MatchKey.EMAIL, List.of("1", "2")).retryable()).isFalse();
    assertThat(new CustomerSyncException("anything else").retryable()).isFalse();
  }

  @Test
  void aServerErrorToAWriteMayHaveLandedButOneToAReadDidNot() {
    assertThat(answer(500, VendorOperation.WRITE).build().mayHaveReachedVendor()).isTrue();
    assertThat(answer(502, VendorOperation.CREATE).build().mayHaveReachedVendor()).isTrue();
    assertThat(answer(500, VendorOperation.READ).build().mayHaveReachedVendor()).isFalse();
    assertThat(answer(500, VendorOperation.TOKEN).build().mayHaveReachedVendor()).isFalse();
    // Unknown: it may have been a write.
    assertThat(VendorApiException.builder().statusCode(500).build().mayHaveReachedVendor()).isTrue();
  }

  @Test
  void aRefusalAnswersThatNothingLandedUnlessAnEarlierAttemptMayHave() {
    assertThat(answer(400, VendorOperation.WRITE).build().mayHaveReachedVendor()).isFalse();
    assertThat(answer(409, VendorOperation.WRITE).mayHaveReachedVendor(true).build().mayHaveReachedVendor()).isTrue();
    assertThat(new CustomerValidationException("email", "must be an address", "x").mayHaveReachedVendor()).isFalse();
  }

  @Test
  void theOperationIsCarriedAndSurvivesARebuild() {
    VendorApiException e = answer(401, VendorOperation.TOKEN).mayHaveReachedVendor(true).build();

    AuthenticationException again = e.toBuilder().buildAuthentication();

    assertThat(e.operation()).contains(VendorOperation.TOKEN);
    assertThat(again.operation()).contains(VendorOperation.TOKEN);
    assertThat(again.mayHaveReachedVendor()).isTrue();
    assertThat(new CustomerValidationException("email", "must be an address", "x").operation()).isEmpty();
    assertThat(new AmbiguousMatchException("acme", MatchKey.EMAIL, List.of("1", "2")).operation())
        .contains(VendorOperation.FIND);
  }

  @Test
  void aNotFoundSaidWithA200Means404AndKeepsTheWireStatus() {
    NotFoundException e = answer(200, VendorOperation.READ).buildNotFound();

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("HTTP 200");
  }

  @Test
  void anArchivedCustomerIsNoConflict() {
    assertThat(new CustomerArchivedException(answer(200, VendorOperation.WRITE)))
        .isNotInstanceOf(ConflictException.class)
        .isInstanceOf(VendorApiException.class);
  }
}
