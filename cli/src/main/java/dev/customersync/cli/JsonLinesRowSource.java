package dev.customersync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Customer;
import dev.customersync.core.json.CustomerJson;
import dev.customersync.core.json.Json;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.SyncItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object per line: {@code {"key":…,"customer":{…},"links":[{"vendor":…,"customerId":…}]}},
 * the customer in {@link CustomerJson}'s shape. A selected vendor without a link in the line is
 * linked by the customer's e-mail address, as in a CSV file.
 */
final class JsonLinesRowSource implements RowSource {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final BufferedReader reader;
  private final List<String> vendors;
  private long line;

  JsonLinesRowSource(BufferedReader reader, List<String> vendors) {
    this.reader = reader;
    this.vendors = vendors;
  }

  @Override
  public @Nullable CustomerRow next() throws IOException {
    String text;
    do {
      text = reader.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (IOException e) {
      return CustomerRow.bad(line, "line " + line, "not a JSON object");
    }
    String key = CustomerColumns.keyOf(line, json.path("key").asText(null), json.path("customer").path("email").asText(null));
    Customer customer;
    try {
      customer = CustomerJson.read(json.get("customer"));
    } catch (IllegalArgumentException e) {
      return CustomerRow.bad(line, key, "customer: " + e.getMessage());
    }
    String invalid = CustomerColumns.violations(customer);
    if (invalid != null) {
      return CustomerRow.bad(line, key, invalid);
    }
    List<CustomerLink> links = new ArrayList<>();
    List<String> linked = new ArrayList<>();
    for (JsonNode link : json.path("links")) {
      String vendor = link.path("vendor").asText("");
      String id = link.path("customerId").asText("");
      if ((vendors.isEmpty() || vendors.contains(vendor)) && !id.isBlank()) {
        links.add(CustomerLink.of(vendor, id.trim()));
        linked.add(vendor);
      }
    }
    for (String vendor : vendors) {
      if (!linked.contains(vendor)) {
        if (customer.email().isEmpty()) {
          return CustomerRow.bad(line, key, "email: needed to find the customer at " + vendor
              + ", as the line has no link to " + vendor);
        }
        links.add(CustomerLink.byEmail(vendor));
      }
    }
    return CustomerRow.good(line, new SyncItem(key, customer, links));
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
