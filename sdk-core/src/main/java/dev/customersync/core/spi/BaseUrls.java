package dev.customersync.core.spi;

import java.net.InetAddress;
import okhttp3.HttpUrl;

/** Parses and checks the base URLs vendor clients are configured with. */
public final class BaseUrls {

  private BaseUrls() {}

  /**
   * Parses {@code url} as an http(s) URL whose path ends with {@code /}, so that relative paths
   * resolve below any prefix it carries ({@code https://demo.storm.io/api/1.1/}).
   *
   * <p>Credentials must not travel in clear text: plain {@code http} is accepted only for loopback
   * hosts (local fakes and tests) or when {@code allowInsecureHttp} is set.
   *
   * @param url the URL as configured
   * @param setting the builder setting's name, for the error message
   * @param allowInsecureHttp whether plain {@code http} is accepted for any host
   * @return the URL, its path ending with {@code /}
   * @throws IllegalArgumentException when the URL is malformed or insecure
   */
  public static HttpUrl parse(String url, String setting, boolean allowInsecureHttp) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(setting + " is required");
    }
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException(setting + " must be an http or https URL, was \"" + url + "\"");
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException(setting + " must not carry a query or fragment, was \"" + parsed.redact() + "\"");
    }
    if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(setting + " must use https for a non-loopback host (was " + parsed.redact()
          + "); call allowInsecureHttp(true) only for test servers");
    }
    if (!parsed.encodedPath().endsWith("/")) {
      parsed = parsed.newBuilder().encodedPath(parsed.encodedPath() + "/").build();
    }
    return parsed;
  }

  /**
   * Like {@link #parse} but keeps the path as given, for a full endpoint URL such as an OAuth2
   * token URL.
   *
   * @param url the URL as configured
   * @param setting the builder setting's name, for the error message
   * @param allowInsecureHttp whether plain {@code http} is accepted for any host
   * @return the URL
   * @throws IllegalArgumentException when the URL is malformed or insecure
   */
  public static HttpUrl parseEndpoint(String url, String setting, boolean allowInsecureHttp) {
    HttpUrl withSlash = parse(url, setting, allowInsecureHttp);
    HttpUrl asGiven = HttpUrl.parse(url.trim());
    return asGiven != null && asGiven.encodedPath().endsWith("/") ? withSlash : asGiven;
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would make the check depend on DNS.
    if (host.matches("^[0-9.]+$") || host.contains(":")) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
