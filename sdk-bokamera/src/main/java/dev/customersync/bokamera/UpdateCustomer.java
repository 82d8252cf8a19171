package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The body of BokaMera's {@code PUT /customers/{Id}} (ServiceStack request DTO {@code UpdateCustomer}).
 *
 * <p>Every property is optional here: a property left null is not sent at all. Whether BokaMera
 * then keeps or clears the field is not documented, so {@link BokaMeraClient#customerUpdater()}
 * always sends the whole customer, read first and merged. An access key without {@link
 * AddUserAccessKey#id()} is created by BokaMera each time it is sent. The customer id travels in the path
 * ({@link BokaMeraClient#updateCustomer}); {@link #id()} exists because the DTO names it, and when
 * set it must equal the path id.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableUpdateCustomer.class)
@JsonDeserialize(as = ImmutableUpdateCustomer.class)
public abstract class UpdateCustomer {

  UpdateCustomer() {}

  /** {@return a new, empty {@code UpdateCustomer} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * {@return the company the customer belongs to ({@code CompanyId}); BokaMera uses the caller's own company when it is
   * absent} Also sent as the {@code CompanyId} query parameter.
   */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the customer id ({@code Id}); normally left out because it travels in the path} */
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

  /** {@return the customer's {@code Phone} number} */
  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** {@return the customer's {@code Email} address} */
  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** {@return the custom-field values to set, by custom-field id ({@code CustomFields})} */
  @JsonProperty("CustomFields")
  @Nullable
  public abstract List<AddCustomField> customFields();

  /** {@return the access keys to create (no id) or update (with id) ({@code AccessKeys})} */
  @JsonProperty("AccessKeys")
  @Nullable
  public abstract List<AddUserAccessKey> accessKeys();

  /** {@return the access keys to remove, by id ({@code AccessKeysToDelete})} */
  @JsonProperty("AccessKeysToDelete")
  @Nullable
  public abstract List<DeleteUserAccessKey> accessKeysToDelete();

  /** {@return whether the customer subscribes to the company's newsletter ({@code SubscribedToNewsletter})} */
  @JsonProperty("SubscribedToNewsletter")
  @Nullable
  public abstract Boolean subscribedToNewsletter();

  /** {@return the customer's invoice address to set ({@code InvoiceAddress})} */
  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract InvoiceAddressToHandle invoiceAddress();

  /** Builds {@link UpdateCustomer} values. */
  public static final class Builder extends ImmutableUpdateCustomer.Builder {
    Builder() {}
  }
}
