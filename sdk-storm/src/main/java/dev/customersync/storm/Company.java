package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@code Company}, one of a customer's companies (the first is the default). A company sent
 * without {@code Id} is created, with {@code Id} it is updated; customer-sync therefore always
 * updates the customer's existing first company by its id and never sends a second copy.
 * {@code Code} is at most 50 UTF-16 code units, {@code Name} at most 100 and required.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCompany.class)
@JsonDeserialize(as = ImmutableCompany.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Company {

  Company() {}

  /** {@return a builder for a company with no property set} */
  public static ImmutableCompany.Builder builder() {
    return ImmutableCompany.builder();
  }

  /** {@return Storm's internal {@code Id} of the company; a company sent without one is created} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the system-wide unique {@code Key} (a GUID), kept as text} */
  @JsonProperty("Key")
  @Nullable
  public abstract String key();

  /** {@return the external {@code Code}, usually the company's id in the ERP} */
  @JsonProperty("Code")
  @Nullable
  public abstract String code();

  /** {@return the company's {@code Name}; Storm rejects a company without one ({@code InvalidCompanyName})} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the organisation (registration) number ({@code OrgNo})} */
  @JsonProperty("OrgNo")
  @Nullable
  public abstract String orgNo();

  /** {@return the company's {@code Phone} number} */
  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** {@return the company's {@code Email} address} */
  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** {@return the company's VAT number ({@code VatNo})} */
  @JsonProperty("VatNo")
  @Nullable
  public abstract String vatNo();

  /** {@return the external id the company is tagged with ({@code ReferId})} */
  @JsonProperty("ReferId")
  @Nullable
  public abstract Integer referId();

  /** {@return the incoming URL the company is tagged with ({@code ReferUrl})} */
  @JsonProperty("ReferUrl")
  @Nullable
  public abstract String referUrl();

  /** {@return the company's {@code DeliveryAddresses}; in checkout they override the customer's} */
  @JsonProperty("DeliveryAddresses")
  @Nullable
  public abstract List<Address> deliveryAddresses();

  /** {@return the company's {@code InvoiceAddress}} */
  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract Address invoiceAddress();

  /**
   * {@return whether Storm uses the invoice address as the delivery address too
   * ({@code UseInvoiceAddressAsDeliveryAddress})}
   */
  @JsonProperty("UseInvoiceAddressAsDeliveryAddress")
  @Nullable
  public abstract Boolean useInvoiceAddressAsDeliveryAddress();

  /** {@return the client-specific id-value pairs ({@code Info}) of the company} */
  @JsonProperty("Info")
  @Nullable
  public abstract List<IdValue> info();

  /** {@return the ids of the price lists valid for the company ({@code PricelistIds}); read-only at Storm} */
  @JsonProperty("PricelistIds")
  @Nullable
  public abstract List<Integer> pricelistIds();

  /** {@return the parent company's id ({@code ParentId})} */
  @JsonProperty("ParentId")
  @Nullable
  public abstract Integer parentId();

  /** {@return the ids of the delivery methods the company may use ({@code DeliveryMethodIds})} */
  @JsonProperty("DeliveryMethodIds")
  @Nullable
  public abstract List<Integer> deliveryMethodIds();

  /** {@return the ids of the payment methods the company may use ({@code PaymentMethodIds})} */
  @JsonProperty("PaymentMethodIds")
  @Nullable
  public abstract List<Integer> paymentMethodIds();

  /** {@return the company's {@code Flags}} */
  @JsonProperty("Flags")
  @Nullable
  public abstract List<Flag> flags();
}
