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

  /** Starts a new, empty {@code CustomerQueryResponse}. */
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

  @JsonProperty("ImageUrl")
  @Nullable
  public abstract String imageUrl();

  /** The company's custom-field definitions. */
  @JsonProperty("CustomFields")
  @Nullable
  public abstract List<CustomFieldConfigData> customFields();

  /** This customer's custom-field values. */
  @JsonProperty("CustomFieldValues")
  @Nullable
  public abstract List<CustomFieldDataResponse> customFieldValues();

  @JsonProperty("Comments")
  @Nullable
  public abstract List<CustomerCommentsResponse> comments();

  @JsonProperty("AccessKeys")
  @Nullable
  public abstract List<UserAccessKeys> accessKeys();

  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();

  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  /** ServiceStack's status; empty on success. */
  @JsonProperty("ResponseStatus")
  @Nullable
  public abstract ResponseStatus responseStatus();

  @JsonProperty("SubscribedToNewsletter")
  @Nullable
  public abstract Boolean subscribedToNewsletter();

  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract InvoiceAddressResponse invoiceAddress();

  /** Builds {@link CustomerQueryResponse} values. */
  public static final class Builder extends ImmutableCustomerQueryResponse.Builder {
    Builder() {}
  }
}
