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

  /** Starts an empty company. */
  public static ImmutableCompany.Builder builder() {
    return ImmutableCompany.builder();
  }

  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** System-wide unique key (a GUID), kept as text. */
  @JsonProperty("Key")
  @Nullable
  public abstract String key();

  /** External code, usually the ERP id. */
  @JsonProperty("Code")
  @Nullable
  public abstract String code();

  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** Organisation (registration) number. */
  @JsonProperty("OrgNo")
  @Nullable
  public abstract String orgNo();

  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  @JsonProperty("VatNo")
  @Nullable
  public abstract String vatNo();

  @JsonProperty("ReferId")
  @Nullable
  public abstract Integer referId();

  @JsonProperty("ReferUrl")
  @Nullable
  public abstract String referUrl();

  @JsonProperty("DeliveryAddresses")
  @Nullable
  public abstract List<Address> deliveryAddresses();

  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract Address invoiceAddress();

  @JsonProperty("UseInvoiceAddressAsDeliveryAddress")
  @Nullable
  public abstract Boolean useInvoiceAddressAsDeliveryAddress();

  @JsonProperty("Info")
  @Nullable
  public abstract List<IdValue> info();

  @JsonProperty("PricelistIds")
  @Nullable
  public abstract List<Integer> pricelistIds();

  /** The parent company's id. */
  @JsonProperty("ParentId")
  @Nullable
  public abstract Integer parentId();

  @JsonProperty("DeliveryMethodIds")
  @Nullable
  public abstract List<Integer> deliveryMethodIds();

  @JsonProperty("PaymentMethodIds")
  @Nullable
  public abstract List<Integer> paymentMethodIds();

  @JsonProperty("Flags")
  @Nullable
  public abstract List<Flag> flags();
}
