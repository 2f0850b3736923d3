package org.datenraum.ingest.fhir.internal;

/**
 * Why the streaming reader handed a line to the tree-based mapping. Thrown without a stack trace:
 * it is a decision, not an error.
 */
final class StreamFallback extends RuntimeException {

  /** The reasons, counted per load. */
  enum Reason {
    /** The line is no object whose first member names a streamed resource type. */
    TYPE,
    /** The line is no valid JSON, or an object repeats a member name. */
    MALFORMED,
    /** A construct the streaming reader does not read (e.g. a value kind, a contained reference). */
    SHAPE,
    /** The resource would not simply be stored: it waits, or goes to quarantine. */
    OUTCOME
  }

  private static final StreamFallback[] BY_REASON = new StreamFallback[Reason.values().length];

  static {
    for (Reason r : Reason.values()) {
      BY_REASON[r.ordinal()] = new StreamFallback(r);
    }
  }

  private final Reason reason;

  private StreamFallback(Reason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }

  static StreamFallback shape() {
    return BY_REASON[Reason.SHAPE.ordinal()];
  }

  static StreamFallback outcome() {
    return BY_REASON[Reason.OUTCOME.ordinal()];
  }

  static StreamFallback of(Reason reason) {
    return BY_REASON[reason.ordinal()];
  }
}
