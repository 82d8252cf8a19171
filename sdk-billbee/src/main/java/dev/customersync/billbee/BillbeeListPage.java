package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.spi.VendorResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of Billbee's customer list as read: its number, what its {@code Paging} block says, the
 * customers as exact JSON trees (each checked to carry an integer {@code Id}) and the answer.
 *
 * @param number the page asked for, 1-based
 * @param totalPages {@code Paging.TotalPages}, or null when absent
 * @param totalRows {@code Paging.TotalRows}, or null when absent
 * @param paging the {@code Paging} block as sent, or null when absent
 * @param items the customers in {@code Data}, in Billbee's order
 * @param response the answer the page came in
 */
record BillbeeListPage(int number, @Nullable Integer totalPages, @Nullable Integer totalRows, @Nullable JsonNode paging,
    List<JsonNode> items, VendorResponse response) {

  /** {@return the {@code Id} of a customer of this page, checked when the page was read} */
  static long idOf(JsonNode customer) {
    return customer.get("Id").longValue();
  }
}
