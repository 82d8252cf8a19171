package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code ErrorCode} of Billbee's {@link ApiResult} envelope: 0 means no error; the names of 1–18
 * are those of {@code ApiResult.ErrorCodeEnum} in Billbee's official C# SDK
 * (billbeeio/billbee-csharp-sdk, {@code Billbee.Api.Client/Model/ApiResult.cs}). Billbee's newer
 * swagger lists numbers up to 28 without names; any number without a name here is kept as it came
 * and named {@code Unknown(n)}, so an answer is never lost for want of a name.
 *
 * @param value the number Billbee sends
 */
public record BillbeeErrorCode(@JsonValue int value) {

  private static final List<String> NAMES = List.of(
      "NoError", "ApiNotActivated", "OrderNotFound", "InvoiceNotCreated", "CantCreateInvoice",
      "OrderCanceled", "OrderDeleted", "OrderNotPaid", "InternalError", "OrderExists", "WrongShopId",
      "InvalidData", "CreateUser_DuplicateEmail", "CreateUser_InvalidEmail", "CreateUser_UserRejected",
      "CreateUser_TermsNotAccepted", "NoPaidAccount", "APIServiceNotBooked", "CantCreateDeliveryNote");

  /** 0, {@code NoError}: the call succeeded. */
  public static final BillbeeErrorCode NO_ERROR = new BillbeeErrorCode(0);
  /** 1, {@code ApiNotActivated}: API access is not activated for the account. */
  public static final BillbeeErrorCode API_NOT_ACTIVATED = new BillbeeErrorCode(1);
  /** 2, {@code OrderNotFound}: the order does not exist. */
  public static final BillbeeErrorCode ORDER_NOT_FOUND = new BillbeeErrorCode(2);
  /** 3, {@code InvoiceNotCreated}: the order has no invoice yet. */
  public static final BillbeeErrorCode INVOICE_NOT_CREATED = new BillbeeErrorCode(3);
  /** 4, {@code CantCreateInvoice}: Billbee could not create the invoice. */
  public static final BillbeeErrorCode CANT_CREATE_INVOICE = new BillbeeErrorCode(4);
  /** 5, {@code OrderCanceled}: the order is canceled. */
  public static final BillbeeErrorCode ORDER_CANCELED = new BillbeeErrorCode(5);
  /** 6, {@code OrderDeleted}: the order is deleted. */
  public static final BillbeeErrorCode ORDER_DELETED = new BillbeeErrorCode(6);
  /** 7, {@code OrderNotPaid}: the order is not paid. */
  public static final BillbeeErrorCode ORDER_NOT_PAID = new BillbeeErrorCode(7);
  /** 8, {@code InternalError}: an error inside Billbee. */
  public static final BillbeeErrorCode INTERNAL_ERROR = new BillbeeErrorCode(8);
  /** 9, {@code OrderExists}: the order already exists. */
  public static final BillbeeErrorCode ORDER_EXISTS = new BillbeeErrorCode(9);
  /** 10, {@code WrongShopId}: the shop id is not the account's. */
  public static final BillbeeErrorCode WRONG_SHOP_ID = new BillbeeErrorCode(10);
  /** 11, {@code InvalidData}: the request's data was rejected. */
  public static final BillbeeErrorCode INVALID_DATA = new BillbeeErrorCode(11);
  /** 12, {@code CreateUser_DuplicateEmail}: the e-mail address is already registered. */
  public static final BillbeeErrorCode CREATE_USER_DUPLICATE_EMAIL = new BillbeeErrorCode(12);
  /** 13, {@code CreateUser_InvalidEmail}: the e-mail address is not valid. */
  public static final BillbeeErrorCode CREATE_USER_INVALID_EMAIL = new BillbeeErrorCode(13);
  /** 14, {@code CreateUser_UserRejected}: Billbee rejected the new user. */
  public static final BillbeeErrorCode CREATE_USER_USER_REJECTED = new BillbeeErrorCode(14);
  /** 15, {@code CreateUser_TermsNotAccepted}: the terms were not accepted. */
  public static final BillbeeErrorCode CREATE_USER_TERMS_NOT_ACCEPTED = new BillbeeErrorCode(15);
  /** 16, {@code NoPaidAccount}: the account is not a paid one. */
  public static final BillbeeErrorCode NO_PAID_ACCOUNT = new BillbeeErrorCode(16);
  /** 17, {@code APIServiceNotBooked}: the API service is not booked. */
  public static final BillbeeErrorCode API_SERVICE_NOT_BOOKED = new BillbeeErrorCode(17);
  /** 18, {@code CantCreateDeliveryNote}: Billbee could not create the delivery note. */
  public static final BillbeeErrorCode CANT_CREATE_DELIVERY_NOTE = new BillbeeErrorCode(18);

  /**
   * Returns the code for a number, named or not.
   *
   * @param value the number Billbee sends in {@code ErrorCode}
   * @return the code for {@code value}
   */
  public static BillbeeErrorCode of(int value) {
    return new BillbeeErrorCode(value);
  }

  /**
   * Reads the wire value leniently: a number, a number in a string, or one of the names above (a
   * serializer configured to write enum names would send those). Anything else reads as null
   * rather than failing the whole answer, which would hide the error it carries.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static BillbeeErrorCode fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.canConvertToInt() && node.isIntegralNumber()) {
      return of(node.intValue());
    }
    if (node.isTextual()) {
      String text = node.textValue().trim();
      if (text.matches("-?\\d{1,9}")) {
        return of(Integer.parseInt(text));
      }
      for (int i = 0; i < NAMES.size(); i++) {
        if (NAMES.get(i).equalsIgnoreCase(text)) {
          return of(i);
        }
      }
    }
    return null;
  }

  /** {@return whether this code means success, i.e. is 0} */
  public boolean isNoError() {
    return value == 0;
  }

  /** {@return whether this number has a name in Billbee's published SDK} */
  public boolean isKnown() {
    return value >= 0 && value < NAMES.size();
  }

  /** {@return the C# SDK's name, e.g. {@code InvalidData}, or {@code Unknown(23)} for a number without one} */
  public String name() {
    return isKnown() ? NAMES.get(value) : "Unknown(" + value + ")";
  }

  @Override
  public String toString() {
    return isKnown() ? name() + "(" + value + ")" : name();
  }
}
