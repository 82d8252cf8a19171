package dev.customersync.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerJsonTest {

  @Test
  void roundTripsEveryFieldAndKeepsUnsetFieldsUnset() {
    Customer c = Customer.builder().firstName("Ada").email("").newsletterSubscribed(false).active(true)
        .invoiceAddress(Address.builder().line1("Storgatan 1").countryCode("SE").build())
        .deliveryAddresses(List.of(Address.builder().city("Lund").build()))
        .putCustomFields("7", "VIP").languageTag("sv-SE").build();

    Customer back = CustomerJson.read(CustomerJson.write(c));

    assertThat(back).isEqualTo(c);
    assertThat(back.lastName()).isEmpty();
    assertThat(CustomerJson.write(c).has("lastName")).isFalse();
  }

  @Test
  void rejectsWrongTypesNamingTheField() throws Exception {
    ObjectMapper m = new ObjectMapper();

    assertThatThrownBy(() -> CustomerJson.read(m.readTree("{\"active\":\"yes\"}"))).hasMessageContaining("active");
    assertThatThrownBy(() -> CustomerJson.read(m.readTree("{\"firstName\":{}}"))).hasMessageContaining("firstName");
    assertThatThrownBy(() -> CustomerJson.read(m.readTree("[]"))).hasMessageContaining("JSON object");
  }
}
