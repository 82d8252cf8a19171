package dev.customersync.core;

import java.util.Locale;

/**
 * What a failed vendor call was doing, coarse enough to decide on: whether the read or the write of
 * an update failed, whether a lookup or a create did, or whether the token endpoint did. {@link
 * CustomerSyncException#operation()} carries it.
 */
public enum VendorOperation {

  /** Reading one customer by its id (the first half of an update). */
  READ,
  /** Looking customers up by a match key such as the e-mail address. */
  FIND,
  /** Reading a page of customers. */
  LIST,
  /** Creating a customer. */
  CREATE,
  /** Changing a customer that exists (the second half of an update). */
  WRITE,
  /** Getting an access token from the vendor's token endpoint. */
  TOKEN;

  /**
   * {@return true for the operations that change data at the vendor, {@link #CREATE} and {@link
   * #WRITE}} Only their failures can leave a change behind.
   */
  public boolean writes() {
    return this == CREATE || this == WRITE;
  }

  /**
   * Sorts a vendor module's operation name into its category. Names are verb first ({@code
   * get-customer}, {@code update-customer}, {@code query-customers}, {@code token}); a read by a
   * key other than the id ({@code get-customer-by-email}) is a find. A name with an unknown verb
   * falls back on the HTTP method: GET reads, anything else writes, the reading of a failure that
   * can only err on the careful side.
   *
   * @param name the operation's name, as a {@code VendorRequest} carries it
   * @param method the HTTP method, e.g. {@code GET}
   * @return the category
   */
  public static VendorOperation categorize(String name, String method) {
    String verb = name.toLowerCase(Locale.ROOT);
    boolean byKey = verb.contains("-by-");
    int dash = verb.indexOf('-');
    if (dash >= 0) {
      verb = verb.substring(0, dash);
    }
    switch (verb) {
      case "token":
        return TOKEN;
      case "get":
      case "read":
      case "fetch":
        return byKey ? FIND : READ;
      case "find":
      case "search":
      case "query":
      case "lookup":
        return FIND;
      case "list":
        return LIST;
      case "create":
      case "add":
      case "insert":
        return CREATE;
      case "update":
      case "put":
      case "patch":
      case "set":
      case "write":
      case "delete":
        return WRITE;
      default:
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("GET") || m.equals("HEAD") ? READ : WRITE;
    }
  }
}
