package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.customersync.core.RateLimiter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class OkHttpVersionCheckTest {

  @Test
  void acceptsTheOkHttp5OfTheBuild() {
    assertThatCode(OkHttpVersionCheck::requireOkHttp5).doesNotThrowAnyException();
  }

  @Test
  void buildingAClientWithOkHttp3AheadOnTheClassPathFailsNamingVersionJarAndFix() throws Exception {
    Path dir = Path.of("target", "okhttp3");
    Path okhttp3 = dir.resolve("okhttp-3.14.9.jar");
    Path okio1 = dir.resolve("okio-1.17.2.jar");
    assertThat(okhttp3).as("copied by maven-dependency-plugin in generate-test-resources").exists();
    String classPath = okhttp3.toAbsolutePath() + File.pathSeparator + okio1.toAbsolutePath() + File.pathSeparator
        + System.getProperty("java.class.path");
    Path out = Files.createTempFile("okhttp3-child", ".txt");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, ChildBuildsClients.class.getName())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    Files.deleteIfExists(out);

    assertThat(child.exitValue()).as(printed).isZero();
    assertThat(printed.lines().toList()).as(printed).hasSize(2).allSatisfy(line -> assertThat(line)
        .startsWith("IllegalStateException: customer-sync needs OkHttp 5.x, but OkHttp 3.14.9 was loaded from ")
        .contains("okhttp-3.14.9.jar")
        .contains("com.squareup.okhttp3:okhttp-jvm"));
  }

  /** Runs in the child JVM: builds a vendor client builder and an HTTP client, printing what each throws. */
  static final class ChildBuildsClients {
    public static void main(String[] args) {
      List<Runnable> builds = List.of(
          () -> new TestVendorBuilder(),
          () -> VendorHttpClient.builder().vendor("test").baseUrl(HttpUrl.get("https://example.com/"))
              .errorParser((response, into) -> { }).build());
      for (Runnable build : builds) {
        try {
          build.run();
          System.out.println("built without complaint");
        } catch (Throwable t) {
          System.out.println(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
      }
    }
  }

  static final class TestVendorBuilder extends VendorClientBuilder<TestVendorBuilder> {
    TestVendorBuilder() {
      super(RateLimiter.unlimited());
    }
  }
}
