package dev.customersync.faultmatrix;

import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.testkit.FakeVendorServer;
import dev.customersync.testkit.Fault;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * What the fault matrix needs to know about one vendor: how to start its fake and build a client
 * against it, which requests are the read and the write, its error format, and its secrets. One
 * implementation per vendor; every scenario runs through this interface only.
 */
interface VendorHarness {

  /** How a client is built for one scenario. */
  record Setup(FakeVendorServer fake, int credentials, String apiBaseUrl, OkHttpClient okHttp, RetryPolicy retryPolicy,
      Timeouts timeouts) {}

  /** A built client; closing it releases what it created (never the shared OkHttp client). */
  record Client(CustomerUpdater updater, AutoCloseable closer, String description) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      closer.close();
    }
  }

  String name();

  /** A started fake seeded with {@link #customerId()}, accepting credential set {@code credentials} (0 or 1). */
  FakeVendorServer startFake(int credentials);

  /** The base URL a client of {@code fake} is given. */
  String apiBaseUrl(FakeVendorServer fake);

  Client build(Setup setup);

  /** Builds a client with only the base URL (and token URL) varied, for the https checks. */
  AutoCloseable buildWithUrls(String apiBaseUrl, String tokenUrl, boolean allowInsecureHttp);

  /** A customer id the seeded fake holds. */
  String customerId();

  Predicate<RecordedRequest> reads();

  Predicate<RecordedRequest> writes();

  /** Token endpoint calls; matches nothing for a vendor without tokens. */
  Predicate<RecordedRequest> tokenCalls();

  /** Whether the write may be repeated harmlessly (PUT), so the policy retries it like the read. */
  boolean writeIdempotent();

  /** Whether the client fetches OAuth2 tokens (and can refresh them). */
  boolean hasTokens();

  /** Whether a 403 also leads to one token refresh and one more attempt (Storm's identity setup). */
  default boolean refreshesTokenOn403() {
    return false;
  }

  /** Makes every token issued so far invalid at the fake, as when they expire. */
  void expireTokens(FakeVendorServer fake);

  /** A body in the vendor's own error format carrying {@link #errorCode()}. */
  String errorBody();

  /** The error code a parsed {@link #errorBody()} yields. */
  String errorCode();

  /** Whether the request carries credential set {@code credentials} (and no other). */
  boolean carriesCredentials(RecordedRequest request, int credentials);

  /** The fixed secrets of credential set {@code credentials}. */
  List<String> secrets(int credentials);

  /** The stored first name (or the text holding it) at the fake, to check a change arrived. */
  String storedName(FakeVendorServer fake);

  /** Neutral text field → JSON pointer of the vendor's write body where its value must arrive as given. */
  Map<String, String> exactFields();

  /** A read answer in the vendor's shape that names no customer (Storm {@code {}}, Billbee {@code "Data":{}}). */
  Fault readNamingNoCustomer();

  /** A read answer in the vendor's shape that carries another customer than {@link #customerId()}. */
  Fault readNamingAnotherCustomer();

  /**
   * Side effects the fake counted that no update asked for: mails Storm sent, access keys BokaMera
   * created. Zero for a vendor without such effects.
   */
  long sideEffects(FakeVendorServer fake);

  /**
   * A read answer for {@link #customerId()} whose dates come in every form the vendor documents,
   * and the date strings among them that the vendor's write carries back (none for BokaMera, whose
   * write has no date).
   */
  DatedRead readWithEveryDateForm();

  /** A scripted read and the date strings its write must carry back character for character. */
  record DatedRead(Fault read, List<String> datesWrittenBack) {}

  static List<VendorHarness> all() {
    return List.of(new BokaMeraHarness(), new StormHarness(), new BillbeeHarness());
  }
}
