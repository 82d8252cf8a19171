package dev.customersync.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.billbee.ApiResult;
import dev.customersync.billbee.BillbeeClient;
import dev.customersync.billbee.BillbeeCustomer;
import dev.customersync.billbee.BillbeeCustomerMapping;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.bokamera.BokaMeraCustomerMapping;
import dev.customersync.bokamera.CustomerQueryPage;
import dev.customersync.bokamera.CustomerQueryResponse;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.json.Json;
import dev.customersync.storm.StormClient;
import dev.customersync.storm.StormCustomer;
import dev.customersync.storm.StormCustomerMapping;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * A vendor answered with canned, real-shaped bodies (no store, no journal), so that a benchmark
 * measures the client, not the fake. GETs get the read answer, writes the write answer.
 */
public enum CannedVendor {
  BOKAMERA("5f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
      "{\"Offset\":0,\"Total\":1,\"Results\":[" + BokaMera.CUSTOMER + "]}", BokaMera.CUSTOMER),
  BILLBEE("100000150176895",
      "{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":" + Billbee.CUSTOMER + "}",
      "{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":" + Billbee.CUSTOMER + "}"),
  STORM("1001", Storm.CUSTOMER, Storm.CUSTOMER);

  static final String TOKEN = "benchmark-token-0123456789";
  static final String API_KEY = "benchmark-api-key-0123456789";

  final String customerId;
  final String readBody;
  final String writeBody;

  CannedVendor(String customerId, String readBody, String writeBody) {
    this.customerId = customerId;
    this.readBody = readBody;
    this.writeBody = writeBody;
  }

  /** A dispatcher answering this vendor's read and write, each after {@code latency}. */
  Dispatcher dispatcher(Duration latency) {
    MockResponse read = response(readBody, latency);
    MockResponse write = response(writeBody, latency);
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getMethod().equals("GET") ? read : write;
      }
    };
  }

  private static MockResponse response(String body, Duration latency) {
    MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body);
    if (!latency.isZero()) {
      b.headersDelay(latency.toNanos(), TimeUnit.NANOSECONDS);
    }
    return b.build();
  }

  /** The SDK's neutral updater against {@code baseUrl}, with no retries, the given limiter and no listener. */
  CustomerUpdater updater(String baseUrl, OkHttpClient http, RateLimiter limiter, AutoCloseable[] owned) {
    return updater(baseUrl, http, limiter, owned, VendorCallListener.Factory.none());
  }

  /** {@link #updater(String, OkHttpClient, RateLimiter, AutoCloseable[])} observed by {@code listeners}. */
  CustomerUpdater updater(String baseUrl, OkHttpClient http, RateLimiter limiter, AutoCloseable[] owned,
      VendorCallListener.Factory listeners) {
    RetryPolicy once = RetryPolicy.none();
    return switch (this) {
      case BOKAMERA -> {
        BokaMeraClient c = BokaMeraClient.builder().baseUrl(baseUrl).apiKey(API_KEY).accessToken(TOKEN)
            .okHttpClient(http).retryPolicy(once).rateLimiter(limiter).listenerFactory(listeners).build();
        owned[0] = c;
        yield c.customerUpdater();
      }
      case BILLBEE -> {
        BillbeeClient c = BillbeeClient.builder().baseUrl(baseUrl).apiKey(API_KEY).username("bench@example.com")
            .apiPassword("benchmark-password").okHttpClient(http).retryPolicy(once).rateLimiter(limiter)
            .listenerFactory(listeners).build();
        owned[0] = c;
        yield c.customerUpdater();
      }
      case STORM -> {
        StormClient c = StormClient.builder().baseUrl(baseUrl + "api/1.1/").applicationId(1234).accessToken(TOKEN)
            .okHttpClient(http).retryPolicy(once).rateLimiter(limiter).listenerFactory(listeners).build();
        owned[0] = c;
        yield c.customerUpdater();
      }
    };
  }

  /** The ObjectMapper configured as this vendor's client configures its own. */
  ObjectMapper mapper() {
    return switch (this) {
      case BOKAMERA -> Json.newMapper();
      case BILLBEE -> BillbeeCustomerMapping.newMapper();
      case STORM -> Json.newWcfMapper();
    };
  }

  /** The DTO type of the read answer (a hand-written integration binds it too). */
  JavaType readType(ObjectMapper mapper) {
    return switch (this) {
      case BOKAMERA -> mapper.constructType(CustomerQueryPage.class);
      case BILLBEE -> mapper.getTypeFactory().constructParametricType(ApiResult.class, BillbeeCustomer.class);
      case STORM -> mapper.constructType(StormCustomer.class);
    };
  }

  /** The DTO type of the write answer. */
  JavaType writeAnswerType(ObjectMapper mapper) {
    return switch (this) {
      case BOKAMERA -> mapper.constructType(CustomerQueryResponse.class);
      case BILLBEE, STORM -> readType(mapper);
    };
  }

  /** The vendor DTO the updater writes for {@code change}, built once, as a hand-written integration would hold it. */
  Object prebuiltWrite(ObjectMapper mapper, Customer change) throws java.io.IOException {
    return switch (this) {
      case BOKAMERA -> BokaMeraCustomerMapping.merge(
          mapper.readValue(readBody, CustomerQueryPage.class).results().get(0), change, null);
      case BILLBEE -> BillbeeCustomerMapping.merge(mapper.readValue(Billbee.CUSTOMER, BillbeeCustomer.class), change);
      case STORM -> StormCustomerMapping.merge(mapper.readValue(Storm.CUSTOMER, StormCustomer.class), change);
    };
  }

  /** Real-shaped bodies, as in each module's contract tests. */
  static final class BokaMera {
    static final String CUSTOMER = "{\"Id\":\"5f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"Firstname\":\"Ada\","
        + "\"Lastname\":\"Lovelace\",\"Email\":\"ada@example.com\",\"Phone\":\"+46 8 123 45 67\",\"ImageUrl\":null,"
        + "\"CustomFieldValues\":[{\"Id\":17,\"Column\":\"TextField1\",\"Name\":\"Shoe size\",\"Description\":\"\","
        + "\"Value\":\"38\",\"DataType\":\"TextBox\"}],\"AccessKeys\":[],\"SubscribedToNewsletter\":false,"
        + "\"Updated\":\"/Date(1566656122000+0200)/\",\"Created\":\"/Date(1566656122000+0200)/\","
        + "\"InvoiceAddress\":{\"CorporateIdentityNumber\":\"556677-8899\",\"InvoiceAddress1\":\"Storgatan 1\","
        + "\"InvoiceAddress2\":\"\",\"InvoiceCity\":\"Stockholm\",\"InvoicePostalCode\":\"111 22\",\"InvoiceCountryCode\":\"SE\"}}";
  }

  static final class Billbee {
    static final String CUSTOMER = "{\"Id\":100000150176895,\"Name\":\"Ada Lovelace\",\"Email\":\"ada@example.com\","
        + "\"Tel1\":\"+49 30 1234567\",\"Tel2\":\"+49 170 7654321\",\"Number\":4711,\"PriceGroupId\":100000000012345,"
        + "\"LanguageId\":1,\"VatId\":\"DE123456789\",\"Type\":0,\"MetaData\":[{\"Id\":1,\"TypeId\":1,\"TypeName\":\"E-Mail\","
        + "\"SubType\":\"private\",\"Value\":\"ada@example.com\"},{\"Id\":2,\"TypeId\":2,\"TypeName\":\"Telefon\","
        + "\"SubType\":\"landline\",\"Value\":\"+49 30 1234567\"}],\"DefaultMailAddress\":{\"Id\":1,\"TypeId\":1,"
        + "\"TypeName\":\"E-Mail\",\"SubType\":\"private\",\"Value\":\"ada@example.com\"},\"DefaultCommercialMailAddress\":null,"
        + "\"DefaultStatusUpdatesMailAddress\":null,\"DefaultPhone1\":{\"Id\":2,\"TypeId\":2,\"TypeName\":\"Telefon\","
        + "\"SubType\":\"landline\",\"Value\":\"+49 30 1234567\"},\"DefaultPhone2\":null,\"DefaultFax\":null,"
        + "\"ArchivedAt\":null,\"RestoredAt\":null}";
  }

  static final class Storm {
    static final String CUSTOMER = "{\"Id\":1001,\"Key\":\"2a5875dc-4162-4028-8b4e-04ef8f8c4ee8\",\"Code\":\"ERP-1001\","
        + "\"Email\":\"ada@example.com\",\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"Phone\":\"+46 8 123 45\","
        + "\"CellPhone\":\"+46 70 123 45 67\",\"Companies\":[{\"Id\":501,\"Code\":\"C-501\",\"Name\":\"Analytical Engines AB\","
        + "\"OrgNo\":\"556677-8899\",\"VatNo\":\"SE556677889901\"}],\"DeliveryAddresses\":[{\"Id\":9002,\"Line1\":\"Hamngatan 2\","
        + "\"Zip\":\"111 47\",\"City\":\"Stockholm\",\"Country\":\"SE\"}],\"InvoiceAddress\":{\"Id\":9001,\"Line1\":\"Storgatan 1\","
        + "\"Zip\":\"111 22\",\"City\":\"Stockholm\",\"Country\":\"SE\"},\"Flags\":[{\"Id\":1,\"Name\":\"Newsletter\",\"Group\":2,"
        + "\"IsSelected\":true}],\"Info\":[{\"Id\":10,\"Code\":\"ShoeSize\",\"Value\":\"38\"}],\"PricelistIds\":[12,14],"
        + "\"IsActive\":true,\"Created\":\"/Date(1566656122000+0200)/\",\"Updated\":\"/Date(1566656122000+0200)/\"}";
  }
}
