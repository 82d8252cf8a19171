package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Links an article to a bookable service ({@link ArticleResponse#services()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableArticleServiceRelation.class)
@JsonDeserialize(as = ImmutableArticleServiceRelation.class)
public abstract class ArticleServiceRelation {

  ArticleServiceRelation() {}

  /** {@return a new, empty {@code ArticleServiceRelation} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the company of the article and service ({@code CompanyId})} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the link's own {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the id of the bookable service ({@code ServiceId})} */
  @JsonProperty("ServiceId")
  @Nullable
  public abstract Integer serviceId();

  /** {@return the id of the article ({@code ArticleId})} */
  @JsonProperty("ArticleId")
  @Nullable
  public abstract Integer articleId();

  /** Builds {@link ArticleServiceRelation} values. */
  public static final class Builder extends ImmutableArticleServiceRelation.Builder {
    Builder() {}
  }
}
