package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.VendorApiException;
import dev.customersync.testkit.RequestJournal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated bad input, with fixed seeds so every run sends the same cases: random Unicode with
 * surrogate pairs, RTL and zero-width marks, control characters, lone surrogates, 10⁵-character
 * strings, overlong values, invalid e-mail addresses and country codes, and ids built from
 * {@code / .. ? # % \u0000}. Each value is either refused with a {@link CustomerValidationException}
 * before any byte is sent, or arrives at the fake exactly as given; no id changes a request's path or
 * query.
 */
class BadInputPropertyTest {

  private static final long SEED = 0x5EED_2026_0007L;
  private static final int VALUE_CASES = 2000;
  private static final int ID_CASES = 1500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, MatrixRun> RUNS = new ConcurrentHashMap<>();
  private static final Map<String, int[]> SENT = new ConcurrentHashMap<>();

  private static MatrixRun run(VendorHarness h) {
    return RUNS.computeIfAbsent(h.name(), n -> new MatrixRun(h));
  }

  @TestFactory
  Stream<DynamicContainer> everyValueIsRefusedBeforeSendingOrArrivesByteExact() {
    return VendorHarness.all().stream().map(h -> {
      Random random = new Random(SEED ^ h.name().hashCode());
      List<String> fields = new ArrayList<>(new java.util.TreeSet<>(h.exactFields().keySet()));
      return DynamicContainer.dynamicContainer(h.name(), IntStream.range(0, VALUE_CASES).mapToObj(i -> {
        String field = fields.get(random.nextInt(fields.size()));
        String value = Values.forField(field, random);
        return DynamicTest.dynamicTest("case " + i + ": " + field + " (" + value.length() + " chars)",
            () -> checkValue(h, field, value));
      }));
    });
  }

  private static void checkValue(VendorHarness h, String field, String value) {
    SecretScan.install();
    MatrixRun run = run(h);
    RequestJournal journal = run.fake.journal();
    int before = journal.size();
    Customer customer = Values.customerWith(field, value);
    try {
      run.client().updater().update(h.customerId(), customer);
    } catch (CustomerValidationException refused) {
      SecretScan.exception(refused);
      assertThat(journal.size()).as("requests sent for a refused value").isEqualTo(before);
      assertThat(refused.violations()).as("violations").anySatisfy(v -> assertThat(v.field()).startsWith(field));
      SENT.computeIfAbsent(h.name(), n -> new int[2])[0]++;
      return;
    } catch (VendorApiException vendorRefused) {
      // The fake checks some rules of its own (e.g. Storm's InvalidEmail); the value was still sent,
      // so it must have arrived exactly as given.
      SecretScan.exception(vendorRefused);
    }
    SENT.computeIfAbsent(h.name(), n -> new int[2])[1]++;
    RecordedRequest write = journal.entries().subList(before, journal.size()).stream()
        .map(RequestJournal.Entry::request).filter(h.writes()).findFirst()
        .orElseGet(() -> fail("the value was not refused, yet no write reached the fake"));
    JsonNode body;
    try {
      body = JSON.readTree(write.getBody().toByteArray());
    } catch (java.io.IOException e) {
      throw new AssertionError("the write body is not JSON", e);
    }
    assertThat(body.at(h.exactFields().get(field)).asText()).as("value at the fake").isEqualTo(value);
  }

  @TestFactory
  Stream<DynamicContainer> noIdChangesTheRequestPathOrQuery() {
    return VendorHarness.all().stream().map(h -> {
      Random random = new Random(SEED * 31 + h.name().hashCode());
      return DynamicContainer.dynamicContainer(h.name(), IntStream.range(0, ID_CASES).mapToObj(i -> {
        String id = Values.hostileId(h.customerId(), random);
        return DynamicTest.dynamicTest("id case " + i + " (" + id.length() + " chars)", () -> checkId(h, id));
      }));
    });
  }

  private static void checkId(VendorHarness h, String id) {
    MatrixRun run = run(h);
    RequestJournal journal = run.fake.journal();
    Set<String> canonical = canonicalTargets(h, run);
    int before = journal.size();
    try {
      run.client().updater().update(id, Customer.builder().firstName("Idcheck").build());
    } catch (CustomerValidationException refused) {
      SecretScan.exception(refused);
      assertThat(journal.size()).as("requests sent for a refused id").isEqualTo(before);
      assertThat(refused.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("customerId"));
      return;
    } catch (VendorApiException notThere) {
      SecretScan.exception(notThere);
    }
    // Only a plain id (digits, or a GUID's hex and dashes) may be accepted, and it may change nothing
    // but itself in the read's and the write's path and query.
    assertThat(id).as("accepted id").matches("[0-9A-Fa-f-]+");
    Set<String> expected = new HashSet<>();
    canonical.forEach(t -> expected.add(t.replace(h.customerId(), id)));
    assertThat(journal.entries().subList(before, journal.size()))
        .as("an accepted id (%s) addresses only that customer's path and query", id)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(target(e.request())).isIn(expected));
  }

  private static final Map<String, Set<String>> CANONICAL = new ConcurrentHashMap<>();

  /** The path and query of the read and the write for the valid id, from one real update. */
  private static Set<String> canonicalTargets(VendorHarness h, MatrixRun run) {
    return CANONICAL.computeIfAbsent(h.name(), n -> {
      RequestJournal journal = run.fake.journal();
      int before = journal.size();
      run.client().updater().update(h.customerId(), Customer.builder().firstName("Idcheck").build());
      Set<String> targets = new HashSet<>();
      journal.entries().subList(before, journal.size()).stream().map(RequestJournal.Entry::request)
          .filter(h.reads().or(h.writes())).forEach(r -> targets.add(target(r)));
      assertThat(targets).hasSize(2);
      return targets;
    });
  }

  private static String target(RecordedRequest r) {
    return r.getMethod() + " " + r.getUrl().encodedPath() + "?" + r.getUrl().encodedQuery();
  }

  @AfterAll
  static void closeAndScan() throws Exception {
    for (MatrixRun run : RUNS.values()) {
      assertThat(run.noBusyConnections()).isTrue();
      run.close();
    }
    SENT.forEach((vendor, counts) -> System.out.println("bad input " + vendor + ": refused before sending "
        + counts[0] + ", sent and arrived byte-exact " + counts[1]));
    SecretScan.assertNoSecretLeaked();
  }

  /** Generators of hostile values, all driven by the caller's seeded {@link Random}. */
  static final class Values {

    private static final String[] MARKS = {"\u200F", "\u200E", "\u202E", "\u202D", "\u2066", "\u200D", "\u200B", "\uFEFF",
        "\u0301"};
    private static final String[] BAD_EMAILS = {"plainaddress", "@example.com", "ada@", "ada@@example.com",
        "ada @example.com", "ada@example", "ada@.example.com", "ada@example..com", "ada..b@example.com",
        ".ada@example.com", "ada@-example.com", "ada@example.c", "<ada@example.com>", "ada@example.com\n",
        "\"ada\"@example.com", "ada@exa_mple.com"};
    private static final String[] PIECES = {"/", "..", "../", "?", "#", "%", "%2F", "%2f", "%00", "\u0000", "?x=1&y=2",
        "#frag", " ", "\t", "\u202E", "\uD800", ";", "\\", "+", "&", "=", "1", "0", "-1", "a", "%25", "%3F", ".", "~"};

    private Values() {}

    static String forField(String field, Random r) {
      int kind = r.nextInt(100);
      if (kind < 12) {
        return field.equals("email") ? validEmail(r) : text(r, 1 + r.nextInt(20));
      }
      if (kind < 28) {
        return insert(r, base(field, r), control(r));
      }
      if (kind < 46) {
        return insert(r, base(field, r), loneSurrogate(r));
      }
      if (kind < 54) {
        return String.valueOf(Character.toChars(0x41 + r.nextInt(26))).repeat(100_000);
      }
      if (kind < 66) {
        int[] lengths = {51, 101, 201, 255, 256, 4001};
        return text(r, lengths[r.nextInt(lengths.length)]);
      }
      if (field.equals("email")) {
        return r.nextBoolean() ? BAD_EMAILS[r.nextInt(BAD_EMAILS.length)] : text(r, 1 + r.nextInt(12));
      }
      if (field.endsWith("countryCode")) {
        return countryCode(r);
      }
      return insert(r, text(r, 1 + r.nextInt(30)), r.nextBoolean() ? control(r) : loneSurrogate(r));
    }

    private static String base(String field, Random r) {
      return field.equals("email") ? validEmail(r) : text(r, 1 + r.nextInt(15));
    }

    /** Letters from several scripts, surrogate pairs (emoji, CJK extension B), RTL and zero-width marks. */
    static String text(Random r, int length) {
      StringBuilder b = new StringBuilder();
      while (b.length() < length) {
        int pick = r.nextInt(10);
        int cp = switch (pick) {
          case 0, 1, 2 -> 'a' + r.nextInt(26);
          case 3 -> "åäöéüßñçøæ".charAt(r.nextInt(10));
          case 4 -> 0x4E00 + r.nextInt(0x5000);
          case 5 -> 0x1F600 + r.nextInt(0x50);
          case 6 -> 0x05D0 + r.nextInt(27);
          case 7 -> 0x0627 + r.nextInt(20);
          case 8 -> 0x20000 + r.nextInt(0x1000);
          default -> -1;
        };
        if (cp < 0) {
          b.append(MARKS[r.nextInt(MARKS.length)]);
        } else if (b.length() + Character.charCount(cp) <= length) {
          b.appendCodePoint(cp);
        } else {
          b.append('z');
        }
      }
      return b.toString();
    }

    static String validEmail(Random r) {
      return "u" + Integer.toString(r.nextInt(1_000_000), 36) + (r.nextBoolean() ? "" : ".ä") + "@example"
          + (r.nextBoolean() ? ".com" : ".se");
    }

    private static String control(Random r) {
      int[] controls = {0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x85, 0x9F};
      return String.valueOf((char) controls[r.nextInt(controls.length)]);
    }

    private static String loneSurrogate(Random r) {
      return String.valueOf((char) (r.nextBoolean() ? 0xD800 + r.nextInt(0x400) : 0xDC00 + r.nextInt(0x400)));
    }

    private static String insert(Random r, String into, String what) {
      int at = r.nextInt(into.length() + 1);
      return into.substring(0, at) + what + into.substring(at);
    }

    private static String countryCode(Random r) {
      return switch (r.nextInt(5)) {
        case 0 -> "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        case 1 -> ("" + (char) ('a' + r.nextInt(26)) + (char) ('a' + r.nextInt(26)));
        case 2 -> "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        case 3 -> Integer.toString(r.nextInt(1000));
        default -> "S" + MARKS[r.nextInt(MARKS.length)] + "E";
      };
    }

    static String hostileId(String valid, Random r) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + r.nextInt(4);
      boolean withValid = r.nextInt(3) > 0;
      int validAt = r.nextInt(parts + 1);
      for (int i = 0; i <= parts; i++) {
        if (withValid && i == validAt) {
          b.append(valid);
        }
        if (i < parts) {
          b.append(PIECES[r.nextInt(PIECES.length)]);
        }
      }
      return b.toString();
    }

    static Customer customerWith(String field, String value) {
      Customer.Builder b = Customer.builder();
      switch (field) {
        case "firstName" -> b.firstName(value);
        case "lastName" -> b.lastName(value);
        case "email" -> b.email(value);
        case "vatId" -> b.vatId(value);
        case "invoiceAddress.city" -> b.invoiceAddress(Address.builder().city(value).build());
        case "invoiceAddress.countryCode" -> b.invoiceAddress(Address.builder().countryCode(value).build());
        default -> throw new IllegalArgumentException(field);
      }
      return b.build();
    }
  }
}
