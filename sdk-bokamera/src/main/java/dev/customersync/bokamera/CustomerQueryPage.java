package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The ServiceStack {@code QueryResponse<CustomerQueryResponse>} that {@code GET /customers} answers:
 * one page of customers.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomerQueryPage.class)
@JsonDeserialize(as = ImmutableCustomerQueryPage.class)
public abstract class CustomerQueryPage {

  CustomerQueryPage() {}

  /** Starts a new, empty {@code CustomerQueryPage}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** How many results were skipped. */
  @JsonProperty("Offset")
  @Nullable
  public abstract Integer offset();

  /** How many customers match in all. */
  @JsonProperty("Total")
  @Nullable
  public abstract Integer total();

  /** This page's customers. */
  @JsonProperty("Results")
  @Nullable
  public abstract List<CustomerQueryResponse> results();

  @JsonProperty("Meta")
  @Nullable
  public abstract Map<String, String> meta();

  @JsonProperty("ResponseStatus")
  @Nullable
  public abstract ResponseStatus responseStatus();

  /** Builds {@link CustomerQueryPage} values. */
  public static final class Builder extends ImmutableCustomerQueryPage.Builder {
    Builder() {}
  }
}
