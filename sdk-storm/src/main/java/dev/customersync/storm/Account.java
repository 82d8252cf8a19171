package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@code Account}: the login attached to a customer. An account sent without {@code Id} is
 * created (and may fail with {@code AccountAlreadyExists}), which is why customer-sync sends back
 * exactly the account it read and never makes one up. {@code LoginName} is at most 255
 * UTF-16 code units, {@code Name} at most 100.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAccount.class)
@JsonDeserialize(as = ImmutableAccount.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Account {

  Account() {}

  /** {@return a builder for an account with no property set} */
  public static ImmutableAccount.Builder builder() {
    return ImmutableAccount.builder();
  }

  /** {@return Storm's internal {@code Id} of the account, or {@code null} for one Storm has not created yet} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the system-wide unique {@code Key} (a GUID), kept as text so an odd value never fails a read} */
  @JsonProperty("Key")
  @Nullable
  public abstract String key();

  /** {@return the name the account logs in with ({@code LoginName})} */
  @JsonProperty("LoginName")
  @Nullable
  public abstract String loginName();

  /** {@return the account's display {@code Name}} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the ids of the account's {@code Roles}} */
  @JsonProperty("Roles")
  @Nullable
  public abstract List<Integer> roles();

  /** {@return the account's {@code Authorizations}, as id-value pairs} */
  @JsonProperty("Authorizations")
  @Nullable
  public abstract List<IdValue> authorizations();

  /** {@return whether the account is active ({@code IsActive})} */
  @JsonProperty("IsActive")
  @Nullable
  public abstract Boolean isActive();
}
