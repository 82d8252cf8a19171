package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request, token requests included, names this SDK, its version, the vendor and the Java version. */
class UserAgentTest {

  static List<VendorHarness> vendors() {
    return VendorHarness.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void everyRequestCarriesTheSdkUserAgent(VendorHarness h) throws Exception {
    try (MatrixRun run = new MatrixRun(h)) {
      run.rename("Augusta");

      List<String> agents = run.fake.journal().entries().stream()
          .map(e -> e.request().getHeaders().get("User-Agent")).toList();
      assertThat(agents).isNotEmpty().allSatisfy(agent -> assertThat(agent)
          .matches("customer-sync/\\d+\\.\\d+\\.\\d+\\S* \\(" + h.name() + "\\) Java/\\d+\\S*"));
      if (h.hasTokens()) {
        assertThat(run.tokenCalls()).as("token requests are among them").isPositive();
      }
    }
  }
}
