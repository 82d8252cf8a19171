package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status of a customer article, BokaMera's {@code CustomerArticleStatusEnum}, sent and read as
 * its number.
 *
 * <p>A value class rather than a Java {@code enum}: when BokaMera adds a status, the number read
 * from the wire survives ({@link #isKnown()} is then false) instead of failing the whole answer,
 * and it is sent back unchanged.
 *
 * <p>ServiceStack may write enums by name instead of by number (unconfirmed for BokaMera), so a
 * known name such as {@code "Active"} and a number in a string are read too.
 */
public final class CustomerArticleStatus {

  /** 1: waiting for the customer's payment. */
  public static final CustomerArticleStatus AWAITING_PAYMENT = new CustomerArticleStatus(1, "AwaitingPayment");
  /** 2: waiting for the payment provider to confirm. */
  public static final CustomerArticleStatus AWAITING_PAYMENT_FROM_PROVIDER =
      new CustomerArticleStatus(2, "AwaitingPaymentFromProvider");
  /** 3: waiting for payment, without a time limit. */
  public static final CustomerArticleStatus AWAITING_PAYMENT_NO_TIME_LIMIT =
      new CustomerArticleStatus(3, "AwaitingPaymentNoTimeLimit");
  /** 4: active, usable. */
  public static final CustomerArticleStatus ACTIVE = new CustomerArticleStatus(4, "Active");
  /** 5: switched off. */
  public static final CustomerArticleStatus OFF = new CustomerArticleStatus(5, "Off");

  private static final Map<Integer, CustomerArticleStatus> KNOWN = Map.of(
      1, AWAITING_PAYMENT, 2, AWAITING_PAYMENT_FROM_PROVIDER, 3, AWAITING_PAYMENT_NO_TIME_LIMIT, 4, ACTIVE, 5, OFF);

  private final int value;
  private final String name;

  private CustomerArticleStatus(int value, String name) {
    this.value = value;
    this.name = name;
  }

  /**
   * The status with this number: a named constant, or an unknown status that keeps the number.
   *
   * @param value BokaMera's number of the status
   * @return the named constant for a known number, else an unknown status holding {@code value}
   */
  public static CustomerArticleStatus of(int value) {
    CustomerArticleStatus known = KNOWN.get(value);
    return known != null ? known : new CustomerArticleStatus(value, null);
  }

  /**
   * Reads a status written as a number, a number in a string, or a known name (any case).
   *
   * @param text the status as BokaMera wrote it, e.g. {@code "4"} or {@code "Active"}
   * @return the status
   * @throws IllegalArgumentException for an unknown name, which has no number to keep
   */
  public static CustomerArticleStatus parse(String text) {
    String t = text.trim();
    if (t.matches("-?\\d{1,9}")) {
      return of(Integer.parseInt(t));
    }
    for (CustomerArticleStatus s : KNOWN.values()) {
      if (s.name.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown BokaMera customer article status \"" + text
        + "\"; known: 1 AwaitingPayment, 2 AwaitingPaymentFromProvider, 3 AwaitingPaymentNoTimeLimit, 4 Active, 5 Off");
  }

  @JsonCreator
  static CustomerArticleStatus fromJson(Object json) {
    if (json instanceof Number n) {
      return of(n.intValue());
    }
    return parse(String.valueOf(json));
  }

  /** {@return the number BokaMera uses for the status} */
  @JsonValue
  public int value() {
    return value;
  }

  /**
   * {@return BokaMera's name for the status, e.g. {@code Active}, or empty when this client does not know the number}
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** {@return whether the number is one of the five statuses BokaMera documents} */
  public boolean isKnown() {
    return name != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerArticleStatus other && other.value == value;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(value);
  }

  @Override
  public String toString() {
    return name != null ? name + "(" + value + ")" : "Unknown(" + value + ")";
  }
}
