package dev.customersync.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.FieldChange;
import dev.customersync.core.json.LosslessJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The properties that differ between the body a write would send unchanged and the body after the
 * merge, as {@link FieldChange}s named by path ({@code Name}, {@code Companies[0].Name}). Objects
 * are compared property by property, arrays element by element; a value that is not an object on
 * both sides, or an array element present on one side only, is one change. Values are compared as
 * JSON trees, so {@code 1.50} and {@code 1.5} differ, as they would on the wire.
 */
public final class JsonTreeDiff {

  private JsonTreeDiff() {}

  /**
   * {@return every difference from {@code before} to {@code after}} They come in {@code after}'s
   * property order, then the removals.
   *
   * @param before the body the write would send unchanged
   * @param after the body after the merge
   */
  public static List<FieldChange> changes(JsonNode before, JsonNode after) {
    List<FieldChange> out = new ArrayList<>();
    diff("", before, after, out);
    return out;
  }

  /**
   * Whether two trees write the same JSON: numbers by their written form ({@code 5} as an int or a
   * long is the same, {@code 1.50} and {@code 1.5} are not, although Jackson's {@code equals}
   * says so), objects by their properties regardless of order, arrays element by element.
   *
   * @param a one tree
   * @param b the other tree
   * @return true when both write the same JSON
   */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.asText().equals(b.asText());
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !same(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static void diff(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
    if (same(before, after)) {
      return;
    }
    if (before.isObject() && after.isObject()) {
      for (Map.Entry<String, JsonNode> e : after.properties()) {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        JsonNode was = before.get(e.getKey());
        if (was == null) {
          out.add(FieldChange.of(child, null, LosslessJson.text(e.getValue())));
        } else {
          diff(child, was, e.getValue(), out);
        }
      }
      for (Map.Entry<String, JsonNode> e : before.properties()) {
        if (!after.has(e.getKey())) {
          out.add(FieldChange.of(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), LosslessJson.text(e.getValue()), null));
        }
      }
      return;
    }
    if (before.isArray() && after.isArray()) {
      int n = Math.max(before.size(), after.size());
      for (int i = 0; i < n; i++) {
        String child = path + "[" + i + "]";
        if (i >= before.size()) {
          out.add(FieldChange.of(child, null, LosslessJson.text(after.get(i))));
        } else if (i >= after.size()) {
          out.add(FieldChange.of(child, LosslessJson.text(before.get(i)), null));
        } else {
          diff(child, before.get(i), after.get(i), out);
        }
      }
      return;
    }
    out.add(FieldChange.of(path, LosslessJson.text(before), LosslessJson.text(after)));
  }
}
