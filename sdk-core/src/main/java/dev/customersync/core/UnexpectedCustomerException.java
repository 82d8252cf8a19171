package dev.customersync.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vendor answered a read with a customer other than the one asked for, or with one that names
 * no customer at all (Storm's {@code {}}, Billbee's {@code "Data":{}}). Nothing was written: merging
 * into such an answer and writing it back could wipe or overwrite a customer. Not {@link
 * #retryable()}: the same read gives the same answer until someone looks at the vendor's data.
 */
public class UnexpectedCustomerException extends VendorApiException {

  /** The customer id the read asked for. */
  private final String requestedId;
  /** The customer id the answer carried, or null when it named none. */
  private final @Nullable String foundId;

  /**
   * @param builder the answer's status, attempts, body and message
   * @param requestedId the id the read asked for
   * @param foundId the id the answer carries, or null when it carries none
   */
  public UnexpectedCustomerException(VendorApiException.Builder builder, String requestedId, @Nullable String foundId) {
    super(builder);
    this.requestedId = requestedId;
    this.foundId = foundId;
  }

  /** {@return the customer id the read asked for} */
  public String requestedId() {
    return requestedId;
  }

  /** {@return the customer id the answer carried; empty when it named no customer} */
  public Optional<String> foundId() {
    return Optional.ofNullable(foundId);
  }
}
