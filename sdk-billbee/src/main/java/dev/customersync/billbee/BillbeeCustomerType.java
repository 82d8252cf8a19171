package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Billbee's customer type, an integer on the wire ({@code Type}): 0 end customer, 1 business
 * customer. A number Billbee adds later is kept as it came, so reading and writing back a customer
 * never fails or changes it.
 *
 * @param value the number Billbee uses
 */
public record BillbeeCustomerType(@JsonValue int value) {

  /** 0: a private person buying for themselves. */
  public static final BillbeeCustomerType END_CUSTOMER = new BillbeeCustomerType(0);

  /** 1: a company. */
  public static final BillbeeCustomerType BUSINESS = new BillbeeCustomerType(1);

  /**
   * Returns the type for a wire value, known or not.
   *
   * @param value the number Billbee sends in {@code Type}
   * @return {@link #END_CUSTOMER}, {@link #BUSINESS}, or a type that keeps the unknown number
   */
  @JsonCreator
  public static BillbeeCustomerType of(int value) {
    return switch (value) {
      case 0 -> END_CUSTOMER;
      case 1 -> BUSINESS;
      default -> new BillbeeCustomerType(value);
    };
  }

  /** {@return whether this is one of the documented values} */
  public boolean isKnown() {
    return value == 0 || value == 1;
  }

  /** {@return {@code EndCustomer}, {@code BusinessCustomer}, or {@code Unknown(7)}} */
  public String name() {
    return switch (value) {
      case 0 -> "EndCustomer";
      case 1 -> "BusinessCustomer";
      default -> "Unknown(" + value + ")";
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
