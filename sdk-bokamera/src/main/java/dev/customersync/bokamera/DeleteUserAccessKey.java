package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * An access key to remove from a customer, in an {@link UpdateCustomer}.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableDeleteUserAccessKey.class)
@JsonDeserialize(as = ImmutableDeleteUserAccessKey.class)
public abstract class DeleteUserAccessKey {

  DeleteUserAccessKey() {}

  /** {@return a new, empty {@code DeleteUserAccessKey} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the id of the access key to delete ({@code Id})} */
  @JsonProperty("Id")
  @Nullable
  public abstract UUID id();

  /** Builds {@link DeleteUserAccessKey} values. */
  public static final class Builder extends ImmutableDeleteUserAccessKey.Builder {
    Builder() {}
  }
}
