package dev.customersync.core;

import java.util.Objects;

/**
 * What a {@link VendorCallListener} is told about the call it observes: the vendor, the operation
 * ({@code get-customer}, {@code update-customer}, {@code token}), the HTTP method and the endpoint
 * as a template ({@code customers/{id}}). Every part is a small closed vocabulary, safe as a
 * metric tag: never an id, a name, an e-mail or a token.
 */
public final class VendorCall {

  private final String vendor;
  private final String operation;
  private final String method;
  private final String endpoint;

  private VendorCall(String vendor, String operation, String method, String endpoint) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /**
   * A call description; vendor modules build these, listeners only read them.
   *
   * @param vendor the vendor's short name
   * @param operation what the call does
   * @param method the HTTP method
   * @param endpoint the endpoint as a template without ids
   * @return the description
   */
  public static VendorCall of(String vendor, String operation, String method, String endpoint) {
    return new VendorCall(vendor, operation, method, endpoint);
  }

  /** {@return the vendor's short name, e.g. {@code billbee}} */
  public String vendor() {
    return vendor;
  }

  /** {@return what the call does, e.g. {@code get-customer}, {@code update-customer}, {@code token}} */
  public String operation() {
    return operation;
  }

  /** {@return the HTTP method, e.g. {@code GET}} */
  public String method() {
    return method;
  }

  /** {@return the endpoint as a template without ids, e.g. {@code api/v1/customers/{id}}} */
  public String endpoint() {
    return endpoint;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof VendorCall c && vendor.equals(c.vendor) && operation.equals(c.operation)
        && method.equals(c.method) && endpoint.equals(c.endpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendor, operation, method, endpoint);
  }

  @Override
  public String toString() {
    return vendor + " " + operation + " (" + method + " " + endpoint + ")";
  }
}
