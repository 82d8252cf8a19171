package dev.customersync.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} of this test's own, on a free loopback port, without persistence
 * ({@code --save '' --appendonly no}), stopped by {@link #close()}. Where the binary is missing the
 * test is skipped with a loud message, except on CI ({@code CI=true}), where it fails: CI installs
 * the package ({@code .ci/run}), so a missing server there is a broken build, not a skip.
 */
final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dir;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts a server and waits (at most 10 s) until it answers PING. */
  static RedisServer start() {
    String binary = findBinary();
    try {
      Path dir = Files.createTempDirectory("redis-test");
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      Process p = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes")
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile())
          .start();
      RedisServer server = new RedisServer(p, port, dir);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!server.answersPing()) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          String log = Files.exists(dir.resolve("redis.log")) ? Files.readString(dir.resolve("redis.log")) : "";
          server.close();
          throw new IllegalStateException("redis-server did not start on port " + port + ": " + log);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("could not start redis-server", e);
    }
  }

  private static String findBinary() {
    for (String candidate : new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    String message = "redis-server is not installed: these tests need a real Redis "
        + "(apt-get install redis-server; .ci/run installs it on CI)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort("SKIPPED LOUDLY: " + message);
    throw new AssertionError("unreachable");
  }

  /** The port on 127.0.0.1. */
  int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** A client for this server, with commands bounded at 2 s. */
  RedisClient client() {
    RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
        .withTimeout(Duration.ofSeconds(2)).build());
    client.setOptions(ClientOptions.builder().build());
    return client;
  }

  /** A connection of the shape both classes take. */
  static StatefulRedisConnection<String, byte[]> connect(RedisClient client) {
    return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
  }

  /** Sends one inline command and returns the first line of the answer, e.g. {@code +PONG}. */
  String command(String inline) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }

  private boolean answersPing() {
    try {
      return "+PONG".equals(command("PING"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the server at once, as a crash or a network cut would look to its clients. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory left behind is no failure.
    }
  }
}
