package dev.customersync.benchmarks;

public class LoopProbe {
  public static void main(String[] args) throws Exception {
    SingleUpdateBenchmark p = new SingleUpdateBenchmark();
    p.vendor = CannedVendor.valueOf(args[0]);
    p.setUp();
    long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < end) {
      switch (args[1]) {
        case "sdk" -> p.sdkUpdate();
        case "raw" -> p.rawOkHttp();
        default -> p.handWrittenDtos();
      }
      if (++i % 1000 == 0) p.drainRecordedRequests();
    }
    System.out.println("ops " + i);
    p.tearDown();
    System.exit(0);
  }
}
