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

  /** Starts a new, empty {@code UserAccessKeys}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @JsonProperty("CompanyId")
  @Nullable
  public abstract UUID companyId();

  @JsonProperty("AccessKeyTypeId")
  @Nullable
  public abstract Integer accessKeyTypeId();

  /** The key value; hidden in {@code toString()}. */
  @JsonProperty("Value")
  @Value.Redacted
  @Nullable
  public abstract String value();

  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** Builds {@link UserAccessKeys} values. */
  public static final class Builder extends ImmutableUserAccessKeys.Builder {
    Builder() {}
  }
}
