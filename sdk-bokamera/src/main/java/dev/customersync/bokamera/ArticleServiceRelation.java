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

  /** Starts a new, empty {@code ArticleServiceRelation}. */
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

  @JsonProperty("ServiceId")
  @Nullable
  public abstract Integer serviceId();

  @JsonProperty("ArticleId")
  @Nullable
  public abstract Integer articleId();

  /** Builds {@link ArticleServiceRelation} values. */
  public static final class Builder extends ImmutableArticleServiceRelation.Builder {
    Builder() {}
  }
}
