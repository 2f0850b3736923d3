package org.datenraum.core;

import static java.util.Objects.requireNonNull;

/** A code in a code system, such as {@code http://loinc.org|718-7}. Immutable. */
public record Coding(String system, String code) {

  public Coding {
    requireNonNull(system, "system");
    requireNonNull(code, "code");
  }

  /** Parses {@code system|code}. */
  public static Coding parse(String token) {
    int bar = token.lastIndexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("expected `system|code` but got `" + token + "`");
    }
    return new Coding(token.substring(0, bar), token.substring(bar + 1));
  }

  @Override
  public String toString() {
    return system + "|" + code;
  }
}
