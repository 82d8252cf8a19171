package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@link ErrorMessage#messages()}: WCF writes a .NET dictionary as a list of {@code
 * {"Key": …, "Value": …}} objects. The key is Storm's constant (e.g. {@code InvalidEmail}), the
 * value its text.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKeyValue.class)
@JsonDeserialize(as = ImmutableKeyValue.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class KeyValue {

  KeyValue() {}

  /**
   * Creates an entry of Storm's message dictionary.
   *
   * @param key Storm's message constant, e.g. {@code InvalidEmail}
   * @param value the message's text
   * @return the entry
   */
  public static KeyValue of(String key, String value) {
    return ImmutableKeyValue.builder().key(key).value(value).build();
  }

  /** {@return Storm's message constant ({@code Key}), e.g. {@code InvalidEmail}} */
  @JsonProperty("Key")
  @Nullable
  public abstract String key();

  /** {@return the message's text ({@code Value})} */
  @JsonProperty("Value")
  @Nullable
  public abstract String value();
}
