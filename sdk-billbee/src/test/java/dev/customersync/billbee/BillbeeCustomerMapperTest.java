package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mirroring of e-mail and phones into Billbee's copies of one contact record. */
class BillbeeCustomerMapperTest {

  private final BillbeeCustomerMapper mapper = new BillbeeCustomerMapper(Map.of());

  private static BillbeeCustomerMetaData entry(Long id, String value) {
    return BillbeeCustomerMetaData.builder().id(id).typeId(2L).value(value).build();
  }

  @Test
  void aDefaultEntryWithoutIdGetsTheValueAndNoOtherEntryChanges() {
    BillbeeCustomer current = BillbeeCustomer.builder().id(1L).name("Ada")
        .defaultPhone1(entry(null, "+49 1"))
        .metaData(Arrays.asList(entry(7L, "+49 1")))
        .build();

    BillbeeCustomer merged = mapper.merge(current, Customer.builder().phone("+49 2").build()).customer();

    assertThat(merged.tel1()).isEqualTo("+49 2");
    assertThat(merged.defaultPhone1().value()).isEqualTo("+49 2");
    assertThat(merged.defaultPhone1().id()).isNull();
    assertThat(merged.metaData()).isEqualTo(current.metaData());
  }

  @Test
  void whenPhoneAndMobileShareOneRecordTheMobileWinsInEveryCopy() {
    BillbeeCustomerMetaData shared = entry(9L, "+49 old");
    BillbeeCustomer current = BillbeeCustomer.builder().id(1L).name("Ada")
        .defaultPhone1(shared).defaultPhone2(shared).defaultFax(entry(10L, "+49 fax"))
        .metaData(Arrays.asList(shared, entry(10L, "+49 fax")))
        .build();

    BillbeeCustomer merged = mapper.merge(current, Customer.builder().phone("+49 1").mobilePhone("+49 2").build())
        .customer();

    assertThat(merged.defaultPhone1().value()).isEqualTo("+49 2");
    assertThat(merged.defaultPhone2().value()).isEqualTo("+49 2");
    assertThat(merged.metaData().get(0).value()).isEqualTo("+49 2");
    assertThat(merged.defaultFax().value()).isEqualTo("+49 fax");
    assertThat(merged.metaData().get(1).value()).isEqualTo("+49 fax");
    assertThat(merged.tel1()).isEqualTo("+49 1");
  }
}
