package dev.customersync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.sync.SyncState;
import dev.customersync.core.sync.SyncStateException;
import dev.customersync.core.sync.SyncStateKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2JdbcSyncStateStoreTest extends JdbcSyncStateStoreContract {

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("state").resolve("customer-sync-state");
  }

  @Override
  JdbcSyncStateStore newStore() {
    return JdbcSyncStateStore.h2(file());
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + file().toAbsolutePath());
  }

  @Override
  String location() {
    return file().toAbsolutePath() + ".mv.db";
  }

  @Test
  void createsTheParentDirectoriesAndTheFileOnCheck() throws Exception {
    JdbcSyncStateStore store = store();
    assertThat(dir.resolve("state")).doesNotExist();

    store.check();

    assertThat(Path.of(location())).isRegularFile();
  }

  @Test
  void rememberedStateSurvivesReopening() throws Exception {
    JdbcSyncStateStore first = JdbcSyncStateStore.h2(file());
    first.put(ADA, ADA_STATE);
    first.close();

    assertThat(store().get(ADA)).contains(ADA_STATE);
  }

  @Test
  void takesThePathWithOrWithoutH2sSuffix() throws Exception {
    store().put(ADA, ADA_STATE);

    JdbcSyncStateStore suffixed = JdbcSyncStateStore.h2(Path.of(location()));
    closeLater(suffixed);
    assertThat(suffixed.get(ADA)).contains(ADA_STATE);
    assertThat(suffixed).hasToString("JdbcSyncStateStore{H2 database " + location() + "}");
  }

  @Test
  void defaultsToCustomerSyncStateInTheWorkingDirectoryWithoutOpeningIt() {
    JdbcSyncStateStore store = JdbcSyncStateStore.h2();

    assertThat(store.toString()).contains(Path.of("customer-sync-state.mv.db").toAbsolutePath().toString());
    store.close();
    assertThat(Path.of("customer-sync-state.mv.db")).doesNotExist();
  }

  @Test
  void checkFailsNamingTheFileWhenItsDirectoryCannotBeCreated() throws Exception {
    Files.writeString(dir.resolve("state"), "a file where the directory should be");
    JdbcSyncStateStore store = store();

    assertThatThrownBy(store::check)
        .isInstanceOf(SyncStateException.class)
        .hasMessageStartingWith("could not check the sync state in H2 database " + location() + ": ")
        .hasMessageContaining("cannot create the directory " + dir.resolve("state"));
  }

  @Test
  void checkFailsNamingTheFileWhenTheDatabaseFileIsADirectory() throws Exception {
    Files.createDirectories(Path.of(location()));
    JdbcSyncStateStore store = store();

    assertThatThrownBy(store::check)
        .isInstanceOf(SyncStateException.class)
        .hasMessageStartingWith("could not check the sync state in H2 database " + location() + ": ")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void checkFailsNamingTheFileWhenAnotherProcessHasItOpen() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        H2FileHolder.class.getName(), file().toAbsolutePath().toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("open");
      JdbcSyncStateStore store = store();

      assertThatThrownBy(store::check)
          .isInstanceOf(SyncStateException.class)
          .hasMessageStartingWith("could not check the sync state in H2 database " + location() + ": ")
          .hasMessageContaining("already in use");
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(10, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
  }

  /**
   * Not an assertion: prints how long a get and a put take on H2, for the record (on the project's
   * 2-core machine, see the module's Javadoc). Small enough to cost well under a second.
   */
  @Test
  void roughTimings() throws Exception {
    JdbcSyncStateStore store = store();
    store.check();
    int n = 1000;
    SyncStateKey[] keys = new SyncStateKey[n];
    for (int i = 0; i < n; i++) {
      keys[i] = new SyncStateKey("billbee", "acct", "email", "customer-" + i + "@example.com");
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      store.put(keys[i], new SyncState("id-" + i, ADA_STATE.customerHash(), Instant.EPOCH));
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      store.put(keys[i], new SyncState("id-" + i, ADA_STATE.customerHash(), Instant.EPOCH.plusSeconds(1)));
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      store.get(keys[i]);
    }
    long t3 = System.nanoTime();
    System.out.printf("H2 file, %d keys: insert %.1f us, update %.1f us, get %.1f us each%n", n,
        (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n);
  }
}
