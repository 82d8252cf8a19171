package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.MatchKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds BokaMera customers by e-mail: pages through {@code GET /customers?Search=<email>} and keeps
 * the results whose {@code Email}, normalized as {@link MatchKey#EMAIL} does, equals the address.
 *
 * <p>{@code Search} is documented only by a third-party client, as "free-text search over customer
 * name and email"; whether it matches exactly, by prefix or by substring is unconfirmed. So every
 * page is read and filtered here, and a search that matches other customers too (a name containing
 * the address, {@code nada@x.se} for {@code ada@x.se}) costs pages, never a wrong match.
 *
 * <p>The paging is read defensively, since Skip/Take, the page limit and the answer's shape are
 * third-party-documented too:
 * <ul>
 *   <li>{@code Take} is {@value #TAKE}, the {@code MaxLimit} ServiceStack's AutoQuery docs use as
 *       their example; BokaMera's own limit is unpublished.
 *   <li>The walk stops on an empty page; on reaching {@code Total} when the answer carries one; and,
 *       only when it carries none (a bare array), on a short page. With a {@code Total} a short
 *       page does not stop it: a host whose limit is below {@value #TAKE} answers short pages that
 *       are not the last.
 *   <li>A page whose first customer already opened an earlier page means the host ignores {@code
 *       Skip}: the walk fails rather than loop or miss customers.
 *   <li>More than a fixed number of pages (1,000, i.e. 100,000 customers matching one search) fails
 *       too, rather than run without end.
 * </ul>
 * The same customer on two pages (the set shifted during the walk) counts once. Thread-safe.
 */
final class BokaMeraEmailSearch {

  /** The page size asked for. */
  static final int TAKE = 100;

  /** The most pages one search reads. */
  static final int MAX_PAGES = 1000;

  private final BokaMeraCustomerStore store;
  private final int maxPages;

  BokaMeraEmailSearch(BokaMeraCustomerStore store, int maxPages) {
    this.store = store;
    this.maxPages = maxPages;
  }

  /**
   * {@return the ids, in BokaMera's order, of every customer whose e-mail is {@code email}}
   *
   * @param email the address as the customer holds it, trimmed: searched as it is (whether
   *     BokaMera's search ignores case is unconfirmed), compared normalized
   * @throws dev.customersync.core.VendorApiException when a page cannot be read, a matching
   *     customer has no id, the host ignores {@code Skip}, or the search needs more pages than the
   *     limit
   */
  List<String> idsWithEmail(String email) {
    String wanted = MatchKey.EMAIL.normalize(email);
    Set<String> ids = new LinkedHashSet<>();
    Set<String> pageStarts = new HashSet<>();
    int skip = 0;
    for (int pages = 0; ; pages++) {
      BokaMeraResultPage page = store.query(email, skip, TAKE);
      List<JsonNode> results = page.results();
      if (results.isEmpty()) {
        break;
      }
      if (pages + 1 > maxPages) {
        throw store.http().errorFor(page.response())
            .message("searching BokaMera customers by e-mail read " + maxPages + " pages of " + TAKE
                + " without reaching the end; stopped rather than read on without limit")
            .build();
      }
      String start = startOf(results.get(0));
      if (!pageStarts.add(start)) {
        throw store.http().errorFor(page.response())
            .message("BokaMera answered Skip=" + skip + " with the page it answered before (first customer "
                + start + "): the host seems to ignore Skip, so its customers cannot be paged through; "
                + "stopped rather than loop")
            .build();
      }
      for (JsonNode customer : results) {
        JsonNode held = customer.get("Email");
        if (held != null && held.isTextual() && MatchKey.EMAIL.normalize(held.textValue()).equals(wanted)) {
          String id = store.idOf(customer);
          if (id == null) {
            throw store.http().errorFor(page.response())
                .message("a BokaMera customer with the e-mail searched for has no Id").build();
          }
          ids.add(id);
        }
      }
      skip += results.size();
      boolean last = page.total() != null ? skip >= page.total() : results.size() < TAKE;
      if (last) {
        break;
      }
    }
    return new ArrayList<>(ids);
  }

  /** The page's first customer by its id, or by its whole text when it has none. */
  private String startOf(JsonNode first) {
    String id = store.idOf(first);
    return id != null ? id : first.toString();
  }
}
