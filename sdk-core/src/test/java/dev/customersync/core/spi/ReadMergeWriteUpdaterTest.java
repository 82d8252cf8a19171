package dev.customersync.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.CallDeadline;
import dev.customersync.core.Customer;
import dev.customersync.core.DeadlineExceededException;
import dev.customersync.core.FakeClock;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violations;
import dev.customersync.core.json.LosslessJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The template's sequence, over a toy vendor whose customer is {@code {"Id":…,"Name":…,…}}. */
class ReadMergeWriteUpdaterTest {

  private static final String READ = "{\"Id\":7,\"Name\":\"Ada\",\"Created\":\"2022-07-16T09:56:01.903\","
      + "\"Balance\":1.50,\"Extra\":{\"Unknown\":[1,null,{}]}}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private ReadMergeWriteUpdater<Long> updater() {
    VendorHttpClient http = VendorHttpClient.builder().vendor("acme").baseUrl(server.url("/api/"))
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).jitter(() -> 1.0).build())
        .errorParser((response, into) -> { }).build();
    return new ReadMergeWriteUpdater<>(new ToyStore(http), Runnable::run);
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(json).build());
  }

  @Test
  void writesNothingWhenTheVendorAlreadyHoldsEveryValue() throws Exception {
    answer(READ);

    UpdateResult r = updater().update("7", Customer.builder().firstName("Ada").build());

    assertThat(r.written()).isFalse();
    assertThat(r.changes()).isEmpty();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(r.customer().firstName()).contains("Ada");
  }

  @Test
  void writesOnlyTheChangedPropertyAndEverythingElseExactlyAsRead() throws Exception {
    answer(READ);
    answer(READ.replace("\"Ada\"", "\"Augusta\""));

    UpdateResult r = updater().update("7", Customer.builder().firstName("Augusta").build());

    server.takeRequest();
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getBody().utf8()).isEqualTo(READ.replace("\"Ada\"", "\"Augusta\""));
    assertThat(r.written()).isTrue();
    assertThat(r.changes()).containsExactly(FieldChange.of("Name", "\"Ada\"", "\"Augusta\""));
    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void aRetriedWriteResendsTheSameBytes() throws Exception {
    answer(READ);
    server.enqueue(new MockResponse.Builder().code(503).build());
    answer(READ);

    updater().update("7", Customer.builder().firstName("Augusta").build());

    server.takeRequest();
    String first = server.takeRequest().getBody().utf8();
    String second = server.takeRequest().getBody().utf8();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void refusesAReadThatNamesNoCustomerAndWritesNothing() {
    answer("{}");

    assertThatThrownBy(() -> updater().update("7", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> {
          assertThat(e.requestedId()).isEqualTo("7");
          assertThat(e.foundId()).isEmpty();
          assertThat(e.vendor()).isEqualTo("acme");
        })
        .hasMessageContaining("names no customer");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusesAReadNamingAnotherCustomer() {
    answer(READ.replace("\"Id\":7", "\"Id\":8"));

    assertThatThrownBy(() -> updater().plan("7", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(UnexpectedCustomerException.class, e -> assertThat(e.foundId()).contains("8"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void planReadsAndListsTheChangesButNeverWrites() {
    answer(READ);

    UpdatePlan plan = updater().plan("7", Customer.builder().firstName("Augusta").build());

    assertThat(plan.isEmpty()).isFalse();
    assertThat(plan.changes()).extracting(FieldChange::field).containsExactly("Name");
    assertThat(plan.customerId()).isEqualTo("7");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void badInputFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> updater().update("seven", Customer.builder().firstName("Augusta").build()))
        .isInstanceOf(CustomerValidationException.class).hasMessageContaining("customerId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theReadAndTheWriteOfOneUpdateShareOneDeadline() {
    FakeClock clock = new FakeClock();
    VendorHttpClient http = VendorHttpClient.builder().vendor("acme").baseUrl(server.url("/api/"))
        .retryPolicy(RetryPolicy.builder().clock(clock).nanoClock(clock::nanoTime).sleeper(clock.sleeper())
            .jitter(() -> 1.0).build())
        .callDeadline(Duration.ofSeconds(30))
        .errorParser((response, into) -> { }).build();
    server.setDispatcher(readTakesTwentySecondsThenWriteAsksForFifteen(clock));
    ReadMergeWriteUpdater<Long> updater = new ReadMergeWriteUpdater<>(new ToyStore(http), Runnable::run);

    // Each request alone fits 30 s; the read's 20 s and the write's 15 s of Retry-After together do not.
    assertThatThrownBy(() -> updater.update("7", Customer.builder().firstName("Augusta").build()))
        .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.phase()).isEqualTo(DeadlineExceededException.Phase.RETRY_AFTER);
          assertThat(e.getMessage()).isEqualTo("acme put: the 30 s deadline would pass while waiting 15 s for"
              + " Retry-After after attempt 1 of 3, 10 s left");
        });
    assertThat(clock.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(CallDeadline.current()).as("the scope is closed after the update").isNull();
  }

  @Test
  void anAsyncUpdateOpensItsDeadlineOnTheThreadThatRunsIt() throws Exception {
    FakeClock clock = new FakeClock();
    VendorHttpClient http = VendorHttpClient.builder().vendor("acme").baseUrl(server.url("/api/"))
        .retryPolicy(RetryPolicy.builder().clock(clock).nanoClock(clock::nanoTime).sleeper(clock.sleeper())
            .jitter(() -> 1.0).build())
        .callDeadline(Duration.ofSeconds(30))
        .errorParser((response, into) -> { }).build();
    server.setDispatcher(readTakesTwentySecondsThenWriteAsksForFifteen(clock));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      ReadMergeWriteUpdater<Long> updater = new ReadMergeWriteUpdater<>(new ToyStore(http), pool);

      assertThatThrownBy(() -> updater.updateAsync("7", Customer.builder().firstName("Augusta").build()).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(DeadlineExceededException.class);
      // The pool's thread holds no scope afterwards: the next task there starts a deadline of its own.
      assertThat(pool.submit(CallDeadline::current).get()).isNull();
    } finally {
      pool.shutdownNow();
    }
  }

  private Dispatcher readTakesTwentySecondsThenWriteAsksForFifteen(FakeClock clock) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getMethod().equals("GET")) {
          clock.advance(Duration.ofSeconds(20));
          return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(READ).build();
        }
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "15").build();
      }
    };
  }

  /** A vendor with GET/PUT /api/customers/{id}; Name holds the first name. */
  private static final class ToyStore implements CustomerStore<Long> {
    private final VendorHttpClient http;

    ToyStore(VendorHttpClient http) {
      this.http = http;
    }

    @Override
    public String vendor() {
      return "acme";
    }

    @Override
    public VendorHttpClient http() {
      return http;
    }

    @Override
    public @Nullable Long parseId(String customerId, Violations violations) {
      if (!customerId.matches("[1-9][0-9]{0,17}")) {
        violations.add("customerId", "must be a positive number", customerId);
        return null;
      }
      return Long.parseLong(customerId);
    }

    @Override
    public String idText(Long id) {
      return id.toString();
    }

    @Override
    public CustomerTree read(Long id) {
      VendorResponse r = http.execute(VendorRequest.get(http.baseUrl().resolve("customers/" + id)).build());
      return new CustomerTree(tree(r.body()), r);
    }

    @Override
    public @Nullable String idOf(JsonNode customer) {
      JsonNode id = customer.get("Id");
      return id != null && id.isIntegralNumber() ? id.asText() : null;
    }

    @Override
    public ObjectNode writeBody(CustomerTree read) {
      return ((ObjectNode) read.customer()).deepCopy();
    }

    @Override
    public List<String> merge(ObjectNode body, CustomerTree read, Customer change) {
      List<String> warnings = new ArrayList<>();
      change.firstName().ifPresent(n -> JsonEdits.setText(body, "Name", n));
      return warnings;
    }

    @Override
    public CustomerTree write(Long id, ObjectNode body, CustomerTree read) {
      VendorResponse r = http.execute(VendorRequest.put(http.baseUrl().resolve("customers/" + id), LosslessJson.write(body))
          .idempotent(true).build());
      return new CustomerTree(tree(r.body()), r);
    }

    @Override
    public Customer toNeutral(JsonNode customer) {
      return Customer.builder().firstName(customer.path("Name").asText()).build();
    }

    @Override
    public Object toVendorResponse(JsonNode customer) {
      return customer;
    }

    private static JsonNode tree(byte[] body) {
      try {
        return LosslessJson.read(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
