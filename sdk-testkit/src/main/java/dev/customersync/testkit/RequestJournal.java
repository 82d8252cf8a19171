package dev.customersync.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/**
 * Every request a fake received, in arrival order, with the fault (if any) it was answered with.
 * Tests count writes with it ("exactly one POST reached the server"). Thread-safe.
 */
public final class RequestJournal {

  /**
   * One received request.
   *
   * @param request the request as MockWebServer recorded it
   * @param fault the description of the fault it was answered with, or null when it was answered normally
   */
  public record Entry(RecordedRequest request, String fault) {
    /** {@return the HTTP method, e.g. {@code PUT}} */
    public String method() {
      return request.getMethod();
    }

    /** {@return the encoded path, without the query} */
    public String path() {
      return request.getUrl().encodedPath();
    }

    /**
     * Reads one request header.
     *
     * @param name the header's name, in any case
     * @return the header's last value, or null when the request did not have it
     */
    public String header(String name) {
      return request.getHeaders().get(name);
    }

    /** {@return the request body as UTF-8 text, or empty when it had none} */
    public String body() {
      return request.getBody() == null ? "" : request.getBody().utf8();
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  synchronized void record(RecordedRequest request, String fault) {
    entries.add(new Entry(request, fault));
  }

  /** {@return a copy of every entry so far} */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * Counts the requests that match.
   *
   * @param matcher which entries to count
   * @return how many requests match
   */
  public synchronized long count(Predicate<Entry> matcher) {
    return entries.stream().filter(matcher).count();
  }

  /**
   * Counts the requests by method and path.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param pathSuffix how the encoded path ends
   * @return how many requests had this method and a path ending with {@code pathSuffix}
   */
  public long count(String method, String pathSuffix) {
    return count(e -> e.method().equals(method) && e.path().endsWith(pathSuffix));
  }

  /**
   * The requests a matcher selects, such as a fake's {@code readCalls()}, {@code writeCalls()},
   * {@code findCalls()}, {@code createCalls()} or {@code tokenCalls()}: every fake names its
   * matchers the same way, and {@link FaultScript#next} takes the same matchers.
   *
   * @param matcher which requests to select
   * @return the matching entries, in arrival order
   */
  public synchronized List<Entry> matching(Predicate<RecordedRequest> matcher) {
    return entries.stream().filter(e -> matcher.test(e.request())).toList();
  }

  /**
   * Counts the requests a matcher selects; see {@link #matching}.
   *
   * @param matcher which requests to count, e.g. {@code FakeStorm.writeCalls()}
   * @return how many requests match
   */
  public synchronized long countMatching(Predicate<RecordedRequest> matcher) {
    return entries.stream().filter(e -> matcher.test(e.request())).count();
  }

  /** {@return how many requests arrived in all} */
  public synchronized int size() {
    return entries.size();
  }

  /** Forgets every entry so far, e.g. after a test's setup. */
  public synchronized void clear() {
    entries.clear();
  }
}
