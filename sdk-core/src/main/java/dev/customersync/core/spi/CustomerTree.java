package dev.customersync.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A vendor's customer as an exact JSON tree (see {@link dev.customersync.core.json.LosslessJson}),
 * unwrapped from any envelope, with the response it came in: its status and attempts, and the
 * body for error messages.
 */
public final class CustomerTree {

  private final JsonNode customer;
  private final VendorResponse response;

  /**
   * @param customer the customer object as read (an envelope's {@code Data}, a list's first
   *     result), or whatever the answer held in its place
   * @param response the answer it came in
   */
  public CustomerTree(JsonNode customer, VendorResponse response) {
    this.customer = Objects.requireNonNull(customer, "customer");
    this.response = Objects.requireNonNull(response, "response");
  }

  /** {@return the customer as read; never modified by the template, which merges into a copy} */
  public JsonNode customer() {
    return customer;
  }

  /** {@return the answer the customer came in} */
  public VendorResponse response() {
    return response;
  }

  /** {@return HTTP attempts the call took, retries included} */
  public int attempts() {
    return response.attempts();
  }
}
