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
 * What BokaMera's {@code POST /customers} answers (ServiceStack {@code UpdateCustomerResponse},
 * which extends {@link CustomerQueryResponse}): the new customer, its id in {@link #id()}, plus the
 * user, company and access keys the create touched.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableUpdateCustomerResponse.class)
@JsonDeserialize(as = ImmutableUpdateCustomerResponse.class)
public abstract class UpdateCustomerResponse {

  UpdateCustomerResponse() {}

  /** {@return a new, empty {@code UpdateCustomerResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the customer's {@code Id}; after a create, the new customer's id} */
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

  /** {@return the customer's Facebook user name ({@code FacebookUserName})} */
  @JsonProperty("FacebookUserName")
  @Nullable
  public abstract String facebookUserName();

  /** {@return the BokaMera user behind the customer ({@code UserId})} */
  @JsonProperty("UserId")
  @Nullable
  public abstract UUID userId();

  /** {@return the company the customer belongs to ({@code CompanyId})} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return when the customer was created ({@code CreatedDate})} */
  @JsonProperty("CreatedDate")
  @Nullable
  public abstract OffsetDateTime createdDate();

  /** {@return the access keys the call deleted ({@code DeletedAccessKeys})} */
  @JsonProperty("DeletedAccessKeys")
  @Nullable
  public abstract List<UserAccessKeys> deletedAccessKeys();

  /** {@return the access keys the call created or updated ({@code CreatedOrUpdatedAccessKeys})} */
  @JsonProperty("CreatedOrUpdatedAccessKeys")
  @Nullable
  public abstract List<UserAccessKeys> createdOrUpdatedAccessKeys();

  /** Builds {@link UpdateCustomerResponse} values. */
  public static final class Builder extends ImmutableUpdateCustomerResponse.Builder {
    Builder() {}
  }
}
