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

  /** Starts a new, empty {@code ArticleResponse}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  @JsonProperty("ArticleTypeId")
  @Nullable
  public abstract Integer articleTypeId();

  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  @JsonProperty("ImageUrl")
  @Nullable
  public abstract String imageUrl();

  @JsonProperty("Active")
  @Nullable
  public abstract Boolean active();

  @JsonProperty("Amount")
  @Nullable
  public abstract Integer amount();

  /** A .NET {@code double} at BokaMera; read as {@code BigDecimal} because it is money. */
  @JsonProperty("Price")
  @Nullable
  public abstract BigDecimal price();

  @JsonProperty("CurrencyId")
  @Nullable
  public abstract String currencyId();

  @JsonProperty("SortOrder")
  @Nullable
  public abstract Integer sortOrder();

  @JsonProperty("UpdatedDate")
  @Nullable
  public abstract OffsetDateTime updatedDate();

  @JsonProperty("CreatedDate")
  @Nullable
  public abstract OffsetDateTime createdDate();

  @JsonProperty("Duration")
  @Nullable
  public abstract Integer duration();

  @JsonProperty("Services")
  @Nullable
  public abstract List<ArticleServiceRelation> services();

  @JsonProperty("ServiceIds")
  @Nullable
  public abstract List<Integer> serviceIds();

  @JsonProperty("PriceSign")
  @Nullable
  public abstract String priceSign();

  @JsonProperty("VAT")
  @Nullable
  public abstract BigDecimal vat();

  @JsonProperty("ValidDays")
  @Nullable
  public abstract Integer validDays();

  @JsonProperty("SendNotification")
  @Nullable
  public abstract Boolean sendNotification();

  @JsonProperty("NotificationEmail")
  @Nullable
  public abstract String notificationEmail();

  /** Builds {@link ArticleResponse} values. */
  public static final class Builder extends ImmutableArticleResponse.Builder {
    Builder() {}
  }
}
