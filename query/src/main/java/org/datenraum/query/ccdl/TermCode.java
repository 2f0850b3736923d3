package org.datenraum.query.ccdl;

import static java.util.Objects.requireNonNull;

import org.datenraum.core.Coding;

/**
 * A concept as CCDL writes it: system, code, optional version and display. Immutable.
 *
 * @param system  code system URL (may be empty in old queries)
 * @param code    the code
 * @param version code system version, or null
 * @param display human-readable text, or null
 */
public record TermCode(String system, String code, String version, String display) {

  public TermCode {
    requireNonNull(system, "system");
    requireNonNull(code, "code");
  }

  public static TermCode of(String system, String code) {
    return new TermCode(system, code, null, null);
  }

  /** The system and code as a core coding (version and display dropped). */
  public Coding coding() {
    return new Coding(system, code);
  }

  /** {@code system|code}, the form used in messages. */
  public String token() {
    return system + "|" + code;
  }
}
