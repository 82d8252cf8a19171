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

  /** {@return a new, empty {@code CustomerQueryPage} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return how many results were skipped ({@code Offset})} */
  @JsonProperty("Offset")
  @Nullable
  public abstract Integer offset();

  /** {@return how many customers match in all ({@code Total})} */
  @JsonProperty("Total")
  @Nullable
  public abstract Integer total();

  /** {@return this page's customers ({@code Results}); customer-sync uses the first} */
  @JsonProperty("Results")
  @Nullable
  public abstract List<CustomerQueryResponse> results();

  /** {@return ServiceStack's free-form {@code Meta} entries of the answer} */
  @JsonProperty("Meta")
  @Nullable
  public abstract Map<String, String> meta();

  /** {@return ServiceStack's status of the answer ({@code ResponseStatus}); empty on success} */
  @JsonProperty("ResponseStatus")
  @Nullable
  public abstract ResponseStatus responseStatus();

  /** Builds {@link CustomerQueryPage} values. */
  public static final class Builder extends ImmutableCustomerQueryPage.Builder {
    Builder() {}
  }
}
