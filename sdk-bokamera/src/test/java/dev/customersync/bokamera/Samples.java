package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The vendor's sample bodies (src/test/resources/bokamera) and small helpers the tests share. */
final class Samples {

  static final String API_KEY = "5b6e1f2a-9c3d-4e7f-8a1b-2c3d4e5f6a7b";
  static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.test-access-token.signature";
  static final ObjectMapper JSON = Json.newMapper();

  private Samples() {}

  static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/bokamera/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Retries at once and exactly, so retry tests neither sleep nor vary. */
  static RetryPolicy fastRetries() {
    return RetryPolicy.builder().sleeper(d -> {}).jitter(() -> 1.0).build();
  }
}
