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

  /** Starts a new, empty {@code PaymentLogResponse}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** A .NET {@code double} at BokaMera; read as {@code BigDecimal} because it is money. */
  @JsonProperty("Amount")
  @Nullable
  public abstract BigDecimal amount();

  @JsonProperty("AmountCredited")
  @Nullable
  public abstract BigDecimal amountCredited();

  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  @JsonProperty("Comments")
  @Nullable
  public abstract String comments();

  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();

  /** Builds {@link PaymentLogResponse} values. */
  public static final class Builder extends ImmutablePaymentLogResponse.Builder {
    Builder() {}
  }
}
