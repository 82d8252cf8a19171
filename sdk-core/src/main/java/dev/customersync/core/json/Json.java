package dev.customersync.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The one Jackson configuration every vendor module starts from: unknown response properties are
 * ignored (vendors add fields), {@code java.time} is supported, JSON decimals become {@code
 * BigDecimal} (money is never a {@code double}), and null properties are left out of requests.
 * {@code OffsetDateTime} is read from ISO 8601 and from the WCF {@code /Date(…)/} form; it is
 * written as ISO 8601 unless {@link #newWcfMapper()} is used.
 *
 * <p>Build a mapper once per client and share it: {@code ObjectMapper} is thread-safe once
 * configured and expensive to create.
 */
public final class Json {

  private Json() {}

  /** {@return a mapper that writes dates as ISO 8601 with offset} */
  public static ObjectMapper newMapper() {
    return base().addModule(datesModule(false)).build();
  }

  /** {@return a mapper that writes dates in the WCF form {@code /Date(ms±hhmm)/}} */
  public static ObjectMapper newWcfMapper() {
    return base().addModule(datesModule(true)).build();
  }

  private static JsonMapper.Builder base() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }

  private static SimpleModule datesModule(boolean writeWcf) {
    SimpleModule m = new SimpleModule("customer-sync-dates");
    m.addDeserializer(OffsetDateTime.class, new FlexibleDateDeserializer());
    if (writeWcf) {
      m.addSerializer(OffsetDateTime.class, new WcfDateSerializer());
    }
    return m;
  }

  /** Reads ISO 8601 or WCF dates; an empty string reads as null. */
  static final class FlexibleDateDeserializer extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return java.time.Instant.ofEpochMilli(p.getLongValue()).atOffset(java.time.ZoneOffset.UTC);
      }
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return WcfDate.parse(text);
      } catch (IllegalArgumentException e) {
        return (OffsetDateTime) ctx.handleWeirdStringValue(OffsetDateTime.class, text, e.getMessage());
      }
    }
  }

  /** Writes {@code /Date(ms±hhmm)/}. */
  static final class WcfDateSerializer extends JsonSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(WcfDate.format(value));
    }
  }
}
