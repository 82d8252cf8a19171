package dev.customersync.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The vendors' credentials and URLs, by the environment variable names the README lists ({@code
 * BILLBEE_API_KEY}, …): from the environment, or from a {@code --config} properties file using the
 * same names, whose values win. Never from the command line, where a secret would land in the shell
 * history and in {@code ps}.
 */
final class VendorSettings {

  /** The variable that makes a vendor configured, per vendor. */
  static final Map<String, String> FIRST_VARIABLE = Map.of(
      "bokamera", "BOKAMERA_API_KEY", "billbee", "BILLBEE_API_KEY", "storm", "STORM_BASE_URL");

  private final Map<String, String> values;

  private VendorSettings(Map<String, String> values) {
    this.values = values;
  }

  static VendorSettings load(Map<String, String> env, @Nullable Path config) {
    Map<String, String> values = new HashMap<>(env);
    if (config != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (NoSuchFileException e) {
        throw new UsageException("--config " + config + ": no such file");
      } catch (IOException | IllegalArgumentException e) {
        // The message of a malformed file could quote a line, secret included: name the file only.
        throw new UsageException("--config " + config + ": not a readable properties file");
      }
      p.stringPropertyNames().forEach(name -> values.put(name, p.getProperty(name)));
    }
    return new VendorSettings(values);
  }

  /** The setting, trimmed, or null when it is unset or blank. */
  @Nullable String get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  boolean has(String name) {
    return get(name) != null;
  }

  /** The vendors whose first variable is set, in the usual order. */
  List<String> configuredVendors() {
    List<String> vendors = new ArrayList<>();
    for (String vendor : CustomerColumns.VENDORS) {
      if (has(FIRST_VARIABLE.get(vendor))) {
        vendors.add(vendor);
      }
    }
    return vendors;
  }
}
