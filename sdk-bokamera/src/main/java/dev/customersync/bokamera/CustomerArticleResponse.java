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

  /** Starts a new, empty {@code CustomerArticleResponse}. */
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

  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  @JsonProperty("ArticleId")
  @Nullable
  public abstract Integer articleId();

  @JsonProperty("Price")
  @Nullable
  public abstract BigDecimal price();

  @JsonProperty("VAT")
  @Nullable
  public abstract BigDecimal vat();

  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  /** The status; unknown numbers are kept as they are. */
  @JsonProperty("StatusId")
  @Nullable
  public abstract CustomerArticleStatus statusId();

  @JsonProperty("StatusName")
  @Nullable
  public abstract String statusName();

  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  @JsonProperty("CreatedDate")
  @Nullable
  public abstract OffsetDateTime createdDate();

  @JsonProperty("UpdatedDate")
  @Nullable
  public abstract OffsetDateTime updatedDate();

  @JsonProperty("Article")
  @Nullable
  public abstract ArticleResponse article();

  @JsonProperty("Customer")
  @Nullable
  public abstract CustomerArticleCustomerResponse customer();

  @JsonProperty("Company")
  @Nullable
  public abstract CustomerArticleCompanyResponse company();

  @JsonProperty("PaymentLog")
  @Nullable
  public abstract List<PaymentLogResponse> paymentLog();

  @JsonProperty("ResponseStatus")
  @Nullable
  public abstract ResponseStatus responseStatus();

  /** Builds {@link CustomerArticleResponse} values. */
  public static final class Builder extends ImmutableCustomerArticleResponse.Builder {
    Builder() {}
  }
}
