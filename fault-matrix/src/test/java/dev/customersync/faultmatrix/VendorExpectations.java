package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;

/** Checks shared by several rows of the matrix. */
final class VendorExpectations {

  private VendorExpectations() {}

  /** A write that failed in transport after it was sent says the vendor may hold the change. */
  static void mayHaveReached(Object outcome) {
    if (outcome instanceof TransportException e) {
      assertThat(e.mayHaveReachedVendor()).isTrue();
      assertThat(e.attempts()).isEqualTo(1);
    }
  }

  /** The wire's 200 is kept; a not-found among these (Storm's empty answer) means 404 in statusCode(). */
  static void status200(Object outcome) {
    assertThat(((VendorApiException) outcome).httpStatus()).isEqualTo(200);
  }

  static void tooLarge(Object outcome) {
    assertThat(((VendorApiException) outcome).getMessage()).contains("larger than");
  }
}
