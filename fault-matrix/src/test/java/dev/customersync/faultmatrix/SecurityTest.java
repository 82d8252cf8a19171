package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.customersync.core.VendorApiException;
import dev.customersync.testkit.Fault;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * https for every non-loopback host (with an explicit opt-out for test servers), no redirect
 * followed with credentials, and, over the whole suite, no secret in any log line or exception
 * message.
 */
class SecurityTest {

  static List<VendorHarness> vendors() {
    return VendorHarness.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void plainHttpToANonLoopbackHostIsRefused(VendorHarness h) {
    Throwable refused = catchThrowable(() -> h.buildWithUrls("http://api.example.com/", null, false).close());
    SecretScan.exception(refused);
    assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void httpsAndTheExplicitOptOutAreAccepted(VendorHarness h) {
    assertThatCode(() -> h.buildWithUrls("https://api.example.com/", null, false).close()).doesNotThrowAnyException();
    assertThatCode(() -> h.buildWithUrls("http://10.0.0.7:8080/", "http://10.0.0.7:8081/token", true).close())
        .doesNotThrowAnyException();
    assertThatCode(() -> h.buildWithUrls("http://127.0.0.1:8080/", "http://localhost:8081/token", false).close())
        .as("loopback test servers need no opt-out").doesNotThrowAnyException();
  }

  static List<VendorHarness> vendorsWithTokens() {
    return VendorHarness.all().stream().filter(VendorHarness::hasTokens).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsWithTokens")
  void plainHttpTokenUrlToANonLoopbackHostIsRefused(VendorHarness h) {
    Throwable refused = catchThrowable(() -> h.buildWithUrls("https://api.example.com/", "http://id.example.com/token", false)
        .close());
    SecretScan.exception(refused);
    assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
  }

  static Stream<Arguments> redirects() {
    return VendorHarness.all().stream().flatMap(h -> Stream.of(301, 302, 307, 308)
        .flatMap(code -> Stream.of(Arguments.of(h, code, true), Arguments.of(h, code, false))));
  }

  @ParameterizedTest(name = "{0} {1} (on read: {2})")
  @MethodSource("redirects")
  void aRedirectToAnotherHostIsNotFollowed(VendorHarness h, int code, boolean onRead) throws Exception {
    try (MockWebServer elsewhere = new MockWebServer(); MatrixRun run = new MatrixRun(h)) {
      elsewhere.start();
      Fault redirect = Fault.of(new MockResponse.Builder().code(code)
          .setHeader("Location", elsewhere.url("/collect?from=" + h.name()).toString()).build(), "redirect " + code);
      if (onRead) {
        run.onRead(redirect);
      } else {
        run.onWrite(redirect);
      }

      Throwable thrown = catchThrowable(() -> run.rename("Augusta"));
      SecretScan.exception(thrown);

      assertThat(thrown).isInstanceOfSatisfying(VendorApiException.class, e -> assertThat(e.statusCode()).isEqualTo(code));
      assertThat(elsewhere.getRequestCount()).as("requests that reached the other host").isZero();
      assertThat(run.reads()).isEqualTo(1);
      assertThat(run.writes()).isEqualTo(onRead ? 0 : 1);
      assertThat(run.noBusyConnections()).isTrue();
    }
  }

  @Test
  void theCaptureSeesTheSdksMostVerboseLogLines() throws Exception {
    SecretScan.install();
    try (MatrixRun run = new MatrixRun(new StormHarness())) {
      run.onRead(Fault.status(503));
      run.rename("Augusta");
    }
    assertThat(SecretScan.sdkLogLines()).as("DEBUG lines of dev.customersync captured").isPositive();
  }

  @Test
  void theScanFindsAPlantedSecret() {
    String secret = "planted-secret-0123456789";
    assertThat(SecretScan.leaks(List.of("ok line", "GET /x failed: Bearer " + secret), List.of(secret)))
        .singleElement().asString().doesNotContain(secret).contains("<SECRET pla…>");
    assertThat(SecretScan.leaks(List.of("ok line", "Bearer ****"), List.of(secret))).isEmpty();
  }

  @AfterAll
  static void scanEverything() {
    assertThat(SecretScan.secretCount()).isPositive();
    SecretScan.assertNoSecretLeaked();
  }
}
