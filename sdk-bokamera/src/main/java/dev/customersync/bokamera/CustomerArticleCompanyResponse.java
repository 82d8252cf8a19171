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

  /** {@return a new, empty {@code CustomerArticleCompanyResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the company's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** {@return the company's {@code Name}} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the company's logo ({@code LogoType}), as BokaMera sends it} */
  @JsonProperty("LogoType")
  @Nullable
  public abstract String logoType();

  /** {@return the company's {@code Email} address} */
  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** {@return the company's {@code Phone} number} */
  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** {@return the company's {@code City}} */
  @JsonProperty("City")
  @Nullable
  public abstract String city();

  /** {@return the company's street address ({@code Street1})} */
  @JsonProperty("Street1")
  @Nullable
  public abstract String street1();

  /** {@return the company's postal code ({@code ZipCode})} */
  @JsonProperty("ZipCode")
  @Nullable
  public abstract String zipCode();

  /** {@return the company's country ({@code CountryId})} */
  @JsonProperty("CountryId")
  @Nullable
  public abstract String countryId();

  /** Builds {@link CustomerArticleCompanyResponse} values. */
  public static final class Builder extends ImmutableCustomerArticleCompanyResponse.Builder {
    Builder() {}
  }
}
