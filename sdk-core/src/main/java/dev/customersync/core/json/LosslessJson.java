package dev.customersync.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads vendor JSON into a tree that writes back as it was read: every property, known or not, in
 * its order; strings (dates included) character for character; decimals with their scale ({@code
 * 1.50} stays {@code 1.50}, never {@code 1.5} or a {@code double}); integers of any size. The
 * read-merge-write updaters edit such a tree instead of re-serializing a DTO, so what they do not
 * change goes back untouched.
 *
 * <p>One limit: a number in exponent form keeps its value and precision but is written in Java's
 * spelling ({@code 1e3} becomes {@code 1E+3}); the .NET serializers these vendors use write
 * exponents that way already.
 */
public final class LosslessJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .disable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      // An emoji read as four UTF-8 bytes goes back as those bytes, not as two escaped surrogates.
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();

  private LosslessJson() {}

  /**
   * {@return the mapper behind {@link #read} and {@link #write}, for tree work that must stay
   * exact}
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * {@return {@code json} as a tree; a missing body reads as a {@code MissingNode}}
   *
   * @param json UTF-8 JSON bytes
   * @throws IOException when the bytes are not JSON
   */
  public static JsonNode read(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /**
   * {@return {@code json} as a tree}
   *
   * @param json JSON text
   * @throws IOException when the text is not JSON
   */
  public static JsonNode read(String json) throws IOException {
    return MAPPER.readTree(json);
  }

  /**
   * {@return the tree as compact UTF-8 JSON bytes}
   *
   * @param tree a tree of plain nodes
   */
  public static byte[] write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serializes; only a POJO node could fail.
      throw new IllegalStateException("could not write a JSON tree: " + e.getOriginalMessage());
    }
  }

  /**
   * {@return the tree as compact JSON text}
   *
   * @param tree a tree of plain nodes
   */
  public static String text(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a JSON tree: " + e.getOriginalMessage());
    }
  }
}
