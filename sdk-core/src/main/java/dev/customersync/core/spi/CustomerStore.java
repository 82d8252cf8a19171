package dev.customersync.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.Violations;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor module supplies to {@link ReadMergeWriteUpdater}: how to read one customer, how to
 * merge a neutral change into the body its write sends, how to write, and how to name ids. The
 * sequence (validate, read, check the id, merge, compare, write or not) lives once, in the
 * updater; a store holds only the vendor's knowledge.
 *
 * <p>Implementations are thread-safe and never modify the trees they are given except the body
 * {@link #merge} edits.
 *
 * @param <I> the vendor's id type (a number, a GUID)
 */
public interface CustomerStore<I> {

  /** {@return the vendor's short name} */
  String vendor();

  /**
   * {@return the client the store sends through; its {@code errorFor} describes unexpected answers}
   */
  VendorHttpClient http();

  /**
   * {@return the caller's id in the vendor's type, or null when it is not one} Before answering
   * null, adds a violation naming {@code customerId} and the rule.
   *
   * @param customerId the id as the caller gave it
   * @param violations where a malformed id is recorded
   */
  @Nullable I parseId(String customerId, Violations violations);

  /**
   * {@return the id as the vendor writes it, the form {@link #idOf} returns}
   *
   * @param id a parsed id
   */
  String idText(I id);

  /**
   * Adds vendor-specific violations of {@code change} (lengths, forms) beyond the neutral model's
   * own.
   *
   * @param change the neutral customer to write
   * @param violations where they are recorded
   */
  default void validate(Customer change, Violations violations) {}

  /**
   * Reads the customer. Throws the vendor's not-found or other failure as usual; an answer that
   * names another customer or none is returned as it is, for the updater to refuse.
   *
   * @param id the customer to read
   * @return the vendor's answer, exact
   */
  CustomerTree read(I id);

  /**
   * {@return the id the read customer carries, in {@link #idText} form, or null when it carries
   * none}
   *
   * @param customer the customer as read
   */
  @Nullable String idOf(JsonNode customer);

  /**
   * Throws when the customer read must not be written at all (Billbee's archived customers).
   *
   * @param id the customer's id
   * @param read the customer as read
   */
  default void checkWritable(I id, CustomerTree read) {}

  /**
   * {@return the body the write would send if nothing changed} That is a deep copy of the customer
   * read, or, for a vendor whose write takes another shape, the read projected onto it with every
   * value as read.
   *
   * @param read the customer as read
   */
  ObjectNode writeBody(CustomerTree read);

  /**
   * Applies {@code change} to {@code body} in place, touching only what the change sets (use
   * {@link JsonEdits}), and returns what could not be applied, in words.
   *
   * @param body the write's body, edited in place
   * @param read the customer as read, unchanged
   * @param change the neutral fields to apply
   * @return warnings for neutral fields this vendor cannot hold
   */
  List<String> merge(ObjectNode body, CustomerTree read, Customer change);

  /**
   * Sends {@code body}.
   *
   * @param id the customer's id
   * @param body the merged body
   * @param read the customer as read
   * @return the vendor's answer, or the body when the vendor answers without one
   */
  CustomerTree write(I id, ObjectNode body, CustomerTree read);

  /**
   * {@return the customer in neutral terms (only what the vendor holds is set)}
   *
   * @param customer the vendor's customer
   */
  Customer toNeutral(JsonNode customer);

  /**
   * {@return the customer bound to the vendor module's DTO, for {@code
   * UpdateResult.vendorResponse()}}
   *
   * @param customer the vendor's customer
   */
  Object toVendorResponse(JsonNode customer);
}
