package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StormLimitsTest {

  private static String chars(int n) {
    return "x".repeat(n);
  }

  @Test
  void valuesAtTheLimitPass() {
    StormCustomer atLimit = StormCustomer.builder()
        .code(chars(50)).email(chars(255)).ssn(chars(50)).firstName(chars(50)).lastName(chars(50))
        .phone(chars(50)).cellPhone(chars(50)).referUrl(chars(255)).crmId(chars(50))
        .account(Account.builder().loginName(chars(255)).name(chars(100)).build())
        .companies(List.of(Company.builder().code(chars(50)).name(chars(100)).build()))
        .info(List.of(IdValue.builder().code(chars(255)).build()))
        .build();

    assertThat(StormLimits.violationsOf(atLimit)).isEmpty();
  }

  @Test
  void everyLimitIsNamedWithItsStormPathLimitAndLength() {
    StormCustomer overLimit = StormCustomer.builder()
        .code(chars(51)).email(chars(256)).ssn(chars(51)).firstName(chars(51)).lastName(chars(51))
        .phone(chars(51)).cellPhone(chars(51)).referUrl(chars(256)).crmId(chars(51))
        .account(Account.builder().loginName(chars(256)).name(chars(101))
            .authorizations(List.of(IdValue.builder().code(chars(256)).build())).build())
        .companies(List.of(Company.builder().name("ok").build(),
            Company.builder().code(chars(51)).name(chars(101))
                .info(List.of(IdValue.builder().code(chars(256)).build())).build()))
        .info(List.of(IdValue.builder().code("ok").build(), IdValue.builder().code(chars(256)).build()))
        .build();

    assertThat(StormLimits.violationsOf(overLimit)).extracting(v -> v.field() + " " + v.rule()).containsExactly(
        "Code at most 50 UTF-16 code units (was 51)",
        "Email at most 255 UTF-16 code units (was 256)",
        "SSN at most 50 UTF-16 code units (was 51)",
        "FirstName at most 50 UTF-16 code units (was 51)",
        "LastName at most 50 UTF-16 code units (was 51)",
        "Phone at most 50 UTF-16 code units (was 51)",
        "CellPhone at most 50 UTF-16 code units (was 51)",
        "ReferUrl at most 255 UTF-16 code units (was 256)",
        "Account.LoginName at most 255 UTF-16 code units (was 256)",
        "Account.Name at most 100 UTF-16 code units (was 101)",
        "Account.Authorizations[0].Code at most 255 UTF-16 code units (was 256)",
        "Companies[1].Code at most 50 UTF-16 code units (was 51)",
        "Companies[1].Name at most 100 UTF-16 code units (was 101)",
        "Companies[1].Info[0].Code at most 255 UTF-16 code units (was 256)",
        "Info[1].Code at most 255 UTF-16 code units (was 256)",
        "CrmId at most 50 UTF-16 code units (was 51)");
  }

  // Storm is .NET on SQL Server: its limits are in UTF-16 code units, so an emoji takes two.
  @Test
  void limitsCountUtf16CodeUnitsSoFiftyUnitsOfEmojiFitAndOneMoreDoesNot() {
    String emoji = "\uD83D\uDE00";
    String fiftyUnits = emoji.repeat(25);
    StormCustomer atLimit = StormCustomer.builder().firstName(fiftyUnits)
        .companies(List.of(Company.builder().name(emoji.repeat(50)).build()))
        .info(List.of(IdValue.builder().code(emoji.repeat(127) + "x").build()))
        .build();
    StormCustomer overLimit = StormCustomer.builder().firstName(fiftyUnits + "x").lastName(emoji.repeat(50))
        .companies(List.of(Company.builder().name(emoji.repeat(50) + "x").build()))
        .info(List.of(IdValue.builder().code(emoji.repeat(128)).build()))
        .build();

    assertThat(StormLimits.violationsOf(atLimit)).isEmpty();
    assertThat(StormLimits.violationsOf(overLimit)).extracting(v -> v.field() + " " + v.rule()).containsExactly(
        "FirstName at most 50 UTF-16 code units (was 51)",
        "LastName at most 50 UTF-16 code units (was 100)",
        "Companies[0].Name at most 100 UTF-16 code units (was 101)",
        "Info[0].Code at most 255 UTF-16 code units (was 256)");
  }
}
