package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Paging} block of Billbee's paged answers ({@code ApiPagedResult}): which page this is
 * and how many there are. Any of them may be missing (Billbee's own list fixture has no {@code
 * Paging} at all), so each is nullable.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
@JsonSerialize(as = ImmutableBillbeePaging.class)
@JsonDeserialize(as = ImmutableBillbeePaging.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"Page", "TotalPages", "TotalRows", "PageSize"})
public abstract class BillbeePaging {

  BillbeePaging() {}

  /** {@return a new builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the page's number, 1-based} */
  @JsonProperty("Page")
  public abstract @Nullable Integer page();

  /** {@return how many pages there are at this page size} */
  @JsonProperty("TotalPages")
  public abstract @Nullable Integer totalPages();

  /** {@return how many items there are in all} */
  @JsonProperty("TotalRows")
  public abstract @Nullable Integer totalRows();

  /** {@return the page size the answer was made with} */
  @JsonProperty("PageSize")
  public abstract @Nullable Integer pageSize();

  /** Builds {@link BillbeePaging} values. */
  public static final class Builder extends ImmutableBillbeePaging.Builder {
    Builder() {}
  }
}
