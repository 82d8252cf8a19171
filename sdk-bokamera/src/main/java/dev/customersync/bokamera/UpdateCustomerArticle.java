package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The body of BokaMera's {@code PUT /customerarticle/{Id}} (ServiceStack request DTO {@code
 * UpdateCustomerArticle}): changes the status, price, VAT or currency of an article (membership,
 * punch card, ...) a customer holds. A property left null is not sent.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableUpdateCustomerArticle.class)
@JsonDeserialize(as = ImmutableUpdateCustomerArticle.class)
public abstract class UpdateCustomerArticle {

  UpdateCustomerArticle() {}

  /** {@return a new, empty {@code UpdateCustomerArticle} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * {@return the customer article id ({@code Id}); {@link BokaMeraClient#updateCustomerArticle} fills it from the path
   * id}
   */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the company ({@code CompanyId}); BokaMera uses the caller's own company when it is absent} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the customer article's new status ({@code StatusId})} */
  @JsonProperty("StatusId")
  @Nullable
  public abstract CustomerArticleStatus statusId();

  /** {@return the customer article's new {@code Price}} */
  @JsonProperty("Price")
  @Nullable
  public abstract BigDecimal price();

  /** {@return the customer article's new {@code VAT}} */
  @JsonProperty("VAT")
  @Nullable
  public abstract BigDecimal vat();

  /** {@return the customer article's new currency ({@code CurrencyId}), e.g. {@code SEK}} */
  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  /** Builds {@link UpdateCustomerArticle} values. */
  public static final class Builder extends ImmutableUpdateCustomerArticle.Builder {
    Builder() {}
  }
}
