package dev.customersync.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * B2, paired: for each vendor, batches of the SDK's merge-and-write and of Jackson writing the
 * prebuilt DTO ({@link MappingBenchmark}'s methods) alternate, in rotating order, and the ratio is
 * taken of the median nanoseconds per operation of each side. A single call lasts 1–3 µs, too
 * short to time one by one, so each sample is a batch. As with {@link PairedUpdateRun}, this keeps
 * the drift of a shared machine out of the ratio; JMH still gives the bytes allocated.
 *
 * <p>Writes a Markdown fragment to the path given as the first argument.
 */
public final class PairedMappingRun {

  private static final int BATCH = 2_000;
  private static final int WARMUP_BATCHES = 100;
  private static final int BATCHES = 400;

  private PairedMappingRun() {}

  public static void main(String[] args) throws Exception {
    MappingBenchmark b = new MappingBenchmark();
    b.setUp();
    StringBuilder md = new StringBuilder();
    Object[][] vendors = {
        {"bokamera", (Op) b::bokameraSdk, (Op) b::bokameraJacksonOnly},
        {"billbee", (Op) b::billbeeSdk, (Op) b::billbeeJacksonOnly},
        {"storm", (Op) b::stormSdk, (Op) b::stormJacksonOnly}};
    long sink = 0;
    for (Object[] v : vendors) {
      Op[] ops = {(Op) v[1], (Op) v[2]};
      double[][] nsPerOp = new double[2][BATCHES];
      for (int batch = 0; batch < WARMUP_BATCHES + BATCHES; batch++) {
        for (int k = 0; k < 2; k++) {
          int which = (batch + k) % 2;
          long start = System.nanoTime();
          for (int i = 0; i < BATCH; i++) {
            sink += ops[which].run().length;
          }
          long elapsed = System.nanoTime() - start;
          if (batch >= WARMUP_BATCHES) {
            nsPerOp[which][batch - WARMUP_BATCHES] = (double) elapsed / BATCH;
          }
        }
      }
      double sdk = median(nsPerOp[0]);
      double jackson = median(nsPerOp[1]);
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | **%.2f** |%n", v[0], sdk, jackson, sdk / jackson));
      System.out.printf(Locale.ROOT, "B2 paired %s: SDK %.0f ns, Jackson %.0f ns, ratio %.2f%n", v[0], sdk, jackson, sdk / jackson);
    }
    Files.writeString(Path.of(args[0]), md.toString());
    // Keeps the JIT from dropping the work.
    if (sink == 42) {
      System.out.println();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @FunctionalInterface
  private interface Op {
    byte[] run() throws Exception;
  }
}
