package dev.customersync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import dev.customersync.core.ClientSettings;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The base of every stateful fake vendor: a {@link MockWebServer} on loopback whose dispatcher
 * journals each request, applies the {@link FaultScript}, and otherwise lets the subclass answer as
 * the vendor would from its in-memory store.
 *
 * <p>Subclasses implement {@link #handle}; it runs on MockWebServer's threads, concurrently, so it
 * must be thread-safe.
 */
public abstract class FakeVendorServer implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final RequestJournal journal = new RequestJournal();
  private final FaultScript faults = new FaultScript();
  private volatile boolean started;
  private volatile Duration latency = Duration.ZERO;

  /**
   * Answers {@code request} as the vendor would.
   *
   * @param request the request as received, not yet answered by a fault
   * @return the vendor's answer
   */
  protected abstract MockResponse handle(RecordedRequest request);

  /**
   * The settings a client of this vendor needs to talk to this fake: its URLs and the credentials
   * it accepts, for the vendor builder's {@code settings(..)}, e.g. {@code
   * BillbeeClient.builder().settings(fake.clientSettings()).build()}. Starts the server. Secrets are
   * masked in the settings' {@code toString}.
   *
   * @return the settings, as of now (configure the fake first)
   * @throws UnsupportedOperationException for a fake that does not stand for a vendor client (the
   *     base class's answer; every fake of this testkit overrides it)
   */
  public ClientSettings clientSettings() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " hands out no client settings");
  }

  /**
   * Lifts the vendor's limits that make tests slow (throttles, token request limits), for fast
   * unit tests; a fake starts with them real, so that a client that would exceed them fails.
   *
   * @return this fake; the base class has nothing to relax
   */
  public FakeVendorServer relaxed() {
    return this;
  }

  /**
   * Starts listening on a free loopback port; calling it again does nothing. Every fake overrides
   * it to return its own type.
   *
   * @return this fake, for chaining
   */
  public synchronized FakeVendorServer start() {
    if (!started) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return FakeVendorServer.this.dispatch(request);
        }
      });
      server.setServerSocketFactory(new NoDelayServerSocketFactory());
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + getClass().getSimpleName(), e);
      }
      started = true;
    }
    return this;
  }

  /**
   * Resolves a path on the server, starting it if needed.
   *
   * @param path the path, e.g. {@code /} for the server's root
   * @return the URL, e.g. {@code http://127.0.0.1:41234/}
   */
  public HttpUrl url(String path) {
    start();
    return server.url(path);
  }

  /** {@return the journal of requests received so far} */
  public RequestJournal journal() {
    return journal;
  }

  /** {@return the script of faults to inject into the next requests} */
  public FaultScript faults() {
    return faults;
  }

  /** {@return the underlying server, for tests that need its lower-level API} */
  public MockWebServer mockWebServer() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse dispatch(RecordedRequest request) {
    Optional<Fault> fault = faults.take(request);
    journal.record(request, fault.map(Fault::toString).orElse(null));
    if (fault.isPresent()) {
      MockResponse handled = fault.get().isAfterHandling() ? safeHandle(request) : null;
      return fault.get().response(handled);
    }
    MockResponse handled = safeHandle(request);
    Duration latency = this.latency;
    return latency.isZero() ? handled
        : handled.newBuilder().headersDelay(latency.toNanos(), TimeUnit.NANOSECONDS).build();
  }

  private MockResponse safeHandle(RecordedRequest request) {
    try {
      return handle(request);
    } catch (RuntimeException e) {
      return new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
          .body("fake " + getClass().getSimpleName() + " failed: " + e).build();
    }
  }

  /**
   * Holds every answer back by {@code latency}, like a vendor across the internet; default none.
   *
   * @param latency how long to delay each answer's headers
   * @return this fake
   */
  public FakeVendorServer latency(Duration latency) {
    this.latency = latency;
    return this;
  }
}
