package dev.customersync.core.spi;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/**
 * A vendor's answer, fully read (bounded) and closed: status, headers, body bytes and how many
 * attempts it took to get it.
 */
public final class VendorResponse {

  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final int attempts;

  /**
   * An answer as read.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the whole body, not copied
   * @param attempts how many attempts it took, this one included
   */
  public VendorResponse(int status, Headers headers, byte[] body, int attempts) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.attempts = attempts;
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
