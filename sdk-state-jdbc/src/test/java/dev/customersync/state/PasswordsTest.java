package dev.customersync.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void masksAPasswordQueryParameter() {
    assertThat(Passwords.redact("jdbc:postgresql://db:5432/app?user=sync&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=sync&password=****&ssl=true");
  }

  @Test
  void masksAnH2PasswordSettingInAnyCase() {
    assertThat(Passwords.redact("jdbc:h2:file:/data/state;USER=sa;PASSWORD=s3cret;CIPHER=AES"))
        .isEqualTo("jdbc:h2:file:/data/state;USER=sa;PASSWORD=****;CIPHER=AES");
  }

  @Test
  void masksTheOtherPasswordSettingsDriversKnow() {
    assertThat(Passwords.redact("jdbc:sqlserver://db;user=sa;password=a;trustStorePassword=b;keyStorePassword=c"))
        .isEqualTo("jdbc:sqlserver://db;user=sa;password=****;trustStorePassword=****;keyStorePassword=****");
  }

  @Test
  void masksThePasswordOfUserInfo() {
    assertThat(Passwords.redact("jdbc:mysql://sync:s3cret@db:3306/app"))
        .isEqualTo("jdbc:mysql://sync:****@db:3306/app");
  }

  @Test
  void leavesAUrlWithoutPasswordAsItIs() {
    assertThat(Passwords.redact("jdbc:postgresql://127.0.0.1:5432/postgres?user=test"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=test");
  }
}
