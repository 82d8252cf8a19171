package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.MatchKey;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billbee's customers by e-mail ({@code Email}, normalized as {@link MatchKey#EMAIL} does) and by
 * customer number ({@code Number}, its digits, for {@link MatchKey#EXTERNAL_CODE}), built from the
 * list's pages because Billbee has no find. Every customer counts, archived ones too: an archived
 * customer that shares a key with a live one makes the key ambiguous, and one that is the only
 * match is found and then refused by the update's archived check, never silently skipped for a
 * duplicate. An id is counted once per key however often it was seen. Thread-safe.
 */
final class BillbeeCustomerIndex {

  private final Map<String, Set<Long>> byEmail = new HashMap<>();
  private final Map<String, Set<Long>> byNumber = new HashMap<>();

  /** Adds a customer (an exact tree with an integer {@code Id}). */
  synchronized void add(JsonNode customer) {
    long id = BillbeeListPage.idOf(customer);
    JsonNode email = customer.get("Email");
    if (email != null && email.isTextual()) {
      put(byEmail, MatchKey.EMAIL.normalize(email.textValue()), id);
    }
    JsonNode number = customer.get("Number");
    if (number != null && number.isIntegralNumber()) {
      put(byNumber, number.bigIntegerValue().toString(), id);
    }
  }

  /** The ids carrying {@code value} (normalized) as {@code key}, in the order they were added. */
  synchronized List<String> ids(MatchKey key, String value) {
    Set<Long> ids = (key == MatchKey.EMAIL ? byEmail : byNumber).get(value);
    return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
  }

  private static void put(Map<String, Set<Long>> map, String key, long id) {
    if (!key.isEmpty()) {
      map.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(id);
    }
  }
}
