package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An access key (e.g. a card or tag number) to create or update on a customer, in an {@link UpdateCustomer}.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAddUserAccessKey.class)
@JsonDeserialize(as = ImmutableAddUserAccessKey.class)
public abstract class AddUserAccessKey {

  AddUserAccessKey() {}

  /** {@return a new, empty {@code AddUserAccessKey} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the id of the access key to update ({@code Id}), or {@code null} to create a new one} */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** {@return the company the access key belongs to ({@code CompanyId})} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the type of access key ({@code AccessKeyTypeId})} */
  @JsonProperty("AccessKeyTypeId")
  @Nullable
  public abstract Integer accessKeyTypeId();

  /** {@return the key value or token itself ({@code Value}); hidden in {@code toString()}} */
  @JsonProperty("Value")
  @Value.Redacted
  @Nullable
  public abstract String value();

  /** {@return the customer the key belongs to ({@code CustomerId})} */
  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  /** {@return a note about the key ({@code Description})} */
  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  /** Builds {@link AddUserAccessKey} values. */
  public static final class Builder extends ImmutableAddUserAccessKey.Builder {
    Builder() {}
  }
}
