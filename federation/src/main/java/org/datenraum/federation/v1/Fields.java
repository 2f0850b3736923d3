package org.datenraum.federation.v1;

import java.util.List;

/** Checks shared by the compact constructors; failures name the JSON field. */
final class Fields {

  private Fields() {}

  /** A value that breaks a rule of one field. */
  static final class Invalid extends IllegalArgumentException {
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  static Invalid invalid(String field, String message) {
    return new Invalid(field, message);
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid(field, "`" + field + "` is required.");
    }
    return value;
  }

  static String text(String value, String field) {
    if (required(value, field).isBlank()) {
      throw invalid(field, "`" + field + "` must not be empty.");
    }
    return value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }
}
