package dev.customersync.micrometer;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** The closed vocabularies of the {@code status} and {@code outcome} tags, and how a call maps onto them. */
final class CallOutcomes {

  static final String NONE = "NONE";
  static final String IO_ERROR = "IO_ERROR";
  static final String SUCCESS = "SUCCESS";
  static final String CLIENT_ERROR = "CLIENT_ERROR";
  static final String SERVER_ERROR = "SERVER_ERROR";
  static final String THROTTLED = "THROTTLED";
  static final String TIMEOUT = "TIMEOUT";
  static final String UNKNOWN = "UNKNOWN";

  // Every status as text, made once: the tag of each call is then a lookup, not a new string.
  private static final String[] CODES = new String[600];

  static {
    for (int i = 0; i < CODES.length; i++) {
      CODES[i] = Integer.toString(i);
    }
  }

  private CallOutcomes() {}

  /** An HTTP status as a tag value. */
  static String status(int code) {
    return code >= 0 && code < CODES.length ? CODES[code] : Integer.toString(code);
  }

  /**
   * The {@code status} tag of a failed call: the vendor's status when it answered; {@code IO_ERROR}
   * when the last attempt got no answer; {@code NONE} when the last attempt was never sent (no
   * permit in time, no token, interrupted while waiting).
   */
  static String status(CustomerSyncException failure) {
    if (failure instanceof VendorApiException v) {
      return status(v.statusCode());
    }
    // A transport failure carries the attempt's IOException; without one the attempt never left
    // (interrupted while waiting for a permit, a retry or another caller's token fetch).
    if (failure instanceof TransportException && failure.getCause() instanceof IOException) {
      return IO_ERROR;
    }
    return NONE;
  }

  /** The {@code outcome} tag of a failed call. */
  static String outcome(CustomerSyncException failure) {
    if (failure instanceof VendorApiException v) {
      int code = v.statusCode();
      if (code == 429) {
        return THROTTLED;
      }
      // A 2xx or 3xx here is an answer the call could not use (a body over the limit, a redirect,
      // which is never followed): the vendor did not fail, the request did not get what it needed.
      return code >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }
    // The local limiter's refusal is a wait that ran out, not the vendor throttling: never THROTTLED.
    if (failure instanceof RateLimitTimeoutException) {
      return TIMEOUT;
    }
    return failure instanceof TransportException && isTimeout(failure.getCause()) ? TIMEOUT : IO_ERROR;
  }

  /** The token call's operation name, shared by every vendor's OAuth2 fetcher. */
  static boolean isToken(String operation) {
    return "token".equals(operation);
  }

  private static boolean isTimeout(Throwable cause) {
    // OkHttp reports a connect or read timeout as SocketTimeoutException and the whole-call
    // timeout as an InterruptedIOException whose message is "timeout".
    return cause instanceof SocketTimeoutException
        || cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage());
  }
}
