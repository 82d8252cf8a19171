package dev.customersync.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The vendor, sync and failure-analysis auto-configuration, each vendor against its sdk-testkit fake. */
class CustomerSyncAutoConfigurationTest {

  static final long BILLBEE_ID = 100000150176895L;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BillbeeAutoConfiguration.class, BokaMeraAutoConfiguration.class,
          StormAutoConfiguration.class, CustomerSyncAutoConfiguration.class));

  private final FakeBillbee billbee = new FakeBillbee().throttling(false);
  private final FakeStorm storm = new FakeStorm();
  private final FakeBokaMera bokamera = new FakeBokaMera();

  CustomerSyncAutoConfigurationTest() {
    billbee.start();
    billbee.seedSample(BILLBEE_ID);
    storm.start();
    bokamera.start();
    bokamera.addUser("api@example.com", "fake-bokamera-password");
  }

  @AfterEach
  void stopFakes() {
    billbee.close();
    storm.close();
    bokamera.close();
  }

  static String[] billbeeProperties(FakeBillbee fake) {
    return new String[] {"customersync.billbee.base-url=" + fake.url("/"),
        "customersync.billbee.api-key=" + FakeBillbee.DEFAULT_API_KEY,
        "customersync.billbee.username=" + FakeBillbee.DEFAULT_USERNAME,
        "customersync.billbee.api-password=" + FakeBillbee.DEFAULT_API_PASSWORD,
        "customersync.billbee.retry.max-attempts=1"};
  }

  private String[] stormProperties() {
    return new String[] {"customersync.storm.base-url=" + storm.baseUrl(),
        "customersync.storm.application-id=" + FakeStorm.DEFAULT_APPLICATION_ID,
        "customersync.storm.client-id=" + FakeStorm.DEFAULT_CLIENT_ID,
        "customersync.storm.client-secret=" + FakeStorm.DEFAULT_CLIENT_SECRET,
        "customersync.storm.scope=lab",
        "customersync.storm.token-url=" + storm.tokenUrl()};
  }

  private String[] bokameraProperties() {
    return new String[] {"customersync.bokamera.base-url=" + bokamera.baseUrl(),
        "customersync.bokamera.token-url=" + bokamera.tokenUrl(),
        "customersync.bokamera.api-key=" + bokamera.apiKey(),
        "customersync.bokamera.username=api@example.com",
        "customersync.bokamera.password=fake-bokamera-password",
        "customersync.bokamera.timeouts.call=5s"};
  }

  @Test
  void aCallDeadlineThatIsNotPositiveFailsStartupNamingTheSetting() {
    String[] props = java.util.Arrays.copyOf(billbeeProperties(billbee), billbeeProperties(billbee).length + 1);
    props[props.length - 1] = "customersync.billbee.call-deadline=0s";
    runner.withPropertyValues(props).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("callDeadline");
    });
  }

  @Test
  void whenBillbeePropertiesAreSetThenABillbeeClientTalksToTheConfiguredBillbee() {
    runner.withPropertyValues(billbeeProperties(billbee)).run(context -> {
      assertThat(context).hasSingleBean(BillbeeClient.class).doesNotHaveBean(StormClient.class)
          .doesNotHaveBean(BokaMeraClient.class);
      BillbeeClient client = context.getBean(BillbeeClient.class);
      assertThat(client.baseUrl().toString()).isEqualTo(billbee.url("/").toString());
      UpdateResult result = client.customerUpdater().update(Long.toString(BILLBEE_ID),
          Customer.builder().email("augusta@example.net").build());
      assertThat(result.written()).isTrue();
      assertThat(billbee.customer(BILLBEE_ID).orElseThrow().get("Email").asText()).isEqualTo("augusta@example.net");
    });
  }

  @Test
  void whenStormPropertiesAreSetThenAStormClientFetchesItsTokenAndTalksToTheConfiguredStorm() {
    int id = storm.seedCustomer("Ada", "Lovelace", "ada@example.com");
    runner.withPropertyValues(stormProperties()).run(context -> {
      assertThat(context).hasSingleBean(StormClient.class).doesNotHaveBean(BillbeeClient.class);
      StormClient client = context.getBean(StormClient.class);
      client.customerUpdater().update(Integer.toString(id), Customer.builder().firstName("Augusta").build());
      assertThat(storm.customer(id).orElseThrow().get("FirstName").asText()).isEqualTo("Augusta");
      assertThat(storm.tokenRequests()).isEqualTo(1);
      assertThat(storm.mailsSent()).isZero();
    });
  }

  @Test
  void whenBokaMeraPropertiesAreSetThenABokaMeraClientLogsInAndTalksToTheConfiguredBokaMera() {
    UUID id = bokamera.addCustomer("Ada", "Lovelace", "ada@example.com", "+46 8 000 00 00");
    runner.withPropertyValues(bokameraProperties()).run(context -> {
      assertThat(context).hasSingleBean(BokaMeraClient.class).doesNotHaveBean(StormClient.class);
      context.getBean(BokaMeraClient.class).customerUpdater().update(id.toString(),
          Customer.builder().email("augusta@example.com").build());
      assertThat(bokamera.customer(id).orElseThrow().get("Email").asText()).isEqualTo("augusta@example.com");
      assertThat(bokamera.tokenRequests("password")).isEqualTo(1);
    });
  }

  @Test
  void whenAllThreeVendorsAreConfiguredThenCustomerSyncHoldsEachUpdater() {
    runner.withPropertyValues(billbeeProperties(billbee)).withPropertyValues(stormProperties())
        .withPropertyValues(bokameraProperties()).run(context -> {
          assertThat(context).hasSingleBean(CustomerSync.class);
          assertThat(context.getBeansOfType(CustomerUpdater.class)).containsOnlyKeys("billbeeCustomerUpdater",
              "bokameraCustomerUpdater", "stormCustomerUpdater");
          assertThat(context.getBean(CustomerSync.class).vendors()).containsExactlyInAnyOrder("billbee", "bokamera",
              "storm");
        });
  }

  @Test
  void whenNoVendorIsConfiguredThenThereIsNoClientAndNoCustomerSync() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BillbeeClient.class)
        .doesNotHaveBean(BokaMeraClient.class).doesNotHaveBean(StormClient.class)
        .doesNotHaveBean(CustomerUpdater.class).doesNotHaveBean(CustomerSync.class));
  }

  @Test
  void whenTheBillbeeApiPasswordIsMissingThenStartupFailsNamingTheProperty() {
    runner.withPropertyValues("customersync.billbee.api-key=k", "customersync.billbee.username=shop@example.com")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          assertThat(failure).rootCause().isInstanceOf(MissingCredentialException.class)
              .hasMessageStartingWith("`customersync.billbee.api-password` is missing");
          FailureAnalysis analysis = new CustomerSyncFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription()).startsWith("`customersync.billbee.api-password` is missing");
          assertThat(analysis.getAction()).contains("Set customersync.billbee.api-password")
              .contains("remove every customersync.billbee.* property");
        });
  }

  @Test
  void whenAStormTokenSourceIsMissingThenStartupFailsNamingTheProperties() {
    runner.withPropertyValues("customersync.storm.base-url=https://demo.storm.io/api/1.1/",
        "customersync.storm.application-id=1234").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingCredentialException.class)
              .hasMessageContaining("customersync.storm.client-secret").hasMessageContaining("customersync.storm.access-token");
        });
  }

  @Test
  void whenTheBokaMeraPasswordIsMissingThenStartupFailsNamingTheProperty() {
    runner.withPropertyValues("customersync.bokamera.api-key=" + bokamera.apiKey(),
        "customersync.bokamera.username=api@example.com").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingCredentialException.class)
              .hasMessageStartingWith("`customersync.bokamera.password` is missing");
        });
  }

  @Test
  void whenTheApplicationDefinesItsOwnClientThenItsBeanWinsAndFeedsCustomerSync() {
    BillbeeClient own = BillbeeClient.builder().baseUrl(billbee.url("/").toString()).apiKey("own-key")
        .username("own@example.com").apiPassword("own-password").build();
    runner.withPropertyValues(billbeeProperties(billbee)).withBean("myBillbee", BillbeeClient.class, () -> own)
        .run(context -> {
          assertThat(context).hasSingleBean(BillbeeClient.class);
          assertThat(context.getBean(BillbeeClient.class)).isSameAs(own);
          assertThat(context).hasBean("billbeeCustomerUpdater").hasSingleBean(CustomerSync.class);
        });
  }

  @Test
  void whenTheApplicationDefinesItsOwnClientWithoutPropertiesThenCustomerSyncStillUsesIt() {
    runner.withBean("myBillbee", BillbeeClient.class, () -> BillbeeClient.builder()
        .baseUrl(billbee.url("/").toString()).apiKey("own-key").username("own@example.com").apiPassword("pw").build())
        .run(context -> assertThat(context.getBean(CustomerSync.class).vendors()).containsExactly("billbee"));
  }

  @Test
  void whenTheBillbeeJarIsAbsentThenNoBillbeeBeanAndTheOtherVendorsStillWork() {
    runner.withClassLoader(new FilteredClassLoader(BillbeeClient.class))
        .withPropertyValues(billbeeProperties(billbee)).withPropertyValues(stormProperties()).run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean("billbeeClient").hasSingleBean(StormClient.class);
          assertThat(context.getBean(CustomerSync.class).vendors()).containsExactly("storm");
        });
  }

  @Test
  void whenACustomizerBeanExistsThenItTunesTheBuilderBeforeTheClientIsBuilt() {
    runner.withPropertyValues(billbeeProperties(billbee))
        .withBean(BillbeeClientBuilderCustomizer.class, () -> b -> b.userAgent("my-app/1.0"))
        .run(context -> {
          context.getBean(BillbeeClient.class).getCustomer(BILLBEE_ID);
          assertThat(billbee.journal().entries().get(0).header("User-Agent")).isEqualTo("my-app/1.0");
        });
  }

  @Test
  void whenTheClientIsShownThenNoSecretAppears() {
    runner.withPropertyValues(billbeeProperties(billbee)).run(context -> {
      String shown = context.getBean(BillbeeClient.class) + " " + context.getBean(CustomerSyncProperties.class).getBillbee();
      assertThat(shown).doesNotContain(FakeBillbee.DEFAULT_API_KEY).doesNotContain(FakeBillbee.DEFAULT_API_PASSWORD);
    });
  }

  @Test
  void whenBokaMeraHasNoTokenSourceThenStartupFailsNamingTheTokenProperties() {
    runner.withPropertyValues("customersync.bokamera.api-key=" + bokamera.apiKey()).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingCredentialException.class)
          .hasMessageStartingWith("`customersync.bokamera.access-token` is missing")
          .hasMessageContaining("customersync.bokamera.username and customersync.bokamera.password");
    });
  }

  @Test
  void whenACustomizerGivesBokaMeraATokenProviderThenNoTokenPropertyIsNeeded() {
    String token = bokamera.issueAccessToken();
    runner.withPropertyValues("customersync.bokamera.base-url=" + bokamera.baseUrl(),
        "customersync.bokamera.api-key=" + bokamera.apiKey())
        .withBean(BokaMeraClientBuilderCustomizer.class,
            () -> b -> b.accessTokenProvider(dev.customersync.core.AccessTokenProvider.of(token)))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(BokaMeraClient.class));
  }

  @Test
  void whenBillbeeIsConfiguredFromEnvironmentVariablesThenItsClientIsMade() {
    // The environment as a container would pass it: only the key set there, the rest in properties.
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace("systemEnvironment",
            new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment",
                java.util.Map.<String, Object>of("CUSTOMERSYNC_BILLBEE_APIKEY", FakeBillbee.DEFAULT_API_KEY))))
        .withPropertyValues("customersync.billbee.base-url=" + billbee.url("/"),
            "customersync.billbee.username=" + FakeBillbee.DEFAULT_USERNAME,
            "customersync.billbee.api-password=" + FakeBillbee.DEFAULT_API_PASSWORD)
        .run(context -> {
          assertThat(context).hasSingleBean(BillbeeClient.class);
          context.getBean(BillbeeClient.class).getCustomer(BILLBEE_ID);
          assertThat(billbee.journal().entries().get(0).header("X-Billbee-Api-Key")).isEqualTo(FakeBillbee.DEFAULT_API_KEY);
        });
  }

  @Test
  void whenOnlyTheEnvironmentNamesAVendorThenItsConditionStillMatches() {
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace("systemEnvironment",
            new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment",
                java.util.Map.<String, Object>of("CUSTOMERSYNC_STORM_APPLICATIONID", "1234"))))
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageStartingWith("`customersync.storm.base-url` is missing"));
  }
}
