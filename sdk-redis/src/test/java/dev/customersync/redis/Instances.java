package dev.customersync.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs running {@link InstanceProcess} on this test's own class path, started together:
 * each prints READY once built, then all get GO at once. Every wait has a deadline; output is kept
 * for the failure message.
 */
final class Instances implements AutoCloseable {

  private final List<Process> processes = new ArrayList<>();
  private final List<List<String>> output = new ArrayList<>();
  private final CountDownLatch ready;

  private Instances(List<List<String>> argsPerInstance) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    ready = new CountDownLatch(argsPerInstance.size());
    for (List<String> args : argsPerInstance) {
      List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"), InstanceProcess.class.getName()));
      command.addAll(args);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      processes.add(p);
      output.add(lines);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
            if (line.equals("READY")) {
              ready.countDown();
            }
          }
        } catch (IOException ignored) {
          // The process ended; its exit code tells the rest.
        }
      }, "instance-output");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /** Starts one child per argument list and waits (at most 60 s) until every one is READY. */
  static Instances start(List<List<String>> argsPerInstance) throws Exception {
    Instances all = new Instances(argsPerInstance);
    if (!all.ready.await(60, TimeUnit.SECONDS)) {
      String out = all.describe();
      all.close();
      throw new AssertionError("not every instance got ready within 60 s:\n" + out);
    }
    return all;
  }

  /** Lets every instance start its work at once. */
  void go() throws IOException {
    for (Process p : processes) {
      OutputStream in = p.getOutputStream();
      in.write("GO\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }
  }

  /** Waits for every instance to exit 0 within {@code seconds}; returns each one's RESULT fields. */
  List<String[]> results(long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String[]> results = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new AssertionError("instance " + i + " did not finish within " + seconds + " s:\n" + describe());
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("instance " + i + " exited with " + p.exitValue() + ":\n" + describe());
      }
      // The reader thread may still be taking the last lines after the exit.
      String result = null;
      for (int tries = 0; result == null && tries < 200; tries++) {
        synchronized (output.get(i)) {
          result = output.get(i).stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        }
        if (result == null) {
          Thread.onSpinWait();
          java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
      }
      if (result == null) {
        throw new AssertionError("instance " + i + " printed no RESULT:\n" + describe());
      }
      results.add(result.substring("RESULT ".length()).split(" "));
    }
    return results;
  }

  /** Every instance's output so far. */
  String describe() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < output.size(); i++) {
      synchronized (output.get(i)) {
        b.append("--- instance ").append(i).append('\n');
        output.get(i).stream().limit(60).forEach(l -> b.append(l).append('\n'));
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
  }
}
