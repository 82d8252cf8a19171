package dev.customersync.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * B1, paired: the three {@link SingleUpdateBenchmark} calls (SDK, raw bytes + trees, hand-written
 * DTO binding) run interleaved, in rotating order, round after round, on one thread. Each call's
 * wall time and the thread's CPU time are recorded per call, so the ratios compare calls made
 * under the same machine conditions. On a shared 2-core machine that matters: JMH measures one
 * benchmark after another, and the drift between them (±40–100 % on the same code) swamped the
 * few per cent this run is meant to show.
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
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    StringBuilder md = new StringBuilder();
    for (CannedVendor vendor : CannedVendor.values()) {
      SingleUpdateBenchmark b = new SingleUpdateBenchmark();
      b.vendor = vendor;
      b.setUp();
      Call[] calls = {b::sdkUpdate, b::rawOkHttp, b::handWrittenDtos};
      long[][] wall = new long[calls.length][rounds];
      long[] cpu = new long[calls.length];
      for (int round = 0; round < warmup + rounds; round++) {
        for (int k = 0; k < calls.length; k++) {
          int which = (round + k) % calls.length;
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
          b.drainRecordedRequests();
        }
      }
      b.tearDown();
      double[] median = new double[calls.length];
      double[] cpuPerCall = new double[calls.length];
      for (int k = 0; k < calls.length; k++) {
        long[] sorted = wall[k].clone();
        Arrays.sort(sorted);
        median[k] = sorted[sorted.length / 2] / 1e3;
        cpuPerCall[k] = cpu[k] / 1e3 / rounds;
      }
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

  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }
}
