package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.FieldChange;
import dev.customersync.core.json.LosslessJson;
import org.junit.jupiter.api.Test;

class JsonTreeDiffTest {

  private static JsonNode json(String s) throws Exception {
    return LosslessJson.read(s);
  }

  @Test
  void equalTreesHaveNoChanges() throws Exception {
    assertThat(JsonTreeDiff.changes(json("{\"a\":[1,{\"b\":null}]}"), json("{\"a\":[1,{\"b\":null}]}"))).isEmpty();
  }

  @Test
  void namesNestedPropertiesAndArrayElementsByPath() throws Exception {
    assertThat(JsonTreeDiff.changes(
        json("{\"Companies\":[{\"Id\":1,\"Name\":\"A\"}],\"Tel1\":\"1\"}"),
        json("{\"Companies\":[{\"Id\":1,\"Name\":\"B\"}],\"Tel1\":\"2\"}")))
        .containsExactly(FieldChange.of("Companies[0].Name", "\"A\"", "\"B\""), FieldChange.of("Tel1", "\"1\"", "\"2\""));
  }

  @Test
  void addedAndRemovedPropertiesAndElementsHaveOneAbsentSide() throws Exception {
    assertThat(JsonTreeDiff.changes(json("{\"a\":1,\"l\":[1]}"), json("{\"l\":[1,2],\"b\":true}")))
        .containsExactly(FieldChange.of("l[1]", null, "2"), FieldChange.of("b", null, "true"), FieldChange.of("a", "1", null));
  }

  @Test
  void aDecimalWithAnotherScaleIsAChangeAsItWouldBeOnTheWire() throws Exception {
    assertThat(JsonTreeDiff.changes(json("{\"x\":1.50}"), json("{\"x\":1.5}")))
        .containsExactly(FieldChange.of("x", "1.50", "1.5"));
  }
}
