package dev.customersync.storm;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violation;
import dev.customersync.core.Violations;
import dev.customersync.core.internal.BlockingCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Pushes a neutral {@link Customer} to Storm: validates the id and every value against Storm's
 * limits (before any request), reads the customer with {@code GetCustomer}, merges the fields the
 * caller set into it, and writes the whole merged customer with {@code UpdateCustomer}, so that
 * nothing the caller left unset is lost. {@link Customer#languageTag()} becomes the {@code
 * cultureCode} of both calls. {@link #updateAsync} runs on the builder's {@code executor(..)}, by
 * default the shared bounded pool of {@link BlockingCalls}. Thread-safe.
 */
final class StormCustomerUpdater implements CustomerUpdater {

  private static final Pattern CUSTOMER_ID = Pattern.compile("^[1-9][0-9]{0,9}$");

  private final StormClient client;
  private final Executor executor;

  /** @param executor where {@link #updateAsync} runs, or null for the shared bounded pool */
  StormCustomerUpdater(StormClient client, Executor executor) {
    this.client = client;
    this.executor = executor != null ? executor : BlockingCalls.executor();
  }

  @Override
  public String vendor() {
    return StormClient.VENDOR;
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    int id = validate(customerId, customer);
    String culture = customer.languageTag().filter(tag -> !tag.isBlank()).orElse(null);
    List<String> warnings = new ArrayList<>();
    customer.newsletterSubscribed().ifPresent(n -> warnings.add("newsletterSubscribed: Storm's Customer has no "
        + "newsletter property, so it was not sent (a Storm Flag or Info entry may hold it; set Info through customFields)"));

    StormAnswer<StormCustomer> read = client.fetch(id, culture);
    StormCustomer merged = StormCustomerMapper.merge(read.value(), customer, warnings);
    if (merged.id() == null) {
      merged = ImmutableStormCustomer.copyOf(merged).withId(id);
    }
    StormAnswer<StormCustomer> written = client.send(merged, client.updatedBy(), culture);
    StormCustomer now = written.value();
    if (now == null) {
      warnings.add("Storm answered UpdateCustomer without a customer; the result shows the customer as sent");
      now = merged;
    }
    StormCustomer held = now;
    return UpdateResult.builder()
        .vendor(vendor())
        .customerId(customerId)
        .customer(() -> StormCustomerMapper.toNeutral(held))
        .warnings(warnings)
        .attempts(read.attempts() + written.attempts())
        .vendorResponse(held)
        .build();
  }

  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return BlockingCalls.supplyAsync(() -> update(customerId, customer), executor,
        vendor() + " update of customer " + customerId);
  }

  @Override
  public String toString() {
    return "StormCustomerUpdater{" + client + "}";
  }

  /** Every neutral rule and every Storm limit, reported together, before any request. */
  private static int validate(String customerId, Customer c) {
    Violations v = new Violations();
    int id = -1;
    if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()
        || Long.parseLong(customerId) > Integer.MAX_VALUE) {
      v.add("customerId", "must be a Storm customer id: a whole number from 1 to 2147483647 without sign, "
          + "spaces or leading zeros", customerId);
    } else {
      id = Integer.parseInt(customerId);
    }
    List<Violation> neutral = c.violations();
    v.addAll(neutral);
    Violations storm = new Violations();
    storm.maxLength("firstName", c.firstName(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("lastName", c.lastName(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("email", c.email(), StormLimits.CUSTOMER_LONG_TEXT);
    storm.maxLength("phone", c.phone(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("mobilePhone", c.mobilePhone(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("externalCode", c.externalCode(), StormLimits.CUSTOMER_SHORT_TEXT);
    storm.maxLength("companyName", c.companyName(), StormLimits.COMPANY_NAME);
    c.companyName().filter(String::isBlank).ifPresent(name -> storm.add("companyName",
        "must not be empty: Storm requires every company to have a name (InvalidCompanyName)", name));
    for (Map.Entry<String, String> field : c.customFields().entrySet()) {
      storm.maxLength("customFields[" + field.getKey() + "].key", field.getKey(), StormLimits.ID_VALUE_CODE);
    }
    // A field the neutral rules already reject for its length is not reported twice.
    for (Violation sv : storm.list()) {
      boolean reported = neutral.stream().anyMatch(n -> n.field().equals(sv.field()) && n.rule().startsWith("at most"));
      if (!reported || !sv.rule().startsWith("at most")) {
        v.add(sv.field(), sv.rule(), sv.value());
      }
    }
    v.throwIfAny();
    return id;
  }
}
