package dev.customersync.core.sync;

import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A vendor in memory with a directory, for engine tests: customers by id, found by e-mail or
 * external code, created with ids from 1,000 up. Counts every call (finds, creates, reads, writes)
 * so a test can prove a run made none; scripts the faults a test needs.
 */
final class InMemoryVendor implements CustomerUpdater, CustomerDirectory {

  final String vendor;
  final Map<String, Customer> customers = new ConcurrentHashMap<>();
  final AtomicInteger finds = new AtomicInteger();
  final AtomicInteger creates = new AtomicInteger();
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger nextId = new AtomicInteger(1000);
  final List<String> callLog = java.util.Collections.synchronizedList(new ArrayList<>());
  Set<MatchKey> keys = EnumSet.allOf(MatchKey.class);
  /** The next create lands at the vendor but its answer is lost. */
  volatile boolean loseNextCreateAnswer;
  /** The next create fails with a lost answer without landing. */
  volatile boolean failNextCreateBeforeLanding;
  /** Every update fails with a 500. */
  volatile boolean failUpdates;

  InMemoryVendor(String vendor) {
    this.vendor = vendor;
  }

  InMemoryVendor seed(String id, Customer c) {
    customers.put(id, c);
    return this;
  }

  int calls() {
    return finds.get() + creates.get() + reads.get() + writes.get();
  }

  @Override
  public String vendor() {
    return vendor;
  }

  @Override
  public Optional<CustomerDirectory> directory() {
    return Optional.of(this);
  }

  @Override
  public String accountFingerprint() {
    return "acct-" + vendor;
  }

  @Override
  public Set<MatchKey> matchKeys() {
    return keys;
  }

  @Override
  public Optional<String> find(MatchKey key, String value) {
    finds.incrementAndGet();
    callLog.add("find " + key.field() + "=" + value);
    List<String> ids = customers.entrySet().stream()
        .filter(e -> key.valueIn(e.getValue()).filter(key.normalize(value)::equals).isPresent())
        .map(Map.Entry::getKey).sorted().toList();
    if (ids.size() > 1) {
      throw new AmbiguousMatchException(vendor, key, ids);
    }
    return ids.stream().findFirst();
  }

  @Override
  public UpdateResult create(Customer customer) {
    creates.incrementAndGet();
    callLog.add("create");
    if (failNextCreateBeforeLanding) {
      failNextCreateBeforeLanding = false;
      throw new TransportException("connection reset after the request was sent", new IOException("reset"), 1, true);
    }
    String id = Integer.toString(nextId.getAndIncrement());
    customers.put(id, customer);
    if (loseNextCreateAnswer) {
      loseNextCreateAnswer = false;
      throw new TransportException("connection reset after the request was sent", new IOException("reset"), 1, true);
    }
    return result(id, customer, true, List.of(FieldChange.of("all", null, "set")));
  }

  @Override
  public UpdatePlan planCreate(Customer customer) {
    return UpdatePlan.builder().vendor(vendor).customerId("").attempts(0)
        .addChanges(FieldChange.of("all", null, "set")).build();
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    reads.incrementAndGet();
    callLog.add("update " + customerId);
    Customer held = customers.get(customerId);
    if (held == null) {
      throw VendorApiException.builder().vendor(vendor).statusCode(404).message("no customer " + customerId)
          .attempts(1).buildNotFound();
    }
    if (failUpdates) {
      throw VendorApiException.builder().vendor(vendor).statusCode(500).message("boom").attempts(1).build();
    }
    Customer merged = merge(held, customer);
    boolean changed = !merged.equals(held);
    if (changed) {
      writes.incrementAndGet();
      customers.put(customerId, merged);
    }
    return result(customerId, merged, changed, changed ? List.of(FieldChange.of("any", "old", "new")) : List.of());
  }

  @Override
  public UpdatePlan plan(String customerId, Customer customer) {
    reads.incrementAndGet();
    Customer held = customers.get(customerId);
    if (held == null) {
      throw VendorApiException.builder().vendor(vendor).statusCode(404).message("no customer " + customerId)
          .attempts(1).buildNotFound();
    }
    boolean changed = !merge(held, customer).equals(held);
    return UpdatePlan.builder().vendor(vendor).customerId(customerId).attempts(1)
        .changes(changed ? List.of(FieldChange.of("any", "old", "new")) : List.of()).build();
  }

  private static Customer merge(Customer held, Customer change) {
    return held.toBuilder().from(change).build();
  }

  private UpdateResult result(String id, Customer c, boolean written, List<FieldChange> changes) {
    return UpdateResult.builder().vendor(vendor).customerId(id).customer(c).vendorResponse(c).attempts(1)
        .written(written).changes(changes).build();
  }
}
