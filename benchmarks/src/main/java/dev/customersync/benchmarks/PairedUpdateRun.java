package dev.customersync.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * B1, paired: the three {@link SingleUpdateBenchmark} calls (SDK, raw bytes + trees, hand-written
 * DTO binding) run interleaved, in rotating order, round after round, on one thread. Each call's
 * wall time and the thread's CPU time are recorded per call, so the ratios compare calls made
 * under the same machine conditions. On a shared 2-core machine that matters: JMH measures one
 * benchmark after another, and the drift between them (±40–100 % on the same code) swamped the
 * few per cent this run is meant to show. {@link PairedListenerRun} uses the same loop.
 *
 * <p>A plain main, like B3 and B4. Writes a Markdown fragment to the path given as the first
 * argument; {@code -Db1.rounds} and {@code -Db1.warmup} set the measured and warm-up rounds.
 */
public final class PairedUpdateRun {

  private static final String[] NAMES = {"SDK", "raw", "hand-written DTOs"};

  private PairedUpdateRun() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("b1.rounds", 10_000);
    int warmup = Integer.getInteger("b1.warmup", 5_000);
    StringBuilder md = new StringBuilder();
    for (CannedVendor vendor : CannedVendor.values()) {
      SingleUpdateBenchmark b = new SingleUpdateBenchmark();
      b.vendor = vendor;
      b.setUp();
      Call[] calls = {b::sdkUpdate, b::rawOkHttp, b::handWrittenDtos};
      Measured m = interleave(calls, rounds, warmup, b::drainRecordedRequests);
      b.tearDown();
      double[] median = m.medianMicros;
      double[] cpuPerCall = m.cpuMicrosPerCall;
      md.append(String.format(Locale.ROOT,
          "| %s | %.1f | %.1f | %.1f | **%.3f** | %.3f | %.1f / %.1f / %.1f | %.3f | %.3f |%n",
          vendor.name().toLowerCase(Locale.ROOT), median[0], median[1], median[2], median[0] / median[1],
          median[0] / median[2], cpuPerCall[0], cpuPerCall[1], cpuPerCall[2], cpuPerCall[0] / cpuPerCall[1],
          cpuPerCall[0] / cpuPerCall[2]));
      System.out.printf(Locale.ROOT, "B1 paired %s: median µs %s %.1f, %s %.1f, %s %.1f%n", vendor,
          NAMES[0], median[0], NAMES[1], median[1], NAMES[2], median[2]);
    }
    Files.writeString(Path.of(args[0]), md.toString());
  }

  /**
   * Runs {@code calls} interleaved on this thread: each round calls every one, starting one later
   * than the round before, so none is always first (warm caches) or last. {@code everyThousand}
   * runs after every 1,000th round, outside the timings.
   */
  static Measured interleave(Call[] calls, int rounds, int warmup, Chore everyThousand) throws Exception {
    return interleave(calls, rounds, warmup, everyThousand, null);
  }

  /**
   * Like {@link #interleave(Call[], int, int, Chore)}, but with {@code shuffle} each round calls
   * them in a new random order. In rotating order each call always follows the same neighbour
   * (the last one's garbage and cache footprint land on the first), which matters when calls
   * differ by a few per cent; a shuffled order gives every call every neighbour equally often.
   */
  static Measured interleave(Call[] calls, int rounds, int warmup, Chore everyThousand,
      @Nullable Random shuffle) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] wall = new long[calls.length][rounds];
    long[] cpu = new long[calls.length];
    int[] order = new int[calls.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    for (int round = 0; round < warmup + rounds; round++) {
      if (shuffle != null) {
        for (int k = order.length - 1; k > 0; k--) {
          int j = shuffle.nextInt(k + 1);
          int t = order[k];
          order[k] = order[j];
          order[j] = t;
        }
      }
      for (int k = 0; k < calls.length; k++) {
        int which = shuffle != null ? order[k] : (round + k) % calls.length;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        calls[which].run();
        long elapsed = System.nanoTime() - start;
        long cpuUsed = threads.getCurrentThreadCpuTime() - cpuStart;
        if (round >= warmup) {
          wall[which][round - warmup] = elapsed;
          cpu[which] += cpuUsed;
        }
      }
      if (round % 1_000 == 999) {
        everyThousand.run();
      }
    }
    double[] median = new double[calls.length];
    double[] cpuPerCall = new double[calls.length];
    for (int k = 0; k < calls.length; k++) {
      long[] sorted = wall[k].clone();
      Arrays.sort(sorted);
      median[k] = sorted[sorted.length / 2] / 1e3;
      cpuPerCall[k] = cpu[k] / 1e3 / rounds;
    }
    return new Measured(median, cpuPerCall);
  }

  /** Per call, in the order given: the median wall time and the mean CPU time of the calling thread, in µs. */
  static final class Measured {
    final double[] medianMicros;
    final double[] cpuMicrosPerCall;

    Measured(double[] medianMicros, double[] cpuMicrosPerCall) {
      this.medianMicros = medianMicros;
      this.cpuMicrosPerCall = cpuMicrosPerCall;
    }
  }

  /** One measured call. */
  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  /** Housekeeping between rounds, untimed. */
  @FunctionalInterface
  interface Chore {
    void run() throws Exception;
  }
}
