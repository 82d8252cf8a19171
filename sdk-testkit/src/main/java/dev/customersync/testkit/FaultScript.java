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

  /**
   * Answers the next request with {@code fault}.
   *
   * @param fault the fault to answer with
   * @return this script
   */
  public synchronized FaultScript next(Fault fault) {
    queue.add(new Scripted(r -> true, fault));
    return this;
  }

  /**
   * Answers the next request that {@code matcher} accepts with {@code fault}.
   *
   * @param matcher which request the fault is for, e.g. {@link FakeStorm#getCustomerCalls()}
   * @param fault the fault to answer with
   * @return this script
   */
  public synchronized FaultScript next(Predicate<RecordedRequest> matcher, Fault fault) {
    queue.add(new Scripted(matcher, fault));
    return this;
  }

  /**
   * Answers the next {@code times} requests with {@code fault}.
   *
   * @param times how many requests get the fault
   * @param fault the fault to answer with
   * @return this script
   */
  public synchronized FaultScript times(int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      next(fault);
    }
    return this;
  }

  /**
   * Each request {@code matcher} accepts, and no scripted fault took, fails with {@code fault} at {@code rate}.
   *
   * @param rate the chance of each such request to fail, from 0 to 1
   * @param seed the seed of the random choice, so a run can be repeated
   * @param matcher which requests may fail
   * @param fault the fault to answer with
   * @return this script
   */
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

  /** {@return how many one-off faults are still waiting} */
  public synchronized int pending() {
    return queue.size();
  }

  /**
   * Picks the fault for a request: the first scripted one that matches, else perhaps the random one.
   *
   * @param request the request just received
   * @return the fault for {@code request}, consuming a scripted one, or empty to answer normally
   */
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
