package dev.customersync.storm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.TransportException;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.Violations;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.JsonTreeDiff;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@link CustomerDirectory}: finds a customer by e-mail ({@code GetCustomerByEmail}) or by
 * external code ({@code GetCustomerByCode}, the neutral {@code externalCode}), and creates a
 * missing one with {@code CreateCustomer3?doSendMail=false}, so no registration mail goes out.
 *
 * <p><b>Find.</b> Storm answers one customer or {@code null} (an empty body is taken to mean the
 * same), so Storm itself never reports an ambiguity. The answer must carry the key asked for: its
 * {@code Email} equal after {@link MatchKey#normalize normalizing} (trimmed, lower-cased), its
 * {@code Code} equal after trimming. One that does not, or has no {@code Id}, is an {@link
 * UnexpectedCustomerException} and is never used. Whether Storm compares e-mails ignoring case is
 * not documented; the normalized (lower-case) value is what is sent.
 *
 * <p><b>Create.</b> Validated before any request: the neutral rules, Storm's lengths (as for an
 * update), and what Storm's admin UI requires of a new customer: {@code email}, {@code firstName}
 * and {@code lastName}. The body is the neutral customer merged, by the update's own mapping, into
 * an empty Storm {@code Customer} (every property named as Storm cases it, no {@code Id}); {@link
 * Customer#languageTag()} becomes the {@code cultureCode}, the client's {@link
 * StormClient#updatedBy()} the {@code createdBy}. The request is sent at most once: it is repeated
 * only when it provably never reached Storm (no connection, 429, 503 with {@code Retry-After}),
 * never after a 500, a timeout or a lost answer; then a {@link TransportException} says {@link
 * TransportException#mayHaveReachedVendor()} and the caller must {@link #find} before creating
 * again. Storm's refusals come as from an update, e.g. {@code CustomerAlreadyExists} as a {@link
 * VendorApiException} with a field error on {@code email}.
 *
 * <p>Thread-safe.
 */
public final class StormCustomerDirectory implements CustomerDirectory {

  private static final Set<MatchKey> KEYS = Set.copyOf(EnumSet.allOf(MatchKey.class));

  private final StormClient client;
  private final String accountFingerprint;
  private final StormCustomerStore defaultCultureStore;

  StormCustomerDirectory(StormClient client) {
    this.client = client;
    // The account is the Storm application behind the base URL; credentials only say who calls it.
    this.accountFingerprint = Redactor.fingerprint("storm-account", client.baseUrl().toString(),
        Integer.toString(client.applicationId()));
    this.defaultCultureStore = new StormCustomerStore(client, null);
  }

  @Override
  public String vendor() {
    return StormClient.VENDOR;
  }

  /**
   * {@return 16 hex characters of a SHA-256 over the base URL (with its API prefix) and the Storm
   * application id; no credential goes into it}
   */
  @Override
  public String accountFingerprint() {
    return accountFingerprint;
  }

  /** {@return both keys: {@link MatchKey#EMAIL} and {@link MatchKey#EXTERNAL_CODE} (Storm's {@code Code})} */
  @Override
  public Set<MatchKey> matchKeys() {
    return KEYS;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code GetCustomerByEmail} or {@code GetCustomerByCode} in the client's default culture.
   *
   * @throws UnexpectedCustomerException Storm answered a customer without {@code Id} or one that
   *     does not carry the key; its {@code requestedId} is empty (nothing was asked by id), and
   *     neither the message nor the exception holds the key's value
   * @throws IllegalArgumentException {@code key} or {@code value} is null, or {@code value} blank
   */
  @Override
  public Optional<String> find(MatchKey key, String value) {
    if (key == null) {
      throw new IllegalArgumentException("storm cannot match on a null key; it matches on " + KEYS);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("storm find by " + key.field() + " needs a value");
    }
    StormClient.LookupBy by = key == MatchKey.EMAIL ? StormClient.LookupBy.EMAIL : StormClient.LookupBy.CODE;
    // Sent as the customer holds it (trimmed): whether Storm's lookup ignores case is unconfirmed.
    VendorResponse response = client.getCustomerByResponse(by, value.strip(), null);
    if (response.bodyIsBlank()) {
      return Optional.empty();
    }
    JsonNode tree = tree(response, by.operation);
    if (tree.isNull()) {
      return Optional.empty();
    }
    String id = defaultCultureStore.idOf(tree);
    JsonNode held = tree.get(by.property);
    boolean carriesKey = held != null && held.isTextual() && key.normalize(held.textValue()).equals(key.normalize(value));
    if (id == null || !carriesKey) {
      throw new UnexpectedCustomerException(client.http().errorFor(response).message(
          id == null
              ? "Storm answered " + by.operation + " with a customer without Id; it was not used"
              : "Storm answered " + by.operation + " with customer " + id + ", whose " + by.property
                  + " is not the one asked for; it was not used"), "", id);
    }
    return Optional.of(id);
  }

  @Override
  public UpdateResult create(Customer customer) {
    Prepared p = prepare(customer);
    VendorResponse response = client.postCreateCustomer3(LosslessJson.write(p.body), client.updatedBy(), p.culture);
    JsonNode created = response.bodyIsBlank() ? null : tree(response, "CreateCustomer3");
    String id = created == null || created.isNull() ? null : p.store.idOf(created);
    if (id == null) {
      throw client.createdWithoutId(response);
    }
    JsonNode held = created;
    StormCustomerStore store = p.store;
    return UpdateResult.builder()
        .vendor(StormClient.VENDOR)
        .customerId(id)
        .written(true)
        .changes(p.changes)
        .warnings(p.warnings)
        .attempts(response.attempts())
        .customer(() -> store.toNeutral(held))
        .vendorResponse(() -> store.toVendorResponse(held))
        .build();
  }

  @Override
  public UpdatePlan planCreate(Customer customer) {
    Prepared p = prepare(customer);
    return UpdatePlan.builder()
        .vendor(StormClient.VENDOR)
        .customerId("")
        .changes(p.changes)
        .warnings(p.warnings)
        .attempts(0)
        .build();
  }

  @Override
  public String toString() {
    return "StormCustomerDirectory{" + client + "}";
  }

  /** Validates, then merges the customer into an empty Storm Customer: the create's body. */
  private Prepared prepare(Customer customer) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    String culture = customer.languageTag().filter(tag -> !tag.isBlank()).orElse(null);
    StormCustomerStore store = culture == null ? defaultCultureStore : new StormCustomerStore(client, culture);
    Violations violations = new Violations();
    violations.addAll(customer.violations());
    store.validate(customer, violations);
    required(violations, "email", customer.email());
    required(violations, "firstName", customer.firstName());
    required(violations, "lastName", customer.lastName());
    violations.throwIfAny();

    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    ObjectNode body = empty.deepCopy();
    // A new customer has no company to share, so a companyName creates one and renames nothing.
    List<String> warnings = StormCustomerMapper.merge(body, customer, false, client.newsletterFlagId().orElse(null));
    if (!warnings.isEmpty()) {
      VendorCall create = VendorCall.of(StormClient.VENDOR, "create-customer", "none", "none");
      VendorCallListener l = client.http().listenerFor(create);
      for (String w : warnings) {
        if (client.warnOnce.first(w)) {
          l.warning(create, w);
        }
      }
    }
    List<FieldChange> changes = JsonTreeDiff.changes(empty, body);
    return new Prepared(store, culture, body, changes, warnings);
  }

  private static void required(Violations violations, String field, Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      violations.add(field, "required: Storm creates a customer only with an e-mail, a first name and a last name",
          value.orElse(""));
    }
  }

  /** The answer as an exact tree: a fault inside the 2xx is thrown; anything but an object or null is unreadable. */
  private JsonNode tree(VendorResponse response, String call) {
    JsonNode tree;
    try {
      tree = LosslessJson.read(response.body());
    } catch (IOException e) {
      throw VendorJson.unreadable(client.http(), response, "Storm answered " + call + " with a body that is not JSON", e);
    }
    client.throwIfFault(response, tree);
    if (!tree.isObject() && !tree.isNull()) {
      throw client.http().errorFor(response)
          .message("Storm answered " + call + " with a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT)
              + " where a Customer or null belongs")
          .build();
    }
    return tree;
  }

  private record Prepared(StormCustomerStore store, @Nullable String culture, ObjectNode body,
      List<FieldChange> changes, List<String> warnings) {}
}
