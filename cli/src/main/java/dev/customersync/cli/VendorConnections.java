package dev.customersync.cli;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.storm.StormClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The clients of the vendors a run talks to, built from {@link VendorSettings}. Every setting of
 * every chosen vendor is checked before any client is built, so a missing one stops the run with
 * nothing sent, naming each missing variable (never a value).
 */
final class VendorConnections implements AutoCloseable {

  private final OkHttpClient http = new OkHttpClient();
  private final List<CustomerUpdater> updaters = new ArrayList<>();
  private final List<AutoCloseable> clients = new ArrayList<>();

  private VendorConnections() {}

  static VendorConnections open(List<String> vendors, VendorSettings settings) {
    Set<String> missing = new LinkedHashSet<>();
    for (String vendor : vendors) {
      missing.addAll(missing(vendor, settings));
    }
    if (!missing.isEmpty()) {
      throw new UsageException("missing " + String.join(", ", missing)
          + ": set them in the environment or in a --config properties file (nothing was sent)");
    }
    VendorConnections c = new VendorConnections();
    try {
      for (String vendor : vendors) {
        c.connect(vendor, settings);
      }
    } catch (RuntimeException e) {
      c.close();
      if (e instanceof UsageException) {
        throw e;
      }
      throw new UsageException("cannot configure the clients: " + e.getMessage(), e);
    }
    return c;
  }

  List<CustomerUpdater> updaters() {
    return updaters;
  }

  /** The variables {@code vendor} needs that are not set; alternatives are named as {@code A or B}. */
  static List<String> missing(String vendor, VendorSettings s) {
    List<String> missing = new ArrayList<>();
    switch (vendor) {
      case "bokamera" -> {
        require(s, missing, "BOKAMERA_API_KEY");
        if (!s.has("BOKAMERA_ACCESS_TOKEN")) {
          if (!s.has("BOKAMERA_USERNAME") && !s.has("BOKAMERA_PASSWORD")) {
            missing.add("BOKAMERA_USERNAME and BOKAMERA_PASSWORD (or BOKAMERA_ACCESS_TOKEN)");
          } else {
            require(s, missing, "BOKAMERA_USERNAME");
            require(s, missing, "BOKAMERA_PASSWORD");
          }
        }
      }
      case "billbee" -> {
        require(s, missing, "BILLBEE_API_KEY");
        require(s, missing, "BILLBEE_USERNAME");
        require(s, missing, "BILLBEE_API_PASSWORD");
      }
      case "storm" -> {
        require(s, missing, "STORM_BASE_URL");
        require(s, missing, "STORM_APPLICATION_ID");
        if (!s.has("STORM_ACCESS_TOKEN")) {
          if (!s.has("STORM_CLIENT_ID") && !s.has("STORM_CLIENT_SECRET")) {
            missing.add("STORM_CLIENT_ID and STORM_CLIENT_SECRET (or STORM_ACCESS_TOKEN)");
          } else {
            require(s, missing, "STORM_CLIENT_ID");
            require(s, missing, "STORM_CLIENT_SECRET");
          }
        }
      }
      default -> throw new UsageException("unknown vendor \"" + vendor + "\": choose from "
          + String.join(", ", CustomerColumns.VENDORS));
    }
    return missing;
  }

  private static void require(VendorSettings s, List<String> missing, String name) {
    if (!s.has(name)) {
      missing.add(name);
    }
  }

  private void connect(String vendor, VendorSettings s) {
    switch (vendor) {
      case "bokamera" -> {
        BokaMeraClient.Builder b = BokaMeraClient.builder().okHttpClient(http).apiKey(s.get("BOKAMERA_API_KEY"));
        if (s.has("BOKAMERA_BASE_URL")) {
          b.baseUrl(s.get("BOKAMERA_BASE_URL"));
        }
        if (s.has("BOKAMERA_TOKEN_URL")) {
          b.tokenUrl(s.get("BOKAMERA_TOKEN_URL"));
        }
        if (s.has("BOKAMERA_ACCESS_TOKEN")) {
          b.accessToken(s.get("BOKAMERA_ACCESS_TOKEN"));
        } else {
          b.login(s.get("BOKAMERA_USERNAME"), s.get("BOKAMERA_PASSWORD"));
        }
        BokaMeraClient client = b.build();
        add(client, client.customerUpdater());
      }
      case "billbee" -> {
        BillbeeClient.Builder b = BillbeeClient.builder().okHttpClient(http).apiKey(s.get("BILLBEE_API_KEY"))
            .username(s.get("BILLBEE_USERNAME")).apiPassword(s.get("BILLBEE_API_PASSWORD"));
        if (s.has("BILLBEE_BASE_URL")) {
          b.baseUrl(s.get("BILLBEE_BASE_URL"));
        }
        BillbeeClient client = b.build();
        add(client, client.customerUpdater());
      }
      case "storm" -> {
        int applicationId;
        try {
          applicationId = Integer.parseInt(s.get("STORM_APPLICATION_ID"));
        } catch (NumberFormatException e) {
          throw new UsageException("STORM_APPLICATION_ID must be a whole number");
        }
        StormClient.Builder b = StormClient.builder().okHttpClient(http).baseUrl(s.get("STORM_BASE_URL"))
            .applicationId(applicationId);
        if (s.has("STORM_ACCESS_TOKEN")) {
          b.accessToken(s.get("STORM_ACCESS_TOKEN"));
        } else {
          b.clientCredentials(s.get("STORM_CLIENT_ID"), s.get("STORM_CLIENT_SECRET"), s.get("STORM_SCOPE"));
          if (s.has("STORM_TOKEN_URL")) {
            b.tokenUrl(s.get("STORM_TOKEN_URL"));
          }
        }
        if (s.has("STORM_CULTURE_CODE")) {
          b.cultureCode(s.get("STORM_CULTURE_CODE"));
        }
        StormClient client = b.build();
        add(client, client.customerUpdater());
      }
      default -> throw new UsageException("unknown vendor \"" + vendor + "\"");
    }
  }

  private void add(AutoCloseable client, CustomerUpdater updater) {
    clients.add(client);
    updaters.add(updater);
  }

  @Override
  public void close() {
    for (int i = clients.size() - 1; i >= 0; i--) {
      try {
        clients.get(i).close();
      } catch (Exception ignored) {
        // Closing after the run: there is nothing left to save.
      }
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
