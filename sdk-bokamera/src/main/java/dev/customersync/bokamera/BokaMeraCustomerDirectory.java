package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.Violations;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.JsonTreeDiff;
import dev.customersync.core.spi.VendorJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * BokaMera's {@link CustomerDirectory}: finds customers by e-mail and creates missing ones. Handed
 * out by {@link BokaMeraClient#customerDirectory()} and by the updater's {@code directory()}.
 *
 * <ul>
 *   <li>{@link #find}: {@code GET /customers?Search=<e-mail>&Skip=…&Take=100} with the Include
 *       flags of the single read, page by page, keeping the customers whose {@code Email} equals
 *       the address after {@link MatchKey#EMAIL} normalization on both sides. BokaMera's {@code
 *       Search} is a free-text search of unconfirmed semantics, so the exact match is made here.
 *       The paging is read defensively (see the package documentation): it stops on an empty page,
 *       on {@code Total}, or on a short page when the answer has no {@code Total}, and fails when
 *       the host ignores {@code Skip} or after 1,000 pages. Only
 *       {@link MatchKey#EMAIL}: BokaMera customers have no number or external-code field.
 *   <li>{@link #create}: {@code POST /customers} ({@link CreateCustomer}) with the body the
 *       updater's mapping gives when merged into an empty customer: {@code Firstname}, {@code
 *       Lastname}, {@code Phone}, {@code Email}, {@code SubscribedToNewsletter}, {@code
 *       InvoiceAddress}, {@code CustomFields}, and {@code CompanyId} (body and query) when the
 *       client has a default company. Never {@code CustomerId} (undocumented) and never {@code
 *       AccessKeys}, so no access key is created as a side effect. Firstname, Lastname and Phone
 *       are required (BokaMera's older metadata marks them so); a customer without them fails with
 *       {@link CustomerValidationException} before anything is sent.
 *   <li>A create is sent once. The client's retry policy repeats it only when it provably never
 *       reached BokaMera: the connection could not be made, or BokaMera answered 429, or 503 with
 *       a {@code Retry-After} (the vendor turning it away unprocessed). A timeout, a reset once
 *       sending began or a 5xx is never retried; the failure says whether the request may have
 *       reached BokaMera, and then the caller must {@link #find} before creating again.
 * </ul>
 *
 * <p>Thread-safe: it holds only immutable configuration.
 */
public final class BokaMeraCustomerDirectory implements CustomerDirectory {

  private final BokaMeraCustomerStore store;
  private final ObjectMapper mapper;
  private final BokaMeraEmailSearch search;
  private final String accountFingerprint;
  private final dev.customersync.core.spi.WarnOnce warnOnce;

  BokaMeraCustomerDirectory(BokaMeraCustomerStore store, ObjectMapper mapper, String accountFingerprint, int maxPages,
      dev.customersync.core.spi.WarnOnce warnOnce) {
    this.warnOnce = warnOnce;
    this.store = store;
    this.mapper = mapper;
    this.search = new BokaMeraEmailSearch(store, maxPages);
    this.accountFingerprint = accountFingerprint;
  }

  @Override
  public String vendor() {
    return BokaMeraClient.VENDOR;
  }

  /**
   * {@return the first 16 hex digits of a SHA-256 over the vendor's name, the client's base URL,
   * its default company id (empty when none) and the login user's name (empty when the client was
   * given a token or token provider instead)} Never the API key, a token or a password. Without a
   * company id, two accounts on one host that log in alike share a fingerprint; set {@link
   * BokaMeraClient.Builder#companyId} to tell them apart.
   */
  @Override
  public String accountFingerprint() {
    return accountFingerprint;
  }

  /** {@return {@link MatchKey#EMAIL} only: BokaMera customers have no number or external code} */
  @Override
  public Set<MatchKey> matchKeys() {
    return Set.of(MatchKey.EMAIL);
  }

  /**
   * Finds the customer whose e-mail is {@code value}.
   *
   * @param key {@link MatchKey#EMAIL}
   * @param value the e-mail address, normalized (it is normalized again, which changes nothing)
   * @return the customer's GUID, lower-case, or empty when no customer has this e-mail
   * @throws AmbiguousMatchException several customers have it
   * @throws IllegalArgumentException {@code key} is not {@link MatchKey#EMAIL}, or {@code value} is blank
   * @throws VendorApiException BokaMera refused a page, or its paging cannot be trusted
   * @throws dev.customersync.core.TransportException no answer could be had
   */
  @Override
  public Optional<String> find(MatchKey key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (key != MatchKey.EMAIL) {
      throw new IllegalArgumentException(vendor() + " cannot find customers by " + key.field()
          + ": its customers have no such field; link by email or by id");
    }
    String email = value.strip();
    if (email.isEmpty()) {
      // A blank search would list every customer, and match the ones without an e-mail.
      throw new IllegalArgumentException(vendor() + " cannot find a customer by a blank email");
    }
    List<String> ids = search.idsWithEmail(email);
    if (ids.size() > 1) {
      throw new AmbiguousMatchException(vendor(), key, ids);
    }
    return ids.stream().findFirst();
  }

  /**
   * Creates the customer with {@code POST /customers}, sent at most once (see the class
   * documentation).
   *
   * @param customer the neutral customer; firstName, lastName and phone are required
   * @return the result: the new GUID, {@code written()} true, every property sent as a change from
   *     absent, and the customer as BokaMera answered it ({@code vendorResponse()} is an {@link
   *     UpdateCustomerResponse})
   * @throws CustomerValidationException the customer breaks a rule or lacks a required field;
   *     nothing was sent
   * @throws VendorApiException BokaMera refused, or answered without the new customer's id
   * @throws dev.customersync.core.TransportException no answer could be had; see {@link
   *     dev.customersync.core.TransportException#mayHaveReachedVendor()}
   */
  @Override
  public UpdateResult create(Customer customer) {
    Prepared p = prepare(customer);
    CustomerTree created = store.create(LosslessJson.write(p.body), store.companyId());
    UUID id = store.createdId(created);
    JsonNode held = created.customer();
    return UpdateResult.builder()
        .vendor(vendor())
        .customerId(id.toString())
        .written(true)
        .changes(p.changes)
        .warnings(p.warnings)
        .attempts(created.attempts())
        .customer(() -> store.toNeutral(held))
        .vendorResponse(() -> toVendorResponse(held))
        .build();
  }

  /**
   * What {@link #create} would send, without sending anything.
   *
   * @param customer the neutral customer
   * @return the plan: every property the create would send, customer id {@code ""}
   * @throws CustomerValidationException as {@link #create} would
   */
  @Override
  public UpdatePlan planCreate(Customer customer) {
    Prepared p = prepare(customer);
    return UpdatePlan.builder()
        .vendor(vendor())
        .customerId("")
        .changes(p.changes)
        .warnings(p.warnings)
        .attempts(0)
        .build();
  }

  /** The base URL and company; never a credential. */
  @Override
  public String toString() {
    return "BokaMeraCustomerDirectory{" + store + "}";
  }

  private Prepared prepare(Customer customer) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    Violations violations = new Violations();
    violations.addAll(customer.violations());
    store.validate(customer, violations);
    required(violations, "firstName", customer.firstName());
    required(violations, "lastName", customer.lastName());
    required(violations, "phone", customer.phone());
    violations.throwIfAny();

    // The updater's own mapping, merged into a customer that holds nothing yet.
    ObjectNode base = BokaMeraCustomerMapper.project(LosslessJson.mapper().createObjectNode(), store.companyId());
    ObjectNode body = base.deepCopy();
    List<String> warnings = BokaMeraCustomerMapper.merge(body, customer);
    if (!warnings.isEmpty()) {
      VendorCall create = VendorCall.of(vendor(), "create-customer", "none", "none");
      VendorCallListener l = store.http().listenerFor(create);
      for (String w : warnings) {
        if (warnOnce.first(w)) {
          l.warning(create, w);
        }
      }
    }
    // Empty parts to diff against, so a new invoice address is listed field by field.
    ObjectNode before = base.deepCopy();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!before.has(e.getKey()) && e.getValue().isObject()) {
        before.putObject(e.getKey());
      } else if (!before.has(e.getKey()) && e.getValue().isArray()) {
        before.putArray(e.getKey());
      }
    }
    List<FieldChange> changes = JsonTreeDiff.changes(before, body);
    return new Prepared(body, changes, warnings);
  }

  private static void required(Violations violations, String field, Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      violations.add(field, "is required to create a BokaMera customer", value.orElse(null));
    }
  }

  private UpdateCustomerResponse toVendorResponse(JsonNode created) {
    try {
      return mapper.treeToValue(created, UpdateCustomerResponse.class);
    } catch (IOException | IllegalArgumentException e) {
      throw VendorApiException.builder().vendor(BokaMeraClient.VENDOR).redactor(store.http()::redact)
          .message(store.http().redact("BokaMera's new customer is not a readable UpdateCustomerResponse: "
              + VendorJson.reason(e)))
          .build();
    }
  }

  private record Prepared(ObjectNode body, List<FieldChange> changes, List<String> warnings) {}
}
