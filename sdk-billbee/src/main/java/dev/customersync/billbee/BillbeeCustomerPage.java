package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /api/v1/customers?page=&pageSize=} (Billbee's {@code ApiPagedResult}
 * after its error fields were checked): the {@code Paging} block and the customers in {@code
 * Data}, each the same {@code CustomerApiModel} as {@link BillbeeClient#getCustomer} returns.
 * Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"Paging", "Data"})
public final class BillbeeCustomerPage {

  private final @Nullable BillbeePaging paging;
  private final List<BillbeeCustomer> customers;

  /**
   * @param paging the {@code Paging} block, or null when Billbee sent none
   * @param customers the page's customers in Billbee's order; null reads as none
   */
  @JsonCreator
  public BillbeeCustomerPage(@JsonProperty("Paging") @Nullable BillbeePaging paging,
      @JsonProperty("Data") @Nullable List<BillbeeCustomer> customers) {
    this.paging = paging;
    this.customers = customers == null ? List.of() : List.copyOf(customers);
  }

  /** {@return the {@code Paging} block, or null when Billbee sent none} */
  @JsonProperty("Paging")
  public @Nullable BillbeePaging paging() {
    return paging;
  }

  /** {@return the page's customers, in Billbee's order (undocumented; the fake sorts by Id)} */
  @JsonProperty("Data")
  public List<BillbeeCustomer> customers() {
    return customers;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BillbeeCustomerPage p && Objects.equals(paging, p.paging) && customers.equals(p.customers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paging, customers);
  }

  @Override
  public String toString() {
    return "BillbeeCustomerPage{paging=" + paging + ", customers=" + customers.size() + "}";
  }
}
