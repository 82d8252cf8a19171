package dev.customersync.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable String operation;
  private final @Nullable String endpoint;
  private final Map<String, String> headers;

  private VendorRequest(Builder b) {
    this.method = b.method;
    this.url = b.url;
    this.body = b.body;
    this.contentType = b.contentType;
    this.idempotent = b.idempotent;
    this.endpointGroup = b.endpointGroup;
    this.operation = b.operation;
    this.endpoint = b.endpoint;
    this.headers = Map.copyOf(b.headers);
  }

  /**
   * {@return a builder of an idempotent GET}
   *
   * @param url the full URL, query included
   */
  public static Builder get(HttpUrl url) {
    return new Builder("GET", url, null).idempotent(true);
  }

  /**
   * {@return a builder of an idempotent PUT with a JSON body}
   *
   * @param url the full URL
   * @param json the serialized body
   */
  public static Builder put(HttpUrl url, byte[] json) {
    return new Builder("PUT", url, json).idempotent(true);
  }

  /**
   * {@return a builder of a POST with a JSON body; not idempotent unless said otherwise}
   *
   * @param url the full URL
   * @param json the serialized body
   */
  public static Builder post(HttpUrl url, byte[] json) {
    return new Builder("POST", url, json).idempotent(false);
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the full URL} */
  public HttpUrl url() {
    return url;
  }

  /** {@return the body bytes, or null for none} Not copied: callers must not change them. */
  public byte[] body() {
    return body;
  }

  /** {@return the body's content type} */
  public String contentType() {
    return contentType;
  }

  /** {@return whether sending this twice is harmless} */
  public boolean idempotent() {
    return idempotent;
  }

  /** {@return the rate-limit group the request counts against} */
  public String endpointGroup() {
    return endpointGroup;
  }

  /**
   * {@return what the call does, for listeners and metrics} E.g. {@code get-customer} or {@code
   * token}; the lower-cased method when the vendor module named none.
   */
  public String operation() {
    return operation != null ? operation : method.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@return the endpoint as a template without ids ({@code customers/{id}}), or the endpoint group when unset} */
  public String endpoint() {
    return endpoint != null ? endpoint : endpointGroup;
  }

  /** {@return headers for this request only, beyond the client's own} */
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
    private @Nullable String operation;
    private @Nullable String endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(String method, HttpUrl url, byte[] body) {
      this.method = method;
      this.url = Objects.requireNonNull(url, "url");
      this.body = body;
    }

    /**
     * Whether sending this twice is harmless (then every retryable failure is retried).
     *
     * @param idempotent true when harmless
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * The rate-limit group, e.g. {@code "customers"}; requests in one group share a bucket.
     *
     * @param endpointGroup the group's name
     * @return this builder
     */
    public Builder endpointGroup(String endpointGroup) {
      this.endpointGroup = Objects.requireNonNull(endpointGroup);
      return this;
    }

    /**
     * What the call does, e.g. {@code get-customer}; a closed vocabulary, safe as a metric tag.
     *
     * @param operation the operation's name
     * @return this builder
     */
    public Builder operation(String operation) {
      this.operation = Objects.requireNonNull(operation);
      return this;
    }

    /**
     * The endpoint as a template without ids, e.g. {@code customers/{id}}; safe as a metric tag.
     *
     * @param endpoint the template
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
      return this;
    }

    /**
     * The body's content type; default {@code application/json; charset=utf-8}.
     *
     * @param contentType a media type
     * @return this builder
     */
    public Builder contentType(String contentType) {
      this.contentType = Objects.requireNonNull(contentType);
      return this;
    }

    /**
     * A header for this request only, beyond the client's own.
     *
     * @param name the header's name
     * @param value the header's value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** {@return the request} */
    public VendorRequest build() {
      return new VendorRequest(this);
    }
  }
}
