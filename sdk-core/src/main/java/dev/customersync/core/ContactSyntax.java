package dev.customersync.core;

/**
 * The e-mail and phone syntax rules of {@link CustomerValidator}, written out by hand. They match
 * exactly what these regular expressions match (a test holds them to it on generated input):
 *
 * <pre>
 * e-mail: ^[\p{L}\p{N}!#$%&amp;'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&amp;'*+/=?^_`{|}~-]+)*
 *         &#64;(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$
 * phone:  ^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*$
 * </pre>
 *
 * <p>Every update validates its customer, and the regex engine was most of the validation's cost.
 */
final class ContactSyntax {

  static final String EMAIL_REGEX = "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
      + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}$";
  static final String PHONE_REGEX = "^\\+?[0-9 ()./-]*[0-9][0-9 ()./-]*$";

  private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
  private static final String PHONE_SEPARATORS = " ()./-";

  private ContactSyntax() {}

  static boolean isEmail(String s) {
    int at = s.indexOf('@');
    // Neither part may hold an '@', so there is exactly one.
    if (at <= 0 || s.indexOf('@', at + 1) >= 0) {
      return false;
    }
    return isLocalPart(s, 0, at) && isDomain(s, at + 1, s.length());
  }

  static boolean isPhone(String s) {
    int i = s.startsWith("+") ? 1 : 0;
    boolean digit = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (PHONE_SEPARATORS.indexOf(c) < 0) {
        return false;
      }
    }
    return digit;
  }

  /** Dot-separated, non-empty atoms of letters, numbers and the specials. */
  private static boolean isLocalPart(String s, int from, int to) {
    boolean atomStarted = false;
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      if (cp == '.') {
        if (!atomStarted) {
          return false;
        }
        atomStarted = false;
      } else if (isLetterOrNumber(cp) || (cp < 128 && LOCAL_SPECIALS.indexOf(cp) >= 0)) {
        atomStarted = true;
      } else {
        return false;
      }
      i += Character.charCount(cp);
    }
    return atomStarted;
  }

  /** One or more labels, each followed by a dot, then a top-level label of 2 to 63 letters. */
  private static boolean isDomain(String s, int from, int to) {
    int lastDot = s.lastIndexOf('.', to - 1);
    if (lastDot < from) {
      return false;
    }
    int tld = 0;
    for (int i = lastDot + 1; i < to; ) {
      int cp = s.codePointAt(i);
      if (!Character.isLetter(cp)) {
        return false;
      }
      tld++;
      i += Character.charCount(cp);
    }
    if (tld < 2 || tld > 63) {
      return false;
    }
    int labelStart = from;
    while (labelStart <= lastDot) {
      int dot = s.indexOf('.', labelStart);
      if (!isLabel(s, labelStart, dot)) {
        return false;
      }
      labelStart = dot + 1;
    }
    return true;
  }

  /** 1 to 63 letters, numbers and hyphens, starting and ending with a letter or number. */
  private static boolean isLabel(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    int count = 0;
    int last = -1;
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      boolean letterOrNumber = isLetterOrNumber(cp);
      if (!letterOrNumber && cp != '-') {
        return false;
      }
      if (count == 0 && !letterOrNumber) {
        return false;
      }
      last = cp;
      count++;
      i += Character.charCount(cp);
    }
    return count <= 63 && isLetterOrNumber(last);
  }

  /** {@code \p{L}} or {@code \p{N}}. */
  private static boolean isLetterOrNumber(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
