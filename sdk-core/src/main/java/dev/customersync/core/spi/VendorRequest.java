package dev.customersync.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One vendor call, ready to send: method, full URL, JSON body bytes (serialized before the first
 * attempt, so a serialization error never half-sends anything and retries resend the same bytes),
 * whether repeating it is harmless, and the endpoint group it counts against in the rate limiter.
 */
public final class VendorRequest {

  private final String method;
  private final HttpUrl url;
  private final byte[] body;
  private final String contentType;
  private final boolean idempotent;
  private final String endpointGroup;
  private final Map<String, String> headers;

  private VendorRequest(Builder b) {
    this.method = b.method;
    this.url = b.url;
    this.body = b.body;
    this.contentType = b.contentType;
    this.idempotent = b.idempotent;
    this.endpointGroup = b.endpointGroup;
    this.headers = Map.copyOf(b.headers);
  }

  /** GET, idempotent. */
  public static Builder get(HttpUrl url) {
    return new Builder("GET", url, null).idempotent(true);
  }

  /** PUT with a JSON body, idempotent. */
  public static Builder put(HttpUrl url, byte[] json) {
    return new Builder("PUT", url, json).idempotent(true);
  }

  /** POST with a JSON body; not idempotent unless said otherwise. */
  public static Builder post(HttpUrl url, byte[] json) {
    return new Builder("POST", url, json).idempotent(false);
  }

  public String method() {
    return method;
  }

  public HttpUrl url() {
    return url;
  }

  /** {@return the body bytes, or null for none} Not copied: callers must not change them. */
  public byte[] body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

  public boolean idempotent() {
    return idempotent;
  }

  public String endpointGroup() {
    return endpointGroup;
  }

  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return method + " " + url.encodedPath();
  }

  /** Builds {@link VendorRequest}s. */
  public static final class Builder {
    private final String method;
    private final HttpUrl url;
    private final byte[] body;
    private String contentType = "application/json; charset=utf-8";
    private boolean idempotent;
    private String endpointGroup = "default";
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(String method, HttpUrl url, byte[] body) {
      this.method = method;
      this.url = Objects.requireNonNull(url, "url");
      this.body = body;
    }

    /** Whether sending this twice is harmless (then every retryable failure is retried). */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** The rate-limit group, e.g. {@code "customers"}; requests in one group share a bucket. */
    public Builder endpointGroup(String endpointGroup) {
      this.endpointGroup = Objects.requireNonNull(endpointGroup);
      return this;
    }

    public Builder contentType(String contentType) {
      this.contentType = Objects.requireNonNull(contentType);
      return this;
    }

    /** A header for this request only, beyond the client's own. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public VendorRequest build() {
      return new VendorRequest(this);
    }
  }
}
