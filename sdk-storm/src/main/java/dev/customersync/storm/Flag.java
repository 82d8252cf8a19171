package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@code Flag}: a marker on a customer or company that promotions and custom handling key
 * on. customer-sync never changes flags; it sends back exactly the ones it read.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableFlag.class)
@JsonDeserialize(as = ImmutableFlag.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Flag {

  Flag() {}

  /** {@return a builder for a flag with no property set} */
  public static ImmutableFlag.Builder builder() {
    return ImmutableFlag.builder();
  }

  /** {@return the flag's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the flag's {@code Name}, in the call's culture} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the id of the flag {@code Group} it belongs to} */
  @JsonProperty("Group")
  @Nullable
  public abstract Integer group();

  /** {@return whether the flag is set ({@code IsSelected})} */
  @JsonProperty("IsSelected")
  @Nullable
  public abstract Boolean isSelected();
}
