package dev.customersync.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/**
 * The faults a fake will inject: a queue of one-off faults for the next matching requests, and an
 * optional random fault rate (seeded, so runs repeat). Thread-safe.
 */
public final class FaultScript {

  private final Deque<Scripted> queue = new ArrayDeque<>();
  private Random random;
  private double rate;
  private Fault randomFault;
  private Predicate<RecordedRequest> randomMatcher = r -> true;

  /** The next request gets {@code fault}. */
  public synchronized FaultScript next(Fault fault) {
    queue.add(new Scripted(r -> true, fault));
    return this;
  }

  /** The next request that {@code matcher} accepts gets {@code fault}. */
  public synchronized FaultScript next(Predicate<RecordedRequest> matcher, Fault fault) {
    queue.add(new Scripted(matcher, fault));
    return this;
  }

  /** The next {@code times} requests get {@code fault}. */
  public synchronized FaultScript times(int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      next(fault);
    }
    return this;
  }

  /** Each request {@code matcher} accepts, and no scripted fault took, fails with {@code fault} at {@code rate}. */
  public synchronized FaultScript randomly(double rate, long seed, Predicate<RecordedRequest> matcher, Fault fault) {
    this.rate = rate;
    this.random = new Random(seed);
    this.randomFault = fault;
    this.randomMatcher = matcher;
    return this;
  }

  /** Removes every scripted and random fault. */
  public synchronized void clear() {
    queue.clear();
    random = null;
  }

  /** How many one-off faults are still waiting. */
  public synchronized int pending() {
    return queue.size();
  }

  /** The fault for {@code request}, consuming it, or empty. */
  public synchronized Optional<Fault> take(RecordedRequest request) {
    for (var it = queue.iterator(); it.hasNext(); ) {
      Scripted s = it.next();
      if (s.matcher.test(request)) {
        it.remove();
        return Optional.of(s.fault);
      }
    }
    if (random != null && randomMatcher.test(request) && random.nextDouble() < rate) {
      return Optional.of(randomFault);
    }
    return Optional.empty();
  }

  private record Scripted(Predicate<RecordedRequest> matcher, Fault fault) {}
}
