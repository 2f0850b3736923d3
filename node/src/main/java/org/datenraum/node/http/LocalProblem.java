package org.datenraum.node.http;

import org.datenraum.federation.v1.ProblemDocument;

/** A refusal of the local port, answered as a problem document ({@code application/problem+json}). */
public final class LocalProblem extends RuntimeException {

  private final transient ProblemDocument document;

  private LocalProblem(ProblemDocument document) {
    super(document.detail(), null, false, false);
    this.document = document;
  }

  /** A refusal with an HTTP status, a stable code and one sentence for the caller. */
  public static LocalProblem of(int status, String code, String detail) {
    return new LocalProblem(new ProblemDocument(null, title(status), status, detail, code, null));
  }

  public ProblemDocument document() {
    return document;
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Invalid request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      default -> status >= 500 ? "Internal error" : "Refused";
    };
  }
}
