package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AddressTest {

  private static final Address HOME = Address.builder().careOf("Byron family").line1("Storgatan 1").line2("Lgh 1102")
      .postalCode("111 22").city("Stockholm").region("Stockholms län").countryCode("SE").build();

  @Test
  void toStringKeepsFieldNamesButMasksEveryAddressValue() {
    String text = HOME.toString();

    assertThat(text).contains("careOf=", "line1=", "line2=", "postalCode=", "city=", "region=", "countryCode=SE");
    assertThat(text).doesNotContain("Byron", "Storgatan", "Lgh", "1102", "111 22", "Stockholm");
  }

  @Test
  void toStringLeavesOutUnsetFieldsAndShowsAClearedOneEmpty() {
    String text = Address.builder().line1("").city("Lund").build().toString();

    assertThat(text).isEqualTo("Address{line1=, city=****}");
  }

  // A new attribute must be added to the hand-written toString too, masked if it is personal.
  @Test
  void toStringNamesEveryAttribute() {
    String text = HOME.toString();

    Arrays.stream(Address.class.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
        .map(Method::getName)
        .forEach(name -> assertThat(text).as(name).contains(name + "="));
  }
}
