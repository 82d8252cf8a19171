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

  /** Starts an empty fault. */
  public static ImmutableErrorMessage.Builder builder() {
    return ImmutableErrorMessage.builder();
  }

  /** Storm's id of this occurrence (a GUID), useful when asking Storm support. */
  @JsonProperty("MessageId")
  @Nullable
  public abstract String messageId();

  /** The overall text. */
  @JsonProperty("Message")
  @Nullable
  public abstract String message();

  @JsonProperty("TimeStamp")
  @Nullable
  public abstract OffsetDateTime timeStamp();

  /** Storm's message keys (e.g. {@code CustomerAlreadyExists}) with their texts, in Storm's order. */
  @JsonProperty("Messages")
  @Nullable
  public abstract List<KeyValue> messages();
}
