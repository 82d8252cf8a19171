package dev.customersync.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The vendor answered, and the answer was a failure: an error status, or a success status whose
 * body carries the vendor's error format (Billbee does that).
 *
 * <p>{@link #getMessage()} carries the vendor's own error text; {@link #errorCode()} the vendor's
 * own error code as a string (ServiceStack's {@code ErrorCode}, Billbee's code name, Storm's
 * message key); {@link #fieldErrors()} the per-field messages when the vendor names fields, keyed by
 * the vendor's own field names for every vendor. {@link #rawBody()} keeps the start of the body for
 * diagnosis, with known secrets removed.
 *
 * <p>Subclasses name the cases callers commonly handle: {@link AuthenticationException} (401,
 * 403), {@link NotFoundException} (404), {@link ConflictException} (409), {@link
 * RateLimitException} (429 after retries), {@link VendorServerException} (5xx), {@link
 * CustomerArchivedException} (the customer may not be changed). {@link Builder#build()} picks the
 * subclass from the status. Only server errors, throttling and a 408 are {@link #retryable()}.
 *
 * <p>Two statuses: {@link #httpStatus()} is what the wire carried, {@link #statusCode()} what the
 * answer meant. They differ where a vendor says a failure with a success status: Storm answers an
 * unknown customer id with HTTP 200 and {@code null}, which is a {@link NotFoundException} whose
 * {@code statusCode()} is 404 and whose {@code httpStatus()} is 200.
 */
public class VendorApiException extends CustomerSyncException {

  /** The vendor that answered. */
  private final String vendor;
  /** The HTTP status the wire carried. */
  private final int httpStatus;
  /** Set when an earlier attempt of a write may have landed, whatever the last answer said. */
  private final boolean mayHaveReachedVendor;
  /** The vendor's own error code, or null. */
  private final String errorCode;
  /** The vendor's own error text, or null. */
  private final String vendorMessage;
  /** Field name to that field's error message, in the vendor's order. */
  private final Map<String, String> fieldErrors;
  /** The start of the response body, redacted. */
  private final String rawBody;
  /** How many HTTP attempts were made. */
  private final int attempts;
  /** The wait the vendor asked for, or null. */
  private final Duration retryAfter;

  /**
   * Used by subclasses and {@link Builder#build()}.
   *
   * @param b the failure's vendor, status, code, message, body and attempts
   */
  protected VendorApiException(Builder b) {
    super(describe(b.redacted()), b.cause, b.operation);
    b = b.redacted();
    this.vendor = b.vendor;
    this.httpStatus = b.statusCode;
    this.mayHaveReachedVendor = b.mayHaveReachedVendor;
    this.errorCode = b.errorCode;
    this.vendorMessage = b.message;
    // Kept in the vendor's order: the first field error is usually the one to show.
    this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.fieldErrors));
    this.rawBody = b.rawBody;
    this.attempts = b.attempts;
    this.retryAfter = b.retryAfter;
  }

  /** {@return a new builder, to describe a vendor failure} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder holding everything this exception carries, to rethrow it as another type or
   * with more attempts}
   */
  public Builder toBuilder() {
    Builder b = new Builder().vendor(vendor).statusCode(httpStatus).errorCode(errorCode).message(vendorMessage)
        .rawBody(rawBody).attempts(attempts).retryAfter(retryAfter).cause(getCause())
        .operation(operation().orElse(null)).mayHaveReachedVendor(mayHaveReachedVendor);
    fieldErrors.forEach(b::fieldError);
    return b;
  }

  /** {@return the vendor that answered, e.g. {@code "billbee"}} */
  public String vendor() {
    return vendor;
  }

  /**
   * {@return the status the answer meant} The {@link #httpStatus()}, except where the type says
   * more: a {@link NotFoundException} is always 404, even when the vendor said "none" with a 200.
   * An error envelope sent with a success status otherwise keeps its 200.
   */
  public int statusCode() {
    return httpStatus;
  }

  /** {@return the HTTP status the vendor's answer carried, e.g. 200 for Storm's {@code null} "not found"} */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * {@return false for a refusal, which the same request meets again} Server errors and throttling
   * say true, and so does a 408 (the vendor timed out waiting for the request; the retry policy
   * treats it as transient too).
   */
  @Override
  public boolean retryable() {
    return httpStatus == 408;
  }

  /**
   * {@return true when an attempt of a write may have landed} The vendor answered this one; an
   * answer refuses (4xx) unless it is a server error ({@link VendorServerException} says true for a
   * write), but an earlier attempt of the same write that failed on the server or the network may
   * still have been acted on.
   */
  @Override
  public boolean mayHaveReachedVendor() {
    return mayHaveReachedVendor;
  }

  /** {@return the vendor's own error code, as a string; empty when the vendor gave none} */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * {@return the vendor's own error text alone, without the status and code prefix of the message}
   */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(vendorMessage);
  }

  /**
   * {@return field name to that field's error message, in the vendor's order} Keys are the vendor's
   * own property names, as its JSON spells them, for every vendor: Billbee's {@code Email} or
   * {@code InvoiceAddress.Zip}, Storm's {@code Email} or {@code Companies.Name}, BokaMera's
   * {@code FieldName}s such as {@code Firstname}; nested properties joined with dots.
   */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  /** {@return the start of the response body, truncated and with known secrets redacted} */
  public String rawBody() {
    return rawBody;
  }

  /**
   * {@return how many HTTP attempts were made before giving up} At least 1 when the vendor answered
   * this call, 0 when the failure is an earlier one remembered and repeated without sending
   * anything (a token endpoint within its back-off window, see {@link
   * CachingAccessTokenProvider}).
   */
  public int attempts() {
    return attempts;
  }

  /** {@return the wait the vendor asked for, when it sent a {@code Retry-After}} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String describe(Builder b) {
    StringBuilder s = new StringBuilder();
    s.append(b.vendor).append(" answered HTTP ").append(b.statusCode);
    if (b.errorCode != null) {
      s.append(" [").append(b.errorCode).append(']');
    }
    s.append(": ").append(b.message != null && !b.message.isBlank() ? b.message : "(no error message in the body)");
    if (!b.fieldErrors.isEmpty()) {
      s.append(" ").append(b.fieldErrors);
    }
    if (b.attempts > 1) {
      s.append(" (after ").append(b.attempts).append(" attempts)");
    }
    return s.toString();
  }

  /** Describes a vendor failure; {@link #build()} picks the subclass that fits the status. */
  public static final class Builder {
    private String vendor = "unknown";
    private int statusCode;
    private String errorCode;
    private String message;
    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private String rawBody = "";
    private int attempts = 1;
    private Duration retryAfter;
    private Throwable cause;
    private @Nullable VendorOperation operation;
    private boolean mayHaveReachedVendor;
    private UnaryOperator<String> redactor = UnaryOperator.identity();

    Builder() {}

    /**
     * Masks secrets in every text of the exception (message, code, field errors, raw body) when it
     * is built, whatever a vendor's error parser copied out of a body that echoed a credential.
     *
     * @param redactor masks every secret the client knows of in a text
     * @return this builder
     */
    public Builder redactor(UnaryOperator<String> redactor) {
      this.redactor = Objects.requireNonNull(redactor);
      return this;
    }

    private Builder redacted() {
      Builder r = new Builder();
      r.vendor = vendor;
      r.statusCode = statusCode;
      r.errorCode = errorCode == null ? null : redactor.apply(errorCode);
      r.message = message == null ? null : redactor.apply(message);
      fieldErrors.forEach((k, v) -> r.fieldErrors.put(redactor.apply(k), v == null ? null : redactor.apply(v)));
      r.rawBody = redactor.apply(rawBody);
      r.attempts = attempts;
      r.retryAfter = retryAfter;
      r.cause = cause;
      r.operation = operation;
      r.mayHaveReachedVendor = mayHaveReachedVendor;
      return r;
    }

    /**
     * The vendor that answered, e.g. {@code "billbee"}.
     *
     * @param vendor the vendor's short name
     * @return this builder
     */
    public Builder vendor(String vendor) {
      this.vendor = Objects.requireNonNull(vendor);
      return this;
    }

    /**
     * The HTTP status; {@link #build()} picks the exception type from it.
     *
     * @param statusCode the HTTP status
     * @return this builder
     */
    public Builder statusCode(int statusCode) {
      this.statusCode = statusCode;
      return this;
    }

    /**
     * The vendor's own error code; blank counts as none.
     *
     * @param errorCode the vendor's code, or null
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode;
      return this;
    }

    /**
     * The vendor's own error text (or ours, when the vendor gave none).
     *
     * @param message the error text, or null
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * Adds a per-field error; a second one for the same field is appended.
     *
     * @param field the field, as the vendor names it
     * @param message the vendor's message for that field
     * @return this builder
     */
    public Builder fieldError(String field, String message) {
      fieldErrors.merge(field, message, (a, b) -> a + "; " + b);
      return this;
    }

    /**
     * Adds every entry as a {@link #fieldError}, in the map's order.
     *
     * @param errors field name to message
     * @return this builder
     */
    public Builder fieldErrors(Map<String, String> errors) {
      errors.forEach(this::fieldError);
      return this;
    }

    /**
     * The start of the response body, kept for diagnosis (redacted when built).
     *
     * @param rawBody the start of the body; null counts as empty
     * @return this builder
     */
    public Builder rawBody(String rawBody) {
      this.rawBody = rawBody == null ? "" : rawBody;
      return this;
    }

    /**
     * How many HTTP attempts were made; see {@link VendorApiException#attempts()}.
     *
     * @param attempts the number of attempts
     * @return this builder
     */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /**
     * The wait the vendor asked for in {@code Retry-After}, or null.
     *
     * @param retryAfter the wait asked for, or null
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * What the failed call was doing; the HTTP engine sets it from the request.
     *
     * @param operation the call's category, or null when unknown
     * @return this builder
     */
    public Builder operation(@Nullable VendorOperation operation) {
      this.operation = operation;
      return this;
    }

    /**
     * Whether a write may have landed although this answer refused it: an earlier attempt of the
     * same write failed on the server or the network. A server error to a write says so by itself.
     *
     * @param mayHaveReachedVendor true when an earlier attempt may have been acted on
     * @return this builder
     */
    public Builder mayHaveReachedVendor(boolean mayHaveReachedVendor) {
      this.mayHaveReachedVendor = mayHaveReachedVendor;
      return this;
    }

    /**
     * The underlying failure; never one whose message may quote a body (e.g. Jackson's).
     *
     * @param cause the underlying failure, or null
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * {@return the vendor's message as it stands so far, so a parser can fill only what is missing}
     */
    public Optional<String> message() {
      return Optional.ofNullable(message);
    }

    /** {@return the status set so far} */
    public int statusCode() {
      return statusCode;
    }

    /**
     * {@return the exception whose type matches the status: 401/403, 404, 409, 429, 5xx, else the
     * base}
     */
    public VendorApiException build() {
      if (statusCode == 401 || statusCode == 403) {
        return new AuthenticationException(this);
      }
      if (statusCode == 404) {
        return new NotFoundException(this);
      }
      if (statusCode == 409) {
        return new ConflictException(this);
      }
      if (statusCode == 429) {
        return new RateLimitException(this);
      }
      if (statusCode >= 500 && statusCode <= 599) {
        return new VendorServerException(this);
      }
      return new VendorApiException(this);
    }

    /**
     * {@return an {@link AuthenticationException} whatever the status: OAuth2 refuses credentials
     * with a 400}
     */
    public AuthenticationException buildAuthentication() {
      return new AuthenticationException(this);
    }

    /**
     * {@return a {@link NotFoundException} whatever the status: some vendors say "none" with a 200}
     * Its {@link VendorApiException#statusCode()} is 404, its {@link VendorApiException#httpStatus()}
     * the status set here.
     */
    public NotFoundException buildNotFound() {
      return new NotFoundException(this);
    }
  }
}
