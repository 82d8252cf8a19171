package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's fault body, {@code ErrorMessage {MessageId, Message, TimeStamp, Messages[{Key,
 * Value}]}}, sent with 400 (a message that may be shown to end users) and 500 (internal). {@link
 * StormErrorParser} turns it into a {@link dev.customersync.core.VendorApiException}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableErrorMessage.class)
@JsonDeserialize(as = ImmutableErrorMessage.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class ErrorMessage {

  ErrorMessage() {}

  /** {@return a builder for a fault with no property set} */
  public static ImmutableErrorMessage.Builder builder() {
    return ImmutableErrorMessage.builder();
  }

  /** {@return Storm's id of this occurrence ({@code MessageId}, a GUID), useful when asking Storm support} */
  @JsonProperty("MessageId")
  @Nullable
  public abstract String messageId();

  /** {@return the fault's overall text ({@code Message})} */
  @JsonProperty("Message")
  @Nullable
  public abstract String message();

  /** {@return when Storm raised the fault ({@code TimeStamp})} */
  @JsonProperty("TimeStamp")
  @Nullable
  public abstract OffsetDateTime timeStamp();

  /**
   * {@return Storm's message keys (e.g. {@code CustomerAlreadyExists}) with their texts ({@code Messages}), in Storm's
   * order}
   */
  @JsonProperty("Messages")
  @Nullable
  public abstract List<KeyValue> messages();
}
