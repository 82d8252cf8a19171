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

  /** {@return a new, empty {@code CustomerArticleCustomerResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the customer's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** {@return the customer's first name ({@code Firstname})} */
  @JsonProperty("Firstname")
  @Nullable
  public abstract String firstname();

  /** {@return the customer's last name ({@code Lastname})} */
  @JsonProperty("Lastname")
  @Nullable
  public abstract String lastname();

  /** {@return the customer's {@code Email} address} */
  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** {@return the customer's {@code Phone} number} */
  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** Builds {@link CustomerArticleCustomerResponse} values. */
  public static final class Builder extends ImmutableCustomerArticleCustomerResponse.Builder {
    Builder() {}
  }
}
