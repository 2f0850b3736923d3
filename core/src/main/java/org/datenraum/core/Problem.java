package org.datenraum.core;

import static java.util.Objects.requireNonNull;

/**
 * An expected failure, as a value: a category, a stable code ({@code DR-nnnn}) and a one-sentence
 * message for the person who has to fix it. Immutable.
 */
public record Problem(Category category, String code, String message) {

  /** What kind of failure this is; decides, for example, the HTTP status it becomes. */
  public enum Category {
    /** The input is malformed or violates a rule; the caller must change it. */
    INVALID,
    /** Something referenced does not exist. */
    NOT_FOUND,
    /** The input conflicts with what is already stored. */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN,
    /** The operation is not supported for this input. */
    UNSUPPORTED,
    /** An input/output failure of the environment. */
    FAULT
  }

  public Problem {
    requireNonNull(category, "category");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
  }

  public static Problem invalid(String code, String message) {
    return new Problem(Category.INVALID, code, message);
  }

  public static Problem notFound(String code, String message) {
    return new Problem(Category.NOT_FOUND, code, message);
  }

  public static Problem unsupported(String code, String message) {
    return new Problem(Category.UNSUPPORTED, code, message);
  }

  /** The code and message as one line, as shown to users. */
  public String text() {
    return code + " " + message;
  }
}
