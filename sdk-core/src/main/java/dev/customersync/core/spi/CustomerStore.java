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
   * The caller's id in the vendor's type, or null after adding a violation naming {@code
   * customerId} and the rule when it is not one.
   */
  @Nullable I parseId(String customerId, Violations violations);

  /** The id as the vendor writes it, the form {@link #idOf} returns. */
  String idText(I id);

  /** Adds vendor-specific violations of {@code change} (lengths, forms) beyond the neutral model's own. */
  default void validate(Customer change, Violations violations) {}

  /**
   * Reads the customer. Throws the vendor's not-found or other failure as usual; an answer that
   * names another customer or none is returned as it is, for the updater to refuse.
   */
  CustomerTree read(I id);

  /** The id the read customer carries, in {@link #idText} form, or null when it carries none. */
  @Nullable String idOf(JsonNode customer);

  /** Throws when the customer read must not be written at all (Billbee's archived customers). */
  default void checkWritable(I id, CustomerTree read) {}

  /**
   * The body the write would send if nothing changed: a deep copy of the customer read, or, for a
   * vendor whose write takes another shape, the read projected onto it with every value as read.
   */
  ObjectNode writeBody(CustomerTree read);

  /**
   * Applies {@code change} to {@code body} in place, touching only what the change sets (use
   * {@link JsonEdits}), and returns what could not be applied, in words.
   */
  List<String> merge(ObjectNode body, CustomerTree read, Customer change);

  /** Sends {@code body} and returns the vendor's answer (or the body, when the vendor answers without one). */
  CustomerTree write(I id, ObjectNode body, CustomerTree read);

  /** The customer in neutral terms (only what the vendor holds is set). */
  Customer toNeutral(JsonNode customer);

  /** The customer bound to the vendor module's DTO, for {@code UpdateResult.vendorResponse()}. */
  Object toVendorResponse(JsonNode customer);
}
