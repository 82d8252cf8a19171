package dev.customersync.billbee;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.customersync.core.json.Json;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The Jackson setup for Billbee: the core mapper (reads ISO and WCF dates, ignores unknown
 * properties, BigDecimal) writing dates the way Billbee shows them, ISO 8601 with a numeric offset
 * ({@code 2022-07-22T00:00:00+00:00}) rather than Java's {@code Z}.
 */
final class BillbeeJson {

  static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .appendOffset("+HH:MM", "+00:00")
      .toFormatter();

  private BillbeeJson() {}

  static ObjectMapper newMapper() {
    ObjectMapper mapper = Json.newMapper();
    SimpleModule dates = new SimpleModule("billbee-dates");
    dates.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
      @Override
      public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(DATE_TIME.format(value));
      }
    });
    mapper.registerModule(dates);
    return mapper;
  }
}
