package org.datenraum.query.mapping;

import org.datenraum.core.Problem;

/** Unwinds reading a malformed mapping file; turned into a {@link Problem} by {@link Mappings}. */
final class MappingFormatException extends RuntimeException {

  private final transient Problem problem;

  MappingFormatException(String code, String message) {
    super(code, null, false, false);
    this.problem = Problem.invalid(code, message);
  }

  Problem problem() {
    return problem;
  }
}
