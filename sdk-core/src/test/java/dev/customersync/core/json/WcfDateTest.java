package dev.customersync.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WcfDateTest {

  @Test
  void readsWcfDateWithPositiveOffsetKeepingTheInstant() {
    OffsetDateTime d = WcfDate.parse("/Date(1566656122000+0200)/");

    assertThat(d.toInstant()).isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
    assertThat(d.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void readsWcfDateWithNegativeOffsetAndHalfHours() {
    OffsetDateTime d = WcfDate.parse("/Date(1566656122000-0330)/");

    assertThat(d.toInstant()).isEqualTo(Instant.parse("2019-08-24T14:15:22Z"));
    assertThat(d.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
  }

  @Test
  void readsPre1970AndOffsetlessWcfDatesAsUtc() {
    assertThat(WcfDate.parse("/Date(-86400000)/")).isEqualTo(OffsetDateTime.parse("1969-12-31T00:00:00Z"));
    assertThat(WcfDate.parse("/Date(-2208988800000+0100)/").toInstant()).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
  }

  @Test
  void readsIsoWithAndWithoutOffset() {
    assertThat(WcfDate.parse("2022-07-22T00:00:00+02:00").toInstant()).isEqualTo(Instant.parse("2022-07-21T22:00:00Z"));
    assertThat(WcfDate.parse("2019-08-24T14:15:22Z")).isEqualTo(OffsetDateTime.parse("2019-08-24T14:15:22Z"));
    assertThat(WcfDate.parse("2019-08-24T14:15:22.1234567")).isEqualTo(OffsetDateTime.parse("2019-08-24T14:15:22.1234567Z"));
    assertThat(WcfDate.parse("2019-08-24")).isEqualTo(OffsetDateTime.parse("2019-08-24T00:00:00Z"));
  }

  @Test
  void writesWcfFormWithTheValuesOffset() {
    assertThat(WcfDate.format(OffsetDateTime.parse("2019-08-24T16:15:22+02:00"))).isEqualTo("/Date(1566656122000+0200)/");
    assertThat(WcfDate.format(OffsetDateTime.parse("2019-08-24T10:45:22-03:30"))).isEqualTo("/Date(1566656122000-0330)/");
    assertThat(WcfDate.format(OffsetDateTime.parse("1969-12-31T00:00:00Z"))).isEqualTo("/Date(-86400000+0000)/");
  }

  @Test
  void roundTripsBothWays() {
    OffsetDateTime d = OffsetDateTime.parse("1955-03-01T08:30:00.123-05:00");

    assertThat(WcfDate.parse(WcfDate.format(d))).isEqualTo(d);
  }

  @Test
  void rejectsTextThatIsNeitherForm() {
    assertThatThrownBy(() -> WcfDate.parse("yesterday")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
  }

  @Test
  void rejectsMalformedWcfForms() {
    for (String bad : new String[] {"/Date()/", "/Date(-)/", "/Date(12+02)/", "/Date(12+020)/", "/Date(12+02a0)/",
        "/Date(1x)/", "/Date(12*0200)/", "/Date(12+0200)", "Date(12)/", "/Date(12345678901234567890)/"}) {
      assertThat(WcfDate.isWcf(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> WcfDate.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rejectsOutOfRangeWcfOffsetNamingTheValueAndTheRule() {
    for (String bad : new String[] {"/Date(1700000000000+2500)/", "/Date(0-1900)/", "/Date(0+0160)/", "/Date(0+1801)/"}) {
      String offset = bad.substring(bad.length() - 7, bad.length() - 2);
      assertThatThrownBy(() -> WcfDate.parse(bad)).as(bad)
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("WCF date offset " + offset + " is out of range")
          .hasMessageContaining("hours 0-18, minutes 0-59")
          .hasNoCause();
      assertThat(WcfDate.isWcf(bad)).as(bad).isTrue();
    }
  }

  @Test
  void readsTheWidestWcfOffsets() {
    assertThat(WcfDate.parse("/Date(0+1800)/").getOffset()).isEqualTo(ZoneOffset.ofHours(18));
    assertThat(WcfDate.parse("/Date(0-1800)/").getOffset()).isEqualTo(ZoneOffset.ofHours(-18));
    assertThat(WcfDate.parse("/Date(0+1759)/").getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(17, 59));
  }

  @Test
  void mappersReportAnOutOfRangeWcfOffsetAsAMappingFailureWithTheRule() {
    assertThatThrownBy(() -> Json.newMapper().readValue("{\"At\":\"/Date(1700000000000+2500)/\"}", Dated.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
        .hasMessageContaining("WCF date offset +2500 is out of range (hours 0-18, minutes 0-59)")
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(java.time.DateTimeException.class);
          }
        });
  }

  @Test
  void readsWcfDateSurroundedByWhitespace() {
    assertThat(WcfDate.isWcf(" /Date(0)/ ")).isTrue();
    assertThat(WcfDate.parse(" /Date(0+0000)/\n")).isEqualTo(OffsetDateTime.parse("1970-01-01T00:00:00Z"));
  }

  @Test
  void writesSingleDigitOffsetsPadded() {
    assertThat(WcfDate.format(OffsetDateTime.parse("1970-01-01T01:05:00+01:05"))).isEqualTo("/Date(0+0105)/");
    assertThat(WcfDate.format(OffsetDateTime.parse("2000-01-01T00:00:00+14:00"))).isEqualTo("/Date(946634400000+1400)/");
  }

  static final class Dated {
    @JsonProperty("At") public OffsetDateTime at;
    @JsonProperty("Price") public BigDecimal price;
    @JsonProperty("Note") public String note;
  }

  @Test
  void mappersReadBothFormsAndWriteTheirOwn() throws Exception {
    ObjectMapper iso = Json.newMapper();
    ObjectMapper wcf = Json.newWcfMapper();

    Dated a = iso.readValue("{\"At\":\"/Date(1566656122000+0200)/\",\"Price\":19.90,\"Unknown\":1}", Dated.class);
    Dated b = wcf.readValue("{\"At\":\"2019-08-24T16:15:22+02:00\"}", Dated.class);

    assertThat(a.at).isEqualTo(b.at);
    assertThat(a.price).isEqualByComparingTo("19.90").isInstanceOf(BigDecimal.class);
    assertThat(a.price.scale()).isEqualTo(2);
    assertThat(iso.writeValueAsString(a)).isEqualTo("{\"At\":\"2019-08-24T16:15:22+02:00\",\"Price\":19.90}");
    assertThat(wcf.writeValueAsString(a)).isEqualTo("{\"At\":\"/Date(1566656122000+0200)/\",\"Price\":19.90}");
  }
}
