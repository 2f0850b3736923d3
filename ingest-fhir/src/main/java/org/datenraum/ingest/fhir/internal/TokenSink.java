package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.core.JsonToken;

/**
 * Receives the members of one de-identified JSON object as {@link TokenDeidentifier} writes them:
 * only members that the stored resource keeps, with references already pseudonymised. The base
 * class ignores everything.
 */
class TokenSink {

  /** Ignores everything and opens itself for every nested object. */
  static final TokenSink NONE = new TokenSink();

  /** A member kept in the output, called before its value. */
  void member(String name) {}

  /** A kept scalar member: its token and its value. */
  void scalar(String name, JsonToken token, Scalar value) {}

  /**
   * A kept scalar's value, read from the parser only when a sink asks for it (most kept strings
   * are only copied).
   */
  interface Scalar {
    /** The text of a string; {@code true}, {@code false} or {@code null} for those; else null. */
    String text();

    /** {@link #text()} of a value that seldom repeats (a time): not looked for among recent ones. */
    default String textOnce() {
      return text();
    }

    /** The number of a numeric token; 0 for others. */
    double number();
  }

  /** A kept member holding an array of scalars (a primitive element that repeats). */
  void keptArray(String name) {}

  /** A kept object member, or one object element of a kept array member: the sink of its members. */
  TokenSink open(String name, boolean inArray) {
    return NONE;
  }

  /**
   * The reference of this object as the input had it, before it was pseudonymised or removed;
   * null when the input's reference is no string.
   */
  void originalReference(String reference) {}

  /** The object this sink was opened for is complete. */
  void close() {}

  /** Both sinks receive every call; opening opens in both. */
  static TokenSink both(TokenSink a, TokenSink b) {
    if (a == NONE) {
      return b;
    }
    return b == NONE ? a : new Both(a, b);
  }

  private static final class Both extends TokenSink {
    private final TokenSink a;
    private final TokenSink b;

    Both(TokenSink a, TokenSink b) {
      this.a = a;
      this.b = b;
    }

    @Override
    void member(String name) {
      a.member(name);
      b.member(name);
    }

    @Override
    void scalar(String name, JsonToken token, Scalar value) {
      a.scalar(name, token, value);
      b.scalar(name, token, value);
    }

    @Override
    void keptArray(String name) {
      a.keptArray(name);
      b.keptArray(name);
    }

    @Override
    TokenSink open(String name, boolean inArray) {
      return both(a.open(name, inArray), b.open(name, inArray));
    }

    @Override
    void originalReference(String reference) {
      a.originalReference(reference);
      b.originalReference(reference);
    }

    @Override
    void close() {
      a.close();
      b.close();
    }
  }
}
