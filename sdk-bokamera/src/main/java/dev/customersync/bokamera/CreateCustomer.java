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
 * The body of BokaMera's {@code POST /customers} (ServiceStack request DTO {@code CreateCustomer},
 * which extends {@code CustomerBase}).
 *
 * <p>Every property is optional here: a property left null is not sent at all. BokaMera's older
 * metadata rendering marks {@code Firstname}, {@code Lastname} and {@code Phone} as required, so
 * {@link BokaMeraClient#createCustomer} refuses a body without them before sending. A create is
 * never retried once it may have reached BokaMera: no idempotency key is documented.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCreateCustomer.class)
@JsonDeserialize(as = ImmutableCreateCustomer.class)
public abstract class CreateCustomer {

  CreateCustomer() {}

  /** {@return a new, empty {@code CreateCustomer} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * {@return the company to create the customer in ({@code CompanyId}); BokaMera uses the caller's
   * own company when it is absent} Also sent as the {@code CompanyId} query parameter.
   */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /**
   * {@return a customer id chosen by the caller ({@code CustomerId} of {@code CustomerBase})}
   * Undocumented: whether BokaMera honours it (which would make a create repeatable) is
   * unconfirmed, so do not rely on it; customer-sync never sends it.
   */
  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  /** {@return the customer's first name ({@code Firstname}); required} */
  @JsonProperty("Firstname")
  @Nullable
  public abstract String firstname();

  /** {@return the customer's last name ({@code Lastname}); required} */
  @JsonProperty("Lastname")
  @Nullable
  public abstract String lastname();

  /** {@return the customer's {@code Email} address} */
  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** {@return the customer's {@code Phone} number; required} */
  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** {@return whether the customer subscribes to the company's newsletter ({@code SubscribedToNewsletter})} */
  @JsonProperty("SubscribedToNewsletter")
  @Nullable
  public abstract Boolean subscribedToNewsletter();

  /** {@return the custom-field values to set, by custom-field id ({@code CustomFields})} */
  @JsonProperty("CustomFields")
  @Nullable
  public abstract List<AddCustomField> customFields();

  /**
   * {@return the access keys to create with the customer ({@code AccessKeys})} Each one sent
   * creates a key; customer-sync's own creates send none.
   */
  @JsonProperty("AccessKeys")
  @Nullable
  public abstract List<AddUserAccessKey> accessKeys();

  /** {@return the customer's invoice address ({@code InvoiceAddress})} */
  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract InvoiceAddressToHandle invoiceAddress();

  /** Builds {@link CreateCustomer} values. */
  public static final class Builder extends ImmutableCreateCustomer.Builder {
    Builder() {}
  }
}
