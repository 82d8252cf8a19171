package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A BokaMera customer as {@code PUT /customers/{Id}} and {@code GET /customers} answer it.
 *
 * <p>Collections and the invoice address are only present when BokaMera was asked to include
 * them; a null list means "not included", not "none".
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomerQueryResponse.class)
@JsonDeserialize(as = ImmutableCustomerQueryResponse.class)
public abstract class CustomerQueryResponse {

  CustomerQueryResponse() {}

  /** {@return a new, empty {@code CustomerQueryResponse} builder} */
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

  /** {@return the URL of the customer's image ({@code ImageUrl})} */
  @JsonProperty("ImageUrl")
  @Nullable
  public abstract String imageUrl();

  /** {@return the company's custom-field definitions ({@code CustomFields})} */
  @JsonProperty("CustomFields")
  @Nullable
  public abstract List<CustomFieldConfigData> customFields();

  /** {@return this customer's custom-field values ({@code CustomFieldValues})} */
  @JsonProperty("CustomFieldValues")
  @Nullable
  public abstract List<CustomFieldDataResponse> customFieldValues();

  /** {@return the comments on the customer ({@code Comments})} */
  @JsonProperty("Comments")
  @Nullable
  public abstract List<CustomerCommentsResponse> comments();

  /** {@return the customer's access keys ({@code AccessKeys})} */
  @JsonProperty("AccessKeys")
  @Nullable
  public abstract List<UserAccessKeys> accessKeys();

  /** {@return when the customer was last updated ({@code Updated})} */
  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();

  /** {@return when the customer was created ({@code Created})} */
  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  /** {@return ServiceStack's status of the answer ({@code ResponseStatus}); empty on success} */
  @JsonProperty("ResponseStatus")
  @Nullable
  public abstract ResponseStatus responseStatus();

  /** {@return whether the customer subscribes to the company's newsletter ({@code SubscribedToNewsletter})} */
  @JsonProperty("SubscribedToNewsletter")
  @Nullable
  public abstract Boolean subscribedToNewsletter();

  /** {@return the customer's {@code InvoiceAddress}} */
  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract InvoiceAddressResponse invoiceAddress();

  /** Builds {@link CustomerQueryResponse} values. */
  public static final class Builder extends ImmutableCustomerQueryResponse.Builder {
    Builder() {}
  }
}
