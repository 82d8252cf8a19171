package dev.customersync.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Edits of a vendor's JSON tree that touch a property only when its value really changes. A value
 * equal to the one read (the same text, the same number in another node type, a boolean) leaves
 * the read node in place, so the property goes back exactly as it was read and the diff of the
 * merge shows only real changes.
 */
public final class JsonEdits {

  private JsonEdits() {}

  /**
   * Sets {@code name} to the string {@code value}, or to JSON {@code null} when {@code value} is
   * null; keeps the node read when it already holds that value.
   *
   * @param node the object to edit
   * @param name the property
   * @param value the text, or null for JSON {@code null}
   * @return whether the tree changed
   */
  public static boolean setText(ObjectNode node, String name, @Nullable String value) {
    JsonNode was = node.get(name);
    if (value == null) {
      return setNull(node, name);
    }
    if (was != null && was.isTextual() && was.textValue().equals(value)) {
      return false;
    }
    node.put(name, value);
    return true;
  }

  /**
   * Sets {@code name} to the integer {@code value}; keeps the node read when it holds the same
   * number (an int read stays an int node, {@code 5.0} stays {@code 5.0}).
   *
   * @param node the object to edit
   * @param name the property
   * @param value the number
   * @return whether the tree changed
   */
  public static boolean setLong(ObjectNode node, String name, long value) {
    JsonNode was = node.get(name);
    if (was != null && was.isNumber() && sameNumber(was, BigDecimal.valueOf(value))) {
      return false;
    }
    node.put(name, value);
    return true;
  }

  /**
   * Sets {@code name} to the boolean {@code value}; keeps the node read when it holds the same.
   *
   * @param node the object to edit
   * @param name the property
   * @param value the boolean
   * @return whether the tree changed
   */
  public static boolean setBoolean(ObjectNode node, String name, boolean value) {
    JsonNode was = node.get(name);
    if (was != null && was.isBoolean() && was.booleanValue() == value) {
      return false;
    }
    node.put(name, value);
    return true;
  }

  /**
   * Sets {@code name} to JSON {@code null}; keeps the node read when it already is null.
   *
   * @param node the object to edit
   * @param name the property
   * @return whether the tree changed
   */
  public static boolean setNull(ObjectNode node, String name) {
    JsonNode was = node.get(name);
    if (was != null && was.isNull()) {
      return false;
    }
    node.putNull(name);
    return true;
  }

  /**
   * Sets {@code name} to {@code value} (a subtree); keeps the node read when it is equal.
   *
   * @param node the object to edit
   * @param name the property
   * @param value the subtree, not null
   * @return whether the tree changed
   */
  public static boolean set(ObjectNode node, String name, JsonNode value) {
    Objects.requireNonNull(value, "value");
    JsonNode was = node.get(name);
    if (was != null && JsonTreeDiff.same(was, value)) {
      return false;
    }
    node.set(name, value);
    return true;
  }

  /**
   * {@return the text of {@code name}, or null when it is absent, null or not a string}
   *
   * @param node the object to read
   * @param name the property
   */
  public static @Nullable String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /**
   * {@return the object at {@code name}, or null when it is absent or not an object}
   *
   * @param node the object to read
   * @param name the property
   */
  public static @Nullable ObjectNode object(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v instanceof ObjectNode o ? o : null;
  }

  private static boolean sameNumber(JsonNode was, BigDecimal value) {
    BigDecimal read = was.decimalValue();
    return read.compareTo(value) == 0;
  }
}
