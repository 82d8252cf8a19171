package dev.customersync.benchmarks;

import java.time.Duration;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import mockwebserver3.MockWebServer;
import okhttp3.*;

public class B3Probe {
  public static void main(String[] args) throws Exception {
    boolean drain = args[0].equals("drain");
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new dev.customersync.testkit.NoDelayServerSocketFactory());
      server.setDispatcher(CannedVendor.BOKAMERA.dispatcher(Duration.ofMillis(20)));
      server.start();
      if (drain) {
        Thread t = new Thread(() -> { try { while (true) server.takeRequest(); } catch (Exception e) { } });
        t.setDaemon(true); t.start();
      }
      OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES)).build();
      Request get = new Request.Builder().url(server.url("/customers?CustomerId=x")).build();
      Request put = new Request.Builder().url(server.url("/customers/x")).put(RequestBody.create(new byte[800], MediaType.get("application/json"))).build();
      ExecutorService threads = Executors.newFixedThreadPool(16);
      for (int pass = 0; pass < 3; pass++) {
        int customers = pass == 0 ? 2000 : 5000;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        java.util.List<Future<?>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) fs.add(threads.submit(() -> { while (next.getAndIncrement() < customers) {
          for (Request r : new Request[] {get, put}) try (Response x = http.newCall(r).execute()) { x.body().bytes(); } catch (Exception e) { throw new RuntimeException(e); }
        } }));
        for (Future<?> f : fs) f.get();
        double sec = (System.nanoTime() - start) / 1e9;
        if (pass > 0) System.out.printf("%s %.3f%n", drain ? "drain" : "keep", 2 * customers / sec / 800);
      }
      threads.shutdown();
    }
    System.exit(0);
  }
}
