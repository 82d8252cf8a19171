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

  /** Starts a new, empty {@code AddUserAccessKey}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Set to update an existing access key, leave null to create a new one. */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** The company the access key belongs to. */
  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  /** The type of access key. */
  @JsonProperty("AccessKeyTypeId")
  @Nullable
  public abstract Integer accessKeyTypeId();

  /** The key value or token itself; hidden in {@code toString()}. */
  @JsonProperty("Value")
  @Value.Redacted
  @Nullable
  public abstract String value();

  /** The customer the key belongs to. */
  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  /** A note about the key. */
  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  /** Builds {@link AddUserAccessKey} values. */
  public static final class Builder extends ImmutableAddUserAccessKey.Builder {
    Builder() {}
  }
}
