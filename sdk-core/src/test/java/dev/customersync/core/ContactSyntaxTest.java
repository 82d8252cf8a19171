package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written e-mail and phone checks accept exactly what their regular expressions accept. */
class ContactSyntaxTest {

  private static final Pattern EMAIL = Pattern.compile(ContactSyntax.EMAIL_REGEX);
  private static final Pattern PHONE = Pattern.compile(ContactSyntax.PHONE_REGEX);
  // Letters and numbers of every \p{L} and \p{N} kind (Nd, Nl, No, a supplementary letter), the
  // local-part specials, the separators, and characters neither rule allows.
  private static final String[] PIECES = {"a", "Z", "0", "7", "é", "\u0663", "\u216B", "\u00BD", "\uD835\uDC9C",
      ".", "@", "-", "+", "!", "_", "~", " ", "(", ")", "/", "\u00A0", ",", "\"", "..", "@@"};

  @Test
  void emailCheckMatchesTheRegexOnRandomText() {
    Random random = new Random(20261123);
    for (int n = 0; n < 200_000; n++) {
      String s = randomText(random, 1 + random.nextInt(16));
      assertThat(ContactSyntax.isEmail(s)).as("e-mail %s", s).isEqualTo(EMAIL.matcher(s).matches());
    }
  }

  @Test
  void emailCheckMatchesTheRegexOnAddressShapedText() {
    Random random = new Random(42);
    for (int n = 0; n < 100_000; n++) {
      StringBuilder s = new StringBuilder(randomText(random, 1 + random.nextInt(3))).append('@');
      int labels = random.nextInt(3);
      for (int i = 0; i <= labels; i++) {
        s.append(label(random)).append('.');
      }
      if (random.nextInt(8) == 0) {
        s.setLength(s.length() - 1);
      }
      int tld = random.nextInt(8) == 0 ? 60 + random.nextInt(6) : random.nextInt(4);
      for (int i = 0; i < tld; i++) {
        s.append(random.nextInt(5) == 0 ? PIECES[random.nextInt(PIECES.length)] : random.nextBoolean() ? "q" : "\uD835\uDC9C");
      }
      String text = s.toString();
      assertThat(ContactSyntax.isEmail(text)).as("e-mail %s", text).isEqualTo(EMAIL.matcher(text).matches());
    }
  }

  @Test
  void phoneCheckMatchesTheRegexOnRandomText() {
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      String s = randomText(random, 1 + random.nextInt(12));
      assertThat(ContactSyntax.isPhone(s)).as("phone %s", s).isEqualTo(PHONE.matcher(s).matches());
    }
  }

  @Test
  void acceptsAndRejectsTheObviousCases() {
    assertThat(ContactSyntax.isEmail("ada.lovelace@example.com")).isTrue();
    assertThat(ContactSyntax.isEmail("ada@bücher.de")).isTrue();
    assertThat(ContactSyntax.isEmail("ada@localhost")).isFalse();
    assertThat(ContactSyntax.isEmail("ada..l@example.com")).isFalse();
    assertThat(ContactSyntax.isEmail("ada@-example.com")).isFalse();
    assertThat(ContactSyntax.isEmail("ada@example.c0m")).isFalse();
    assertThat(ContactSyntax.isPhone("+46 (0)70-123.45/67")).isTrue();
    assertThat(ContactSyntax.isPhone("+")).isFalse();
    assertThat(ContactSyntax.isPhone("46+70")).isFalse();
  }

  private static String label(Random random) {
    int length = random.nextInt(8) == 0 ? 61 + random.nextInt(5) : random.nextInt(4);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int r = random.nextInt(10);
      s.append(r == 0 ? "-" : r == 1 ? PIECES[random.nextInt(PIECES.length)] : r < 6 ? "b" : "\u0663");
    }
    return s.toString();
  }

  private static String randomText(Random random, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }
}
