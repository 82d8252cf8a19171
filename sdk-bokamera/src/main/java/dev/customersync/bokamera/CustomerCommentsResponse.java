package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A comment stored on a customer ({@link CustomerQueryResponse#comments()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomerCommentsResponse.class)
@JsonDeserialize(as = ImmutableCustomerCommentsResponse.class)
public abstract class CustomerCommentsResponse {

  CustomerCommentsResponse() {}

  /** {@return a new, empty {@code CustomerCommentsResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the comment's {@code Id}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the id of the customer the comment is about ({@code CustomerId})} */
  @JsonProperty("CustomerId")
  @Nullable
  public abstract UUID customerId();

  /** {@return the comment's text ({@code Comments})} */
  @JsonProperty("Comments")
  @Nullable
  public abstract String comments();

  /** {@return when the comment was last updated ({@code Updated})} */
  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();

  /** {@return when the comment was written ({@code Created})} */
  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  /**
   * {@return the URL of an image attached to the comment ({@code ImageUrl}); a .NET {@code Uri}, kept as text so an odd
   * value never fails the whole answer}
   */
  @JsonProperty("ImageUrl")
  @Nullable
  public abstract String imageUrl();

  /** Builds {@link CustomerCommentsResponse} values. */
  public static final class Builder extends ImmutableCustomerCommentsResponse.Builder {
    Builder() {}
  }
}
