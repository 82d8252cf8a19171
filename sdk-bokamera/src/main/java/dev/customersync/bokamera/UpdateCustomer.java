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

  /** Starts a new, empty {@code UpdateCustomer}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The company the customer belongs to; BokaMera uses the caller's own company when it is absent. Also sent as the {@code CompanyId} query parameter. */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** The customer id; normally left out because it travels in the path. */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  @JsonProperty("Firstname")
  @Nullable
  public abstract String firstname();

  @JsonProperty("Lastname")
  @Nullable
  public abstract String lastname();

  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** Custom-field values to set, by custom-field id. */
  @JsonProperty("CustomFields")
  @Nullable
  public abstract List<AddCustomField> customFields();

  /** Access keys to create (no id) or update (with id). */
  @JsonProperty("AccessKeys")
  @Nullable
  public abstract List<AddUserAccessKey> accessKeys();

  /** Access keys to remove, by id. */
  @JsonProperty("AccessKeysToDelete")
  @Nullable
  public abstract List<DeleteUserAccessKey> accessKeysToDelete();

  @JsonProperty("SubscribedToNewsletter")
  @Nullable
  public abstract Boolean subscribedToNewsletter();

  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract InvoiceAddressToHandle invoiceAddress();

  /** Builds {@link UpdateCustomer} values. */
  public static final class Builder extends ImmutableUpdateCustomer.Builder {
    Builder() {}
  }
}
