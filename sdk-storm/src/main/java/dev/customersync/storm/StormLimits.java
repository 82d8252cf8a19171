package dev.customersync.storm;

import dev.customersync.core.Violation;
import dev.customersync.core.Violations;
import java.util.List;

/**
 * Storm's documented maximum lengths (FACTS.md, Storm section; the UpdateCustomer page), checked
 * on a {@link StormCustomer} before it is sent, so that Storm never truncates or rejects a value
 * after a request has been made. Violations name the Storm property path, e.g. {@code FirstName}
 * or {@code Companies[0].Name}, with the limit and the actual length. Lengths are UTF-16 code
 * units, as Storm (.NET on SQL Server) counts them: an emoji takes two.
 */
public final class StormLimits {

  /** Customer {@code Code}, {@code SSN}, {@code FirstName}, {@code LastName}, {@code Phone}, {@code CellPhone}, {@code CrmId}. */
  public static final int CUSTOMER_SHORT_TEXT = 50;
  /** Customer {@code Email} and {@code ReferUrl}. */
  public static final int CUSTOMER_LONG_TEXT = 255;
  /** Account {@code LoginName}. */
  public static final int ACCOUNT_LOGIN_NAME = 255;
  /** Account {@code Name}. */
  public static final int ACCOUNT_NAME = 100;
  /** Company {@code Code}. */
  public static final int COMPANY_CODE = 50;
  /** Company {@code Name}. */
  public static final int COMPANY_NAME = 100;
  /** IdValue {@code Code}. */
  public static final int ID_VALUE_CODE = 255;

  private StormLimits() {}

  /**
   * Checks a customer against Storm's maximum lengths.
   *
   * @param customer the customer about to be sent
   * @return every limit {@code customer} breaks, in property order; empty when it fits
   */
  public static List<Violation> violationsOf(StormCustomer customer) {
    Violations v = new Violations();
    v.maxLength("Code", customer.code(), CUSTOMER_SHORT_TEXT);
    v.maxLength("Email", customer.email(), CUSTOMER_LONG_TEXT);
    v.maxLength("SSN", customer.ssn(), CUSTOMER_SHORT_TEXT);
    v.maxLength("FirstName", customer.firstName(), CUSTOMER_SHORT_TEXT);
    v.maxLength("LastName", customer.lastName(), CUSTOMER_SHORT_TEXT);
    v.maxLength("Phone", customer.phone(), CUSTOMER_SHORT_TEXT);
    v.maxLength("CellPhone", customer.cellPhone(), CUSTOMER_SHORT_TEXT);
    v.maxLength("ReferUrl", customer.referUrl(), CUSTOMER_LONG_TEXT);
    Account account = customer.account();
    if (account != null) {
      v.maxLength("Account.LoginName", account.loginName(), ACCOUNT_LOGIN_NAME);
      v.maxLength("Account.Name", account.name(), ACCOUNT_NAME);
      idValues(v, "Account.Authorizations", account.authorizations());
    }
    List<Company> companies = customer.companies();
    if (companies != null) {
      for (int i = 0; i < companies.size(); i++) {
        Company c = companies.get(i);
        // Paths are only spelled out for a value that may be too long: this runs on every write.
        if (!fits(c.code(), COMPANY_CODE)) {
          v.maxLength("Companies[" + i + "].Code", c.code(), COMPANY_CODE);
        }
        if (!fits(c.name(), COMPANY_NAME)) {
          v.maxLength("Companies[" + i + "].Name", c.name(), COMPANY_NAME);
        }
        if (c.info() != null && !c.info().isEmpty()) {
          idValues(v, "Companies[" + i + "].Info", c.info());
        }
      }
    }
    idValues(v, "Info", customer.info());
    v.maxLength("CrmId", customer.crmId(), CUSTOMER_SHORT_TEXT);
    return v.list();
  }

  private static void idValues(Violations v, String path, List<IdValue> values) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!fits(values.get(i).code(), ID_VALUE_CODE)) {
        v.maxLength(path + "[" + i + "].Code", values.get(i).code(), ID_VALUE_CODE);
      }
    }
  }

  /** True when {@code value} is within {@code max} UTF-16 code units. */
  private static boolean fits(String value, int max) {
    return value == null || value.length() <= max;
  }
}
