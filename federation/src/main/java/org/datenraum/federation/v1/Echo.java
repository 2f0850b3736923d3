package org.datenraum.federation.v1;

/**
 * Quotes a value that came over the wire in an error message: at most 40 characters, anything but
 * letters, digits, spaces and {@code ._:+<>=/()%-} shown as {@code ?}, so an attacker's text
 * neither floods a log nor carries control characters or backticks into it (pages escape the rest).
 */
public final class Echo {

  private static final int MAX = 40;

  private Echo() {}

  /** The value as it may appear between backticks in a message; {@code null} as {@code null}. */
  public static String of(String value) {
    if (value == null) {
      return "null";
    }
    String cut = value.length() > MAX ? value.substring(0, MAX) : value;
    String printable = cut.replaceAll("[^\\p{L}\\p{N} ._:+<>=/()%-]", "?");
    return value.length() > MAX ? printable + "..." : printable;
  }
}
