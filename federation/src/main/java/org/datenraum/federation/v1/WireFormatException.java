package org.datenraum.federation.v1;

/**
 * A payload that is not a valid v1 document: names the JSON path of the offending field. Thrown by
 * {@link WireJson} and turned into a 400 problem document in one place by the broker.
 */
public final class WireFormatException extends RuntimeException {

  private final String field;

  public WireFormatException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The JSON path of the offending field, such as {@code $.stratify[1]}; {@code $} for the whole body. */
  public String field() {
    return field;
  }
}
