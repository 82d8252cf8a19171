package dev.customersync.core.spi;

import dev.customersync.core.VendorOperation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's answer, fully read (bounded) and closed: status, headers, body bytes and how many
 * attempts it took to get it, and what the request was doing (so an error found in the body
 * later says which operation failed).
 */
public final class VendorResponse {

  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final int attempts;
  private final @Nullable VendorOperation operation;

  /**
   * An answer as read, for a request of unknown operation.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the whole body, not copied
   * @param attempts how many attempts it took, this one included
   */
  public VendorResponse(int status, Headers headers, byte[] body, int attempts) {
    this(status, headers, body, attempts, null);
  }

  /**
   * An answer as read.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the whole body, not copied
   * @param attempts how many attempts it took, this one included
   * @param operation what the request was doing, or null when unknown
   */
  public VendorResponse(int status, Headers headers, byte[] body, int attempts, @Nullable VendorOperation operation) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.attempts = attempts;
    this.operation = operation;
  }

  /** {@return what the request answered was doing; empty when unknown} */
  public Optional<VendorOperation> operation() {
    return Optional.ofNullable(operation);
  }

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /** {@return the response headers} */
  public Headers headers() {
    return headers;
  }

  /** {@return the body bytes; not copied, callers must not change them} */
  public byte[] body() {
    return body;
  }

  /** {@return the body decoded as UTF-8} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return true when the body is empty or only whitespace} */
  public boolean bodyIsBlank() {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** {@return HTTP attempts made for this answer, retries included} */
  public int attempts() {
    return attempts;
  }

  /** {@return the content type header, or empty} */
  public String contentType() {
    String ct = headers.get("Content-Type");
    return ct == null ? "" : ct;
  }

  @Override
  public String toString() {
    return "VendorResponse{status=" + status + ", bytes=" + body.length + ", attempts=" + attempts + "}";
  }
}
