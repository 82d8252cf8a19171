package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The company that sold a customer article ({@link CustomerArticleResponse#company()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomerArticleCompanyResponse.class)
@JsonDeserialize(as = ImmutableCustomerArticleCompanyResponse.class)
public abstract class CustomerArticleCompanyResponse {

  CustomerArticleCompanyResponse() {}

  /** Starts a new, empty {@code CustomerArticleCompanyResponse}. */
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

  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  @JsonProperty("LogoType")
  @Nullable
  public abstract String logoType();

  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  @JsonProperty("City")
  @Nullable
  public abstract String city();

  @JsonProperty("Street1")
  @Nullable
  public abstract String street1();

  @JsonProperty("ZipCode")
  @Nullable
  public abstract String zipCode();

  @JsonProperty("CountryId")
  @Nullable
  public abstract String countryId();

  /** Builds {@link CustomerArticleCompanyResponse} values. */
  public static final class Builder extends ImmutableCustomerArticleCompanyResponse.Builder {
    Builder() {}
  }
}
