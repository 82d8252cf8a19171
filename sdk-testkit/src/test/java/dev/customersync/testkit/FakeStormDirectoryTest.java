package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FakeStorm's finds by e-mail and code and its creates, on the wire with a bare OkHttp client. */
class FakeStormDirectoryTest {

  private static final String NEW_CUSTOMER =
      "{\"Email\": \"alan@example.com\", \"FirstName\": \"Alan\", \"LastName\": \"Turing\", \"Code\": \"ERP-7\","
          + " \"Companies\": [{\"Name\": \"Bletchley AB\"}], \"InvoiceAddress\": {\"Line1\": \"Park 1\", \"Zip\": \"123\","
          + " \"City\": \"Bletchley\", \"Country\": \"GB\"}}";

  private final FakeStorm fake = new FakeStorm().seedDemoCustomers();
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private String token;

  private record Answer(int status, String body) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(body);
    }

    List<String> keys() throws IOException {
      List<String> out = new ArrayList<>();
      json().get("Messages").forEach(m -> out.add(m.get("Key").asText()));
      return out;
    }
  }

  @BeforeEach
  void fetchToken() throws IOException {
    Answer a = send(new Request.Builder().url(fake.tokenUrl()).post(new FormBody.Builder()
        .add("grant_type", "client_credentials").add("client_id", FakeStorm.DEFAULT_CLIENT_ID)
        .add("client_secret", FakeStorm.DEFAULT_CLIENT_SECRET).build()).build());
    token = a.json().get("access_token").asText();
  }

  @AfterEach
  void close() {
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Answer send(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      return new Answer(r.code(), r.body().string());
    }
  }

  private HttpUrl.Builder url(String operation) {
    return fake.baseUrl().newBuilder().addPathSegments("CustomerService.svc/rest/" + operation);
  }

  private Answer get(HttpUrl url) throws IOException {
    return send(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
        .header("ApplicationId", Integer.toString(FakeStorm.DEFAULT_APPLICATION_ID)).get().build());
  }

  private Answer post(HttpUrl url, String body) throws IOException {
    return send(new Request.Builder().url(url).header("Authorization", "Bearer " + token)
        .header("ApplicationId", Integer.toString(FakeStorm.DEFAULT_APPLICATION_ID))
        .post(RequestBody.create(body, MediaType.get("application/json; charset=utf-8"))).build());
  }

  private Answer byEmail(String email) throws IOException {
    return get(url("GetCustomerByEmail").addQueryParameter("email", email).addQueryParameter("format", "json").build());
  }

  private Answer byCode(String code) throws IOException {
    return get(url("GetCustomerByCode").addQueryParameter("code", code).addQueryParameter("format", "json").build());
  }

  /** CreateCustomer3 as the SDK sends it; {@code doSendMail} null leaves the flag out. */
  private Answer create3(String body, String doSendMail) throws IOException {
    HttpUrl.Builder u = url("CreateCustomer3").addQueryParameter("password", "");
    if (doSendMail != null) {
      u.addQueryParameter("doSendMail", doSendMail);
    }
    return post(u.addQueryParameter("createdBy", "1").addQueryParameter("format", "json").build(), body);
  }

  @Test
  void findsByEmailIgnoringCaseAndByExactCode() throws IOException {
    assertThat(byEmail("ADA@Example.com").json().get("Id").asInt()).isEqualTo(1001);
    assertThat(byCode("ERP-1001").json().get("Id").asInt()).isEqualTo(1001);
    assertThat(byCode("erp-1001").body()).as("codes compare exactly").isEqualTo("null");
    assertThat(byEmail("nobody@example.com").body()).isEqualTo("null");
    assertThat(fake.journal().count(e -> FakeStorm.findCustomerCalls().test(e.request()))).isEqualTo(4);
  }

  @Test
  void includeCompaniesFalseAnswersOnlyThePrimaryCompany() throws IOException {
    fake.seedCustomer("{\"Email\": \"two@example.com\", \"FirstName\": \"T\", \"LastName\": \"W\","
        + " \"Companies\": [{\"Name\": \"First AB\"}, {\"Name\": \"Second AB\"}]}");

    Answer all = byEmail("two@example.com");
    Answer primary = get(url("GetCustomerByEmail").addQueryParameter("email", "two@example.com")
        .addQueryParameter("includeCompanies", "false").addQueryParameter("format", "json").build());

    assertThat(all.json().get("Companies")).hasSize(2);
    assertThat(primary.json().get("Companies")).hasSize(1);
    assertThat(primary.json().get("Companies").get(0).get("Name").asText()).isEqualTo("First AB");
  }

  @Test
  void createStoresANewCustomerThatLaterFindsReadsAndUpdatesSee() throws IOException {
    Answer created = create3(NEW_CUSTOMER, "false");

    assertThat(created.status()).isEqualTo(200);
    int id = created.json().get("Id").asInt();
    assertThat(id).as("above every seeded id of any kind").isGreaterThan(9002);
    assertThat(created.json().get("Companies").get(0).get("Id").asInt()).isGreaterThan(9002).isNotEqualTo(id);
    assertThat(created.json().get("Key").asText()).isNotBlank();
    assertThat(byEmail("alan@example.com").json()).isEqualTo(created.json());
    assertThat(byCode("ERP-7").json().get("Id").asInt()).isEqualTo(id);
    assertThat(fake.customer(id)).isPresent();
    assertThat(fake.createdCount()).isEqualTo(1);
    assertThat(fake.mailsSent()).isZero();
    assertThat(fake.journal().count(e -> FakeStorm.createCustomerCalls().test(e.request()))).isEqualTo(1);

    Answer updated = post(url("UpdateCustomer3").addQueryParameter("password", "").addQueryParameter("doSendMail", "false")
        .addQueryParameter("updatedBy", "1").addQueryParameter("format", "json").build(),
        "{\"Id\": " + id + ", \"Email\": \"alan@example.com\", \"FirstName\": \"Alan M.\", \"LastName\": \"Turing\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(fake.customer(id).orElseThrow().get("FirstName").asText()).isEqualTo("Alan M.");
  }

  @Test
  void successiveCreatesGetDistinctIds() throws IOException {
    int first = create3(NEW_CUSTOMER, "false").json().get("Id").asInt();
    int second = create3("{\"Email\": \"b@example.com\", \"FirstName\": \"B\", \"LastName\": \"C\"}", "false")
        .json().get("Id").asInt();

    assertThat(second).isNotEqualTo(first);
    assertThat(fake.createdCount()).isEqualTo(2);
  }

  @Test
  void refusesADuplicateEmailIgnoringCaseWithCustomerAlreadyExists() throws IOException {
    Answer a = create3("{\"Email\": \"GRACE@example.com\", \"FirstName\": \"G\", \"LastName\": \"H\"}", "false");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.keys()).containsExactly("CustomerAlreadyExists");
    assertThat(fake.createdCount()).isZero();
    assertThat(fake.customerCount()).isEqualTo(2);
  }

  @Test
  void refusesAMissingEmailFirstNameAndLastName() throws IOException {
    Answer a = create3("{\"Phone\": \"+46 1\"}", "false");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.keys()).containsExactly("InvalidEmail", "FirstNameMissing", "LastNameMissing");
    assertThat(fake.createdCount()).isZero();
  }

  @Test
  void refusesAnIdAMissingMailFlagAndAMissingCreatedBy() throws IOException {
    Answer withId = create3("{\"Id\": 5, \"Email\": \"x@example.com\", \"FirstName\": \"X\", \"LastName\": \"Y\"}", "false");
    Answer noFlag = create3(NEW_CUSTOMER, null);
    Answer noCreatedBy = post(url("CreateCustomer3").addQueryParameter("password", "")
        .addQueryParameter("doSendMail", "false").addQueryParameter("format", "json").build(), NEW_CUSTOMER);

    assertThat(withId.status()).isEqualTo(400);
    assertThat(withId.json().get("Message").asText()).contains("Id must be left blank");
    assertThat(noFlag.status()).isEqualTo(400);
    assertThat(noCreatedBy.status()).isEqualTo(400);
    assertThat(fake.createdCount()).isZero();
  }

  @Test
  void countsTheRegistrationMailOfDoSendMailTrueAndOfTheObsoleteCreates() throws IOException {
    create3("{\"Email\": \"m1@example.com\", \"FirstName\": \"M\", \"LastName\": \"One\"}", "true");
    post(url("CreateCustomer").addQueryParameter("format", "json").build(),
        "{\"Email\": \"m2@example.com\", \"FirstName\": \"M\", \"LastName\": \"Two\"}");
    post(url("CreateCustomer2").addQueryParameter("format", "json").build(),
        "{\"Email\": \"m3@example.com\", \"FirstName\": \"M\", \"LastName\": \"Three\"}");

    assertThat(fake.createdCount()).isEqualTo(3);
    assertThat(fake.mailsSent()).isEqualTo(3);
    assertThat(fake.journal().count(e -> FakeStorm.createCustomerCalls().test(e.request()))).isEqualTo(3);
  }

  @Test
  void aRefusedCreateSendsNoMail() throws IOException {
    create3("{\"Email\": \"ada@example.com\", \"FirstName\": \"A\", \"LastName\": \"L\"}", "true");

    assertThat(fake.mailsSent()).isZero();
  }
}
