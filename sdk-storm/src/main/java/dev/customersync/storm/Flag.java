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

  /** Starts an empty flag. */
  public static ImmutableFlag.Builder builder() {
    return ImmutableFlag.builder();
  }

  /** The flag's id. */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** The flag's name, in the call's culture. */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** The id of the flag group it belongs to. */
  @JsonProperty("Group")
  @Nullable
  public abstract Integer group();

  /** Whether the flag is set. */
  @JsonProperty("IsSelected")
  @Nullable
  public abstract Boolean isSelected();
}
