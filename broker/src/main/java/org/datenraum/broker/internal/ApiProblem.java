package org.datenraum.broker.internal;

import java.time.Duration;
import org.datenraum.federation.v1.ProblemDocument;

/**
 * An expected refusal of an API call, thrown from deep inside a handler and turned into a problem
 * document in one place ({@link Api}).
 */
public final class ApiProblem extends RuntimeException {

  private final ProblemDocument document;
  private final Duration retryAfter;

  ApiProblem(int status, String title, String code, String detail, String field, Duration retryAfter) {
    super(detail, null, false, false);
    this.document = new ProblemDocument("https://datenraum.org/problems/" + code, title, status, detail, code, field);
    this.retryAfter = retryAfter;
  }

  public ProblemDocument document() {
    return document;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "Unauthorized", "DR-5401", detail, null, null);
  }

  static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "Forbidden", "DR-5403", detail, null, null);
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not found", "DR-5404", detail, null, null);
  }

  static ApiProblem invalid(String field, String detail) {
    return new ApiProblem(400, "Invalid request", "DR-5400", detail, field, null);
  }

  static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "Conflict", "DR-5409", detail, null, null);
  }

  static ApiProblem tooMany(String detail, Duration wait) {
    return new ApiProblem(429, "Too many requests", "DR-5429", detail, null, wait);
  }
}
