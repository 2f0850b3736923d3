package org.datenraum.query.ccdl;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The comparators of a CCDL {@code quantity-comparator} filter. */
public enum Comparator {
  GT("gt"),
  GE("ge"),
  LT("lt"),
  LE("le"),
  EQ("eq"),
  NE("ne");

  private final String code;

  Comparator(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether {@code actual <comparator> expected} holds. */
  public boolean test(double actual, double expected) {
    int c = Double.compare(actual, expected);
    return switch (this) {
      case GT -> c > 0;
      case GE -> c >= 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case EQ -> c == 0;
      case NE -> c != 0;
    };
  }

  public static Optional<Comparator> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }

  /** The codes as a list for messages: {@code gt, ge, lt, le, eq, ne}. */
  public static String codes() {
    return Arrays.stream(values()).map(Comparator::code).collect(Collectors.joining(", "));
  }
}
