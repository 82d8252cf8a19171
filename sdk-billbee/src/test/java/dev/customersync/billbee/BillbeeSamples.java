package dev.customersync.billbee;

/** Real-shaped Billbee bodies, built from the fields of the API page and FACTS.md. */
final class BillbeeSamples {

  static final long ID = 100000150176895L;

  /** A CustomerApiModel with every property the page names set. */
  static final String CUSTOMER = """
      {
        "Id": 100000150176895,
        "Name": "Ada Lovelace",
        "Email": "ada@example.com",
        "Tel1": "+49 30 1234567",
        "Tel2": "+49 170 7654321",
        "Number": 4711,
        "PriceGroupId": 100000000012345,
        "LanguageId": 1,
        "VatId": "DE123456789",
        "Type": 0,
        "MetaData": [
          {"Id": 100000000000001, "TypeId": 1, "TypeName": "E-Mail", "SubType": "private", "Value": "ada@example.com"},
          {"Id": 100000000000002, "TypeId": 1, "TypeName": "E-Mail", "SubType": "commercial", "Value": "billing@example.com"},
          {"Id": 100000000000003, "TypeId": 2, "TypeName": "Telefon", "SubType": "landline", "Value": "+49 30 1234567"},
          {"Id": 100000000000004, "TypeId": 2, "TypeName": "Telefon", "SubType": "mobile", "Value": "+49 170 7654321"},
          {"Id": 100000000000005, "TypeId": 2, "TypeName": "Fax", "SubType": null, "Value": "+49 30 1234568"}
        ],
        "DefaultMailAddress": {"Id": 100000000000001, "TypeId": 1, "TypeName": "E-Mail", "SubType": "private", "Value": "ada@example.com"},
        "DefaultCommercialMailAddress": {"Id": 100000000000002, "TypeId": 1, "TypeName": "E-Mail", "SubType": "commercial", "Value": "billing@example.com"},
        "DefaultStatusUpdatesMailAddress": {"Id": 100000000000001, "TypeId": 1, "TypeName": "E-Mail", "SubType": "private", "Value": "ada@example.com"},
        "DefaultPhone1": {"Id": 100000000000003, "TypeId": 2, "TypeName": "Telefon", "SubType": "landline", "Value": "+49 30 1234567"},
        "DefaultPhone2": {"Id": 100000000000004, "TypeId": 2, "TypeName": "Telefon", "SubType": "mobile", "Value": "+49 170 7654321"},
        "DefaultFax": {"Id": 100000000000005, "TypeId": 2, "TypeName": "Fax", "SubType": null, "Value": "+49 30 1234568"},
        "ArchivedAt": null,
        "RestoredAt": "2022-07-22T00:00:00+00:00"
      }""";

  /** {@link #CUSTOMER} in a successful envelope. */
  static final String CUSTOMER_ENVELOPE =
      "{\"ErrorMessage\": null, \"ErrorCode\": 0, \"ErrorDescription\": 0, \"Data\": " + CUSTOMER + "}";

  private BillbeeSamples() {}

  static String envelope(String data) {
    return "{\"ErrorMessage\": null, \"ErrorCode\": 0, \"ErrorDescription\": 0, \"Data\": " + data + "}";
  }
}
