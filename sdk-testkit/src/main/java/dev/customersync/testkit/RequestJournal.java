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

  /** One received request. */
  public record Entry(RecordedRequest request, String fault) {
    public String method() {
      return request.getMethod();
    }

    /** The encoded path, without the query. */
    public String path() {
      return request.getUrl().encodedPath();
    }

    public String header(String name) {
      return request.getHeaders().get(name);
    }

    public String body() {
      return request.getBody() == null ? "" : request.getBody().utf8();
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  synchronized void record(RecordedRequest request, String fault) {
    entries.add(new Entry(request, fault));
  }

  /** A copy of every entry so far. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** How many requests match. */
  public synchronized long count(Predicate<Entry> matcher) {
    return entries.stream().filter(matcher).count();
  }

  /** How many requests had this method and a path ending with {@code pathSuffix}. */
  public long count(String method, String pathSuffix) {
    return count(e -> e.method().equals(method) && e.path().endsWith(pathSuffix));
  }

  /** How many requests arrived in all. */
  public synchronized int size() {
    return entries.size();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
