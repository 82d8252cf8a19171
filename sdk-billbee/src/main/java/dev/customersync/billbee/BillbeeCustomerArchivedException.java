package dev.customersync.billbee;

import dev.customersync.core.CustomerArchivedException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorOperation;
import java.time.OffsetDateTime;

/**
 * The customer is archived in Billbee ({@code ArchivedAt} is set), and Billbee allows no changes
 * to archived customers, so the update was not sent. Restore the customer in Billbee first.
 *
 * <p>A {@link CustomerArchivedException}, not a {@link dev.customersync.core.ConflictException}:
 * retrying cannot help until the customer is restored, so it is not {@link #retryable()}. {@link
 * #statusCode()} is that of the read that found the customer archived; {@link #operation()} is
 * the {@link VendorOperation#WRITE} that was refused before sending.
 */
public class BillbeeCustomerArchivedException extends CustomerArchivedException {

  /** The {@link #errorCode()} of this exception. */
  public static final String ERROR_CODE = "CustomerArchived";

  /** Billbee's id of the archived customer. */
  private final long customerId;
  /** When Billbee archived the customer ({@code ArchivedAt}), or null when it did not say. */
  private final OffsetDateTime archivedAt;

  BillbeeCustomerArchivedException(long customerId, OffsetDateTime archivedAt, int status, int attempts) {
    super(VendorApiException.builder()
        .vendor(BillbeeClient.VENDOR)
        .statusCode(status)
        .attempts(attempts)
        .operation(VendorOperation.WRITE)
        .errorCode(ERROR_CODE)
        .message("customer " + customerId + " was archived at " + archivedAt
            + " and Billbee allows no changes to archived customers; nothing was sent (restore it in Billbee first)"));
    this.customerId = customerId;
    this.archivedAt = archivedAt;
  }

  /** {@return Billbee's id of the archived customer} */
  public long customerId() {
    return customerId;
  }

  /** {@return when Billbee archived it} */
  public OffsetDateTime archivedAt() {
    return archivedAt;
  }
}
