package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A customer article (membership, punch card, ...) as {@code PUT /customerarticle/{Id}} answers it.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomerArticleResponse.class)
@JsonDeserialize(as = ImmutableCustomerArticleResponse.class)
public abstract class CustomerArticleResponse {

  CustomerArticleResponse() {}

  /** {@return a new, empty {@code CustomerArticleResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the customer article's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the company that sold the customer article ({@code CompanyId})} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the id of the article it is an instance of ({@code ArticleId})} */
  @JsonProperty("ArticleId")
  @Nullable
  public abstract Integer articleId();

  /** {@return the customer article's {@code Price}} */
  @JsonProperty("Price")
  @Nullable
  public abstract BigDecimal price();

  /** {@return the customer article's {@code VAT}} */
  @JsonProperty("VAT")
  @Nullable
  public abstract BigDecimal vat();

  /** {@return the currency of the price ({@code CurrencyId}), e.g. {@code SEK}} */
  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  /** {@return the status ({@code StatusId}); unknown numbers are kept as they are} */
  @JsonProperty("StatusId")
  @Nullable
  public abstract CustomerArticleStatus statusId();

  /** {@return the status's name ({@code StatusName}), as BokaMera words it} */
  @JsonProperty("StatusName")
  @Nullable
  public abstract String statusName();

  /** {@return the id of the customer who holds it ({@code CustomerId})} */
  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  /** {@return when the customer article was created ({@code CreatedDate})} */
  @JsonProperty("CreatedDate")
  @Nullable
  public abstract OffsetDateTime createdDate();

  /** {@return when the customer article was last updated ({@code UpdatedDate})} */
  @JsonProperty("UpdatedDate")
  @Nullable
  public abstract OffsetDateTime updatedDate();

  /** {@return the {@code Article} it is an instance of} */
  @JsonProperty("Article")
  @Nullable
  public abstract ArticleResponse article();

  /** {@return the {@code Customer} who holds it} */
  @JsonProperty("Customer")
  @Nullable
  public abstract CustomerArticleCustomerResponse customer();

  /** {@return the {@code Company} that sold it} */
  @JsonProperty("Company")
  @Nullable
  public abstract CustomerArticleCompanyResponse company();

  /** {@return the payments booked against it ({@code PaymentLog})} */
  @JsonProperty("PaymentLog")
  @Nullable
  public abstract List<PaymentLogResponse> paymentLog();

  /** {@return ServiceStack's status of the answer ({@code ResponseStatus}); empty on success} */
  @JsonProperty("ResponseStatus")
  @Nullable
  public abstract ResponseStatus responseStatus();

  /** Builds {@link CustomerArticleResponse} values. */
  public static final class Builder extends ImmutableCustomerArticleResponse.Builder {
    Builder() {}
  }
}
