package dev.customersync.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * One scripted misbehaviour of a fake vendor: an error status (optionally with {@code
 * Retry-After}), a delay, or a broken connection. By default a fault replaces the request's
 * handling, so the fake's store is untouched, as when a vendor rejects a request before processing
 * it. {@link #afterHandling()} makes the fake process the request first and then answer with the
 * fault, as when a write succeeded but its response was lost.
 */
public final class Fault {

  private final MockResponse response;
  private final boolean afterHandling;
  private final String description;
  private final Duration delay;

  private Fault(MockResponse response, boolean afterHandling, String description) {
    this(response, afterHandling, description, null);
  }

  private Fault(MockResponse response, boolean afterHandling, String description, Duration delay) {
    this.response = response;
    this.afterHandling = afterHandling;
    this.description = description;
    this.delay = delay;
  }

  /**
   * The fake answers normally, but only after {@code delay} (headers are held back).
   *
   * @param delay how long to hold the answer back
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault delay(Duration delay) {
    return new Fault(null, true, "delay " + delay.toMillis() + " ms", delay);
  }

  /**
   * An empty answer with {@code status}.
   *
   * @param status the HTTP status code
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault status(int status) {
    return new Fault(new MockResponse.Builder().code(status).build(), false, "HTTP " + status);
  }

  /**
   * An answer with {@code status}, a body and content type.
   *
   * @param status the HTTP status code
   * @param contentType the {@code Content-Type} header value
   * @param body the body text
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault status(int status, String contentType, String body) {
    return new Fault(new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build(),
        false, "HTTP " + status + " with body");
  }

  /**
   * An answer with {@code status} and a {@code Retry-After} header (seconds or an HTTP-date, as given).
   *
   * @param status the HTTP status code, e.g. 429 or 503
   * @param retryAfter the {@code Retry-After} header value, sent as given
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault retryAfter(int status, String retryAfter) {
    return new Fault(new MockResponse.Builder().code(status).setHeader("Retry-After", retryAfter).build(), false,
        "HTTP " + status + " Retry-After " + retryAfter);
  }

  /** {@return a fault that closes the connection as soon as the request starts: nothing is processed} */
  public static Fault disconnectAtStart() {
    return new Fault(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, false, false)).build(),
        false, "disconnect at request start");
  }

  /** {@return a fault that reads the request, then closes the connection before any response byte} */
  public static Fault disconnectBeforeResponse() {
    return new Fault(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build(),
        false, "disconnect before response");
  }

  /**
   * A 200 whose body is cut off after the headers: the connection closes mid-body.
   *
   * @param partialBody the start of the body the client receives before the connection closes
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault disconnectMidBody(String partialBody) {
    return new Fault(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(partialBody + "                                                                ")
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build(), false, "disconnect mid body");
  }

  /** {@return a fault where the server reads the request and never answers} */
  public static Fault stall() {
    return new Fault(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build(), false, "stall");
  }

  /**
   * A 200 whose body arrives {@code bytesPerPeriod} bytes every {@code period}.
   *
   * @param body the whole JSON body
   * @param bytesPerPeriod how many bytes to send at a time
   * @param period how long to wait between two sends
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault drip(String body, long bytesPerPeriod, Duration period) {
    return new Fault(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body)
        .throttleBody(bytesPerPeriod, period.toNanos(), TimeUnit.NANOSECONDS).build(), false, "drip");
  }

  /**
   * A fault built from a raw MockWebServer response, for anything the factories do not cover.
   *
   * @param response the response to send instead of the fake's
   * @param description how the fault appears in the journal and in {@link #toString()}
   * @return the fault, for a {@link FaultScript}
   */
  public static Fault of(MockResponse response, String description) {
    return new Fault(Objects.requireNonNull(response), false, description);
  }

  /** {@return the same fault, applied after the fake has processed the request (the write happened)} */
  public Fault afterHandling() {
    return new Fault(response, true, description + " after handling", delay);
  }

  /** {@return whether the fake processes the request before answering with the fault} */
  public boolean isAfterHandling() {
    return afterHandling;
  }

  /**
   * The response MockWebServer sends, given what the fake's handler answered.
   *
   * @param handled the fake's own answer, or null when the handler did not run
   * @return the response to send
   */
  public MockResponse response(MockResponse handled) {
    if (delay != null) {
      return handled.newBuilder().headersDelay(delay.toNanos(), TimeUnit.NANOSECONDS).build();
    }
    return response;
  }

  @Override
  public String toString() {
    return description;
  }
}
