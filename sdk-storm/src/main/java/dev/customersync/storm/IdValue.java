package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@code IdValue}: one typed value attached to a customer, company or account, such as a
 * customer info field ({@code Customer.Info}, types listed by {@code
 * ApplicationService.ListCustomerInfoTypes}) or an account authorization. {@code Code} is at most
 * 255 UTF-16 code units.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableIdValue.class)
@JsonDeserialize(as = ImmutableIdValue.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class IdValue {

  IdValue() {}

  /** {@return a builder for a value with no property set} */
  public static ImmutableIdValue.Builder builder() {
    return ImmutableIdValue.builder();
  }

  /** {@return the info type's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the {@code Value}, as text} */
  @JsonProperty("Value")
  @Nullable
  public abstract String value();

  /** {@return the info type's {@code Code}, e.g. {@code "Newsletter"}; customer-sync matches custom fields on it} */
  @JsonProperty("Code")
  @Nullable
  public abstract String code();
}
