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
 * The article (product) a customer article is an instance of ({@link CustomerArticleResponse#article()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableArticleResponse.class)
@JsonDeserialize(as = ImmutableArticleResponse.class)
public abstract class ArticleResponse {

  ArticleResponse() {}

  /** {@return a new, empty {@code ArticleResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the company that sells the article ({@code CompanyId})} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the article's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the article's {@code Name}} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the id of the article's type ({@code ArticleTypeId})} */
  @JsonProperty("ArticleTypeId")
  @Nullable
  public abstract Integer articleTypeId();

  /** {@return the article's {@code Description}} */
  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  /** {@return the URL of the article's image ({@code ImageUrl})} */
  @JsonProperty("ImageUrl")
  @Nullable
  public abstract String imageUrl();

  /** {@return whether the article is on sale ({@code Active})} */
  @JsonProperty("Active")
  @Nullable
  public abstract Boolean active();

  /** {@return the article's {@code Amount}, a whole number whose meaning BokaMera does not document} */
  @JsonProperty("Amount")
  @Nullable
  public abstract Integer amount();

  /**
   * {@return the article's {@code Price}; a .NET {@code double} at BokaMera, read as {@code BigDecimal} because it is
   * money}
   */
  @JsonProperty("Price")
  @Nullable
  public abstract BigDecimal price();

  /** {@return the currency of the price ({@code CurrencyId}), e.g. {@code SEK}} */
  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  /** {@return the article's place in listings ({@code SortOrder})} */
  @JsonProperty("SortOrder")
  @Nullable
  public abstract Integer sortOrder();

  /** {@return when the article was last updated ({@code UpdatedDate})} */
  @JsonProperty("UpdatedDate")
  @Nullable
  public abstract OffsetDateTime updatedDate();

  /** {@return when the article was created ({@code CreatedDate})} */
  @JsonProperty("CreatedDate")
  @Nullable
  public abstract OffsetDateTime createdDate();

  /** {@return the article's {@code Duration}, a whole number whose unit BokaMera does not document} */
  @JsonProperty("Duration")
  @Nullable
  public abstract Integer duration();

  /** {@return the bookable services the article applies to ({@code Services})} */
  @JsonProperty("Services")
  @Nullable
  public abstract List<ArticleServiceRelation> services();

  /** {@return the ids of the bookable services the article applies to ({@code ServiceIds})} */
  @JsonProperty("ServiceIds")
  @Nullable
  public abstract List<Integer> serviceIds();

  /** {@return the currency sign to show with the price ({@code PriceSign})} */
  @JsonProperty("PriceSign")
  @Nullable
  public abstract String priceSign();

  /** {@return the article's {@code VAT}} */
  @JsonProperty("VAT")
  @Nullable
  public abstract BigDecimal vat();

  /** {@return the number of days the article is valid ({@code ValidDays})} */
  @JsonProperty("ValidDays")
  @Nullable
  public abstract Integer validDays();

  /** {@return whether BokaMera sends a notification about the article ({@code SendNotification})} */
  @JsonProperty("SendNotification")
  @Nullable
  public abstract Boolean sendNotification();

  /** {@return the address that notification goes to ({@code NotificationEmail})} */
  @JsonProperty("NotificationEmail")
  @Nullable
  public abstract String notificationEmail();

  /** Builds {@link ArticleResponse} values. */
  public static final class Builder extends ImmutableArticleResponse.Builder {
    Builder() {}
  }
}
