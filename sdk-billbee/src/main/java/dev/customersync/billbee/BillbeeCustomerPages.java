package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads every page of Billbee's customer list, {@value #PAGE_SIZE} customers a page (Billbee's
 * maximum, so the fewest calls). It stops at whichever comes first: the page {@code
 * Paging.TotalPages} names, a short or empty page, or, without a {@code Paging} block (Billbee's own
 * list fixture has none), a page that brings no customer not seen before (a server that ignores
 * {@code page} would otherwise be read for ever). Whatever {@code TotalPages} says later, no more
 * than the first page's {@code TotalPages} + 1 pages are read: customers created meanwhile shift
 * the pages, and one extra page picks up what was pushed over the end.
 *
 * <p>The order of the list is undocumented; a customer created or archived while the pages are
 * read may be missed or seen twice. Seen twice is harmless (an index counts an id once); missed is
 * why an index has a maximum age.
 */
final class BillbeeCustomerPages {

  /** Billbee's largest page size. */
  static final int PAGE_SIZE = 250;

  private BillbeeCustomerPages() {}

  /**
   * Reads the pages and hands each to {@code sink}, in order.
   *
   * @param client the client to read with
   * @param first page 1 when already read, else null
   * @param sink receives every page
   */
  static void readAll(BillbeeClient client, @Nullable BillbeeListPage first, Consumer<BillbeeListPage> sink) {
    BillbeeListPage page = first != null ? first : client.readPage(1, PAGE_SIZE);
    Integer firstTotal = page.totalPages();
    Set<Long> seen = new HashSet<>();
    while (true) {
      boolean newIds = false;
      for (JsonNode item : page.items()) {
        newIds |= seen.add(BillbeeListPage.idOf(item));
      }
      sink.accept(page);
      Integer total = page.totalPages();
      int n = page.number();
      if (page.items().size() < PAGE_SIZE
          || total != null && n >= total
          || total == null && !newIds
          || firstTotal != null && n >= firstTotal + 1) {
        return;
      }
      page = client.readPage(n + 1, PAGE_SIZE);
    }
  }
}
