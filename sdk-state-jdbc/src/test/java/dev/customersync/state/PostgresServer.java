package dev.customersync.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server of this test's own (Debian's {@code postgresql} package), in a
 * temporary directory, on a free loopback port, trusting the user {@code test} without a password;
 * {@link #close()} stops it ({@code pg_ctl stop -m fast}) and deletes the directory. As root,
 * {@code initdb} and the server run as the package's {@code postgres} user, since PostgreSQL refuses
 * to run as root. Where it cannot start (no package, no {@code postgres} user) the test is skipped
 * with a loud message, except on CI ({@code CI} set), where it fails: {@code .ci/run} installs the
 * package, so a missing server there is a broken build.
 */
final class PostgresServer implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Starts a server and waits until it accepts connections; fsync off, as nothing here must last. */
  static PostgresServer start() {
    Path bin = findBin();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = null;
    try {
      dir = Files.createTempDirectory("postgres-test");
      if (root) {
        UserPrincipal postgres;
        try {
          postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (IOException e) {
          throw unavailable("running as root, but there is no 'postgres' user to run PostgreSQL as ("
              + e.getMessage() + ")");
        }
        Files.setOwner(dir, postgres);
      }
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      PostgresServer server = new PostgresServer(bin, dir, port, root);
      server.run(60, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
          "-A", "trust", "-U", "test", "-E", "UTF8", "--locale=C", "--no-sync");
      server.run(60, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
          "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
              + " -c synchronous_commit=off -c full_page_writes=off",
          "-l", dir.resolve("log").toString(), "-w", "-t", "30", "start");
      return server;
    } catch (IOException e) {
      if (dir != null) {
        delete(dir);
      }
      throw new IllegalStateException("could not start PostgreSQL", e);
    }
  }

  private static Path findBin() {
    List<Path> candidates = new ArrayList<>();
    try {
      Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
        candidates.add(Path.of(out));
      }
    } catch (IOException e) {
      // No pg_config on the PATH; look where Debian puts the server.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
    } catch (IOException e) {
      // Not installed there either.
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
        return candidate;
      }
    }
    throw unavailable("PostgreSQL's server is not installed (no initdb and pg_ctl in $(pg_config --bindir) "
        + "or /usr/lib/postgresql/*/bin)");
  }

  private static RuntimeException unavailable(String reason) {
    String message = reason + ": these tests need a real PostgreSQL (apt-get install postgresql; "
        + ".ci/run installs it on CI)";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort("SKIPPED LOUDLY: " + message);
    throw new AssertionError("unreachable");
  }

  private void run(int timeoutSeconds, String... command) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", full) + " did not finish in " + timeoutSeconds + " s: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
      throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "): " + out + log);
    }
  }

  int port() {
    return port;
  }

  /** A DataSource for database {@code postgres} as {@code test}, in {@code schema} if not null. */
  PGSimpleDataSource dataSource(String schema) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    dataSource.setUser("test");
    if (schema != null) {
      dataSource.setCurrentSchema(schema);
    }
    return dataSource;
  }

  @Override
  public void close() {
    try {
      run(30, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "stop");
    } catch (IOException e) {
      System.err.println("could not stop PostgreSQL in " + dir + ": " + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory left behind is no failure.
    }
  }
}
