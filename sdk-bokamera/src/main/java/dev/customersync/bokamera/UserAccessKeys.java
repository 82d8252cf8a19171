package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An access key a customer holds ({@link CustomerQueryResponse#accessKeys()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableUserAccessKeys.class)
@JsonDeserialize(as = ImmutableUserAccessKeys.class)
public abstract class UserAccessKeys {

  UserAccessKeys() {}

  /** {@return a new, empty {@code UserAccessKeys} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the company the access key belongs to ({@code CompanyId})} */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** {@return the type of access key ({@code AccessKeyTypeId})} */
  @JsonProperty("AccessKeyTypeId")
  @Nullable
  public abstract Integer accessKeyTypeId();

  /** {@return the key value ({@code Value}); hidden in {@code toString()}} */
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

  /** {@return the access key's {@code Id}; a key without one is not sent back by the updater} */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** Builds {@link UserAccessKeys} values. */
  public static final class Builder extends ImmutableUserAccessKeys.Builder {
    Builder() {}
  }
}
