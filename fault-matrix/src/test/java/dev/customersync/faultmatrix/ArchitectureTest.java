package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The package tiers hold: the public core depends on neither the engine nor the SPI, no OkHttp
 * type reaches an application-facing package, no vendor module imports another, every package
 * says its tier and is null-marked, and every jar carries its module name.
 */
class ArchitectureTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
  private static final Map<String, String> MODULE_NAMES = Map.of(
      "sdk-core", "dev.customersync.core",
      "sdk-bokamera", "dev.customersync.bokamera",
      "sdk-billbee", "dev.customersync.billbee",
      "sdk-storm", "dev.customersync.storm",
      "sdk-testkit", "dev.customersync.testkit",
      "sdk-micrometer", "dev.customersync.micrometer",
      "sdk-spring-boot", "dev.customersync.boot.autoconfigure",
      "sdk-redis", "dev.customersync.redis",
      "sdk-state-jdbc", "dev.customersync.state",
      "cli", "dev.customersync.cli");

  @Test
  void publicCoreImportsNeitherTheEngineNorTheSpiNorOkHttp() {
    assertThat(importsOf(mainSources("sdk-core", "dev/customersync/core"), false))
        .noneMatch(i -> i.startsWith("dev.customersync.core.sync.") || i.startsWith("dev.customersync.core.spi.")
            || i.startsWith("okhttp3.") || i.startsWith("okio."));
  }

  @Test
  void syncEngineImportsNoSpiAndNoOkHttp() {
    assertThat(importsOf(mainSources("sdk-core", "dev/customersync/core/sync"), false))
        .noneMatch(i -> i.startsWith("dev.customersync.core.spi.") || i.startsWith("okhttp3."));
  }

  @Test
  void noVendorModuleImportsAnother() {
    List<String> vendors = List.of("bokamera", "billbee", "storm");
    for (String vendor : vendors) {
      List<String> imports = importsOf(mainSources("sdk-" + vendor, "dev/customersync/" + vendor), true);
      for (String other : vendors) {
        if (!other.equals(vendor)) {
          assertThat(imports).as(vendor + " imports " + other).noneMatch(i -> i.startsWith("dev.customersync." + other + "."));
        }
      }
    }
  }

  @Test
  void testkitSpeaksWireFormatsWithoutTheVendorModules() {
    assertThat(importsOf(mainSources("sdk-testkit", "dev/customersync/testkit"), true))
        .noneMatch(i -> i.matches("dev\\.customersync\\.(bokamera|billbee|storm)\\..*"));
  }

  @Test
  void everyPackageSaysItsTierAndIsNullMarked() throws IOException {
    List<Path> packages = new ArrayList<>();
    for (String module : MODULE_NAMES.keySet()) {
      try (Stream<Path> dirs = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        dirs.filter(d -> hasJava(d)).forEach(packages::add);
      }
    }
    assertThat(packages).hasSizeGreaterThanOrEqualTo(9).allSatisfy(dir -> {
      Path info = dir.resolve("package-info.java");
      assertThat(info).exists();
      assertThat(Files.readString(info)).contains("@NullMarked").containsPattern("<b>[^<]*(API|SPI|Internal)[^<]*</b>");
    });
  }

  @Test
  void benchmarksPutNoClassIntoAnotherModulesPackage() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("benchmarks/src/main/java"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".java")))
          .allSatisfy(f -> assertThat(f.toString().replace('\\', '/')).contains("/dev/customersync/benchmarks/"));
    }
  }

  @Test
  void everyJarNamesItsAutomaticModule() throws IOException {
    for (Map.Entry<String, String> m : MODULE_NAMES.entrySet()) {
      // The directory sdk-core builds the artifact customer-sync-core, and so on; cli builds customer-sync-cli.
      String artifactId = "customer-sync-" + m.getKey().replaceFirst("^sdk-", "");
      Path jar;
      try (Stream<Path> files = Files.list(ROOT.resolve(m.getKey()).resolve("target"))) {
        jar = files.filter(f -> f.getFileName().toString().matches(artifactId + "-[\\d.]+(-SNAPSHOT)?\\.jar"))
            .findFirst().orElse(null);
      } catch (java.nio.file.NoSuchFileException e) {
        jar = null;
      }
      // Jars exist once `package` ran for the modules (as in `mvn verify`); `mvn test` alone builds none.
      Assumptions.assumeTrue(jar != null, "no jar built for " + m.getKey());
      try (JarFile j = new JarFile(jar.toFile())) {
        assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(m.getKey())
            .isEqualTo(m.getValue());
      }
    }
  }

  private static boolean hasJava(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> mainSources(String module, String packageDir) {
    Path dir = ROOT.resolve(module).resolve("src/main/java").resolve(packageDir);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertThat(list).as("sources in " + dir).isNotEmpty();
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> importsOf(List<Path> files, boolean alsoSubpackages) {
    List<String> imports = new ArrayList<>();
    for (Path f : files) {
      try {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          imports.add(m.group(1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return imports;
  }
}
