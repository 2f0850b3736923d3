package org.datenraum.surveillance.syndromic;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of an ICD-10-GM code list: a category range ({@code J00-J22}, every code in the
 * categories J00 to J22), a category ({@code T67}, T67 and its subdivisions) or a code
 * ({@code U07.1}, U07.1 and its subdivisions). Immutable.
 */
record IcdPattern(String text, char letter, int from, int to, String prefix) {

  private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{2}");
  private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,3})?");

  /** Parses one list entry; throws IllegalArgumentException with the reason. */
  static IcdPattern parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    int dash = t.indexOf('-');
    if (dash > 0) {
      String a = t.substring(0, dash);
      String b = t.substring(dash + 1);
      if (!CATEGORY.matcher(a).matches() || !CATEGORY.matcher(b).matches()
          || a.charAt(0) != b.charAt(0) || a.compareTo(b) > 0) {
        throw new IllegalArgumentException("`" + text + "` is not a category range such as"
            + " `J00-J22` (same letter, first not after last)");
      }
      return new IcdPattern(t, a.charAt(0), number(a), number(b), null);
    }
    if (!CODE.matcher(t).matches()) {
      throw new IllegalArgumentException("`" + text + "` is not an ICD-10-GM category or code"
          + " such as `T67` or `U07.1`");
    }
    return new IcdPattern(t, t.charAt(0), -1, -1, t);
  }

  private static int number(String category) {
    return Integer.parseInt(category.substring(1, 3));
  }

  /** Whether a diagnosis code as written (markers such as {@code !} or {@code +} ignored) matches. */
  boolean matches(String code) {
    String c = normalize(code);
    if (c.length() < 3 || c.charAt(0) != letter) {
      return false;
    }
    if (prefix == null) {
      if (!Character.isDigit(c.charAt(1)) || !Character.isDigit(c.charAt(2))) {
        return false;
      }
      int n = number(c);
      return n >= from && n <= to;
    }
    if (!c.startsWith(prefix)) {
      return false;
    }
    return c.length() == prefix.length() || prefix.indexOf('.') >= 0
        || c.charAt(prefix.length()) == '.';
  }

  /** Upper case, without the ICD-10-GM markers (†, *, !, +) and surrounding blanks. */
  static String normalize(String code) {
    StringBuilder b = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (Character.isLetterOrDigit(ch) || ch == '.') {
        b.append(Character.toUpperCase(ch));
      }
    }
    return b.toString();
  }
}
