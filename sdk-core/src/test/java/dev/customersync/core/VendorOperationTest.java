package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorOperationTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(textBlock = """
      get-customer,            GET,  READ
      update-customer,         PUT,  WRITE
      update-customer,         POST, WRITE
      update-customer-article, PUT,  WRITE
      token,                   POST, TOKEN
      find-customers,          GET,  FIND
      query-customers,         GET,  FIND
      get-customer-by-email,   GET,  FIND
      get-customer-by-code,    GET,  FIND
      search-customers,        POST, FIND
      list-customers,          GET,  LIST
      create-customer,         POST, CREATE
      add-customer,            POST, CREATE
      get,                     GET,  READ
      post,                    POST, WRITE
      frobnicate,              GET,  READ
      frobnicate,              POST, WRITE
      """)
  void sortsVendorModulesOperationNamesIntoCategories(String name, String method, VendorOperation expected) {
    assertThat(VendorOperation.categorize(name, method)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"READ, false", "FIND, false", "LIST, false", "TOKEN, false", "CREATE, true", "WRITE, true"})
  void onlyCreatesAndWritesChangeData(VendorOperation operation, boolean writes) {
    assertThat(operation.writes()).isEqualTo(writes);
  }
}
