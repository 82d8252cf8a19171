package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One payment booked against a customer article ({@link CustomerArticleResponse#paymentLog()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutablePaymentLogResponse.class)
@JsonDeserialize(as = ImmutablePaymentLogResponse.class)
public abstract class PaymentLogResponse {

  PaymentLogResponse() {}

  /** {@return a new, empty {@code PaymentLogResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the payment's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /**
   * {@return the amount paid ({@code Amount}); a .NET {@code double} at BokaMera, read as {@code BigDecimal} because it
   * is money}
   */
  @JsonProperty("Amount")
  @Nullable
  public abstract BigDecimal amount();

  /** {@return the amount credited back ({@code AmountCredited})} */
  @JsonProperty("AmountCredited")
  @Nullable
  public abstract BigDecimal amountCredited();

  /** {@return the currency of the amounts ({@code CurrencyId}), e.g. {@code SEK}} */
  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  /** {@return the payment's {@code Comments}} */
  @JsonProperty("Comments")
  @Nullable
  public abstract String comments();

  /** {@return when the payment was booked ({@code Created})} */
  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  /** {@return when the payment was last updated ({@code Updated})} */
  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();

  /** Builds {@link PaymentLogResponse} values. */
  public static final class Builder extends ImmutablePaymentLogResponse.Builder {
    Builder() {}
  }
}
