package dev.customersync.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LosslessJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Created\":\"2022-07-16T09:56:01.903\",\"Updated\":\"/Date(1700000000000)/\",\"At\":\"/Date(1700000000000+0100)/\"}",
      "{\"Price\":1.50,\"Zero\":0.0,\"Big\":12345678901234567890123,\"Neg\":-0.10,\"Exp\":1E+15,\"Small\":1E-7}",
      "{\"Unknown\":{\"Deep\":[null,[],{},\"\",true,false]},\"Empty\":[],\"Null\":null}",
      "{\"Text\":\"line\\nbreak åäö 😀 \\\"quoted\\\"\"}"})
  void writesBackExactlyWhatItRead(String json) throws Exception {
    assertThat(new String(LosslessJson.write(LosslessJson.read(json)), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(json);
  }

  @Test
  void keepsDecimalScaleAndPropertyOrder() throws Exception {
    assertThat(LosslessJson.text(LosslessJson.read("{\"b\":1.50,\"a\":10.000,\"c\":100}")))
        .isEqualTo("{\"b\":1.50,\"a\":10.000,\"c\":100}");
  }

  @Test
  void keepsDateStringsCharacterForCharacter() throws Exception {
    String dates = "{\"a\":\"2022-07-16T09:56:01.903\",\"b\":\"/Date(1700000000000-0500)/\",\"c\":\"2022-07-16T09:56:01Z\"}";
    assertThat(LosslessJson.text(LosslessJson.read(dates))).isEqualTo(dates);
  }
}
