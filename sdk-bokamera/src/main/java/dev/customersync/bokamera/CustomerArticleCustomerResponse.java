package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The customer holding a customer article ({@link CustomerArticleResponse#customer()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomerArticleCustomerResponse.class)
@JsonDeserialize(as = ImmutableCustomerArticleCustomerResponse.class)
public abstract class CustomerArticleCustomerResponse {

  CustomerArticleCustomerResponse() {}

  /** Starts a new, empty {@code CustomerArticleCustomerResponse}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  @JsonProperty("Firstname")
  @Nullable
  public abstract String firstname();

  @JsonProperty("Lastname")
  @Nullable
  public abstract String lastname();

  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** Builds {@link CustomerArticleCustomerResponse} values. */
  public static final class Builder extends ImmutableCustomerArticleCustomerResponse.Builder {
    Builder() {}
  }
}
