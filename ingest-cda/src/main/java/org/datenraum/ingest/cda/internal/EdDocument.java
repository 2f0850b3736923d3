package org.datenraum.ingest.cda.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the receiver reads from one emergency department CDA document, before business rules and
 * pseudonymisation. Holds identifying values: never logged. Immutable.
 */
public record EdDocument(Header header, List<Entry> entries) {

  public EdDocument {
    requireNonNull(header, "header");
    entries = List.copyOf(entries);
  }

  /** A code as the document gives it (system OID or other value, code), with where it is. */
  public record Code(String system, String code, String systemName, String xpath) {}

  /** An instance identifier ({@code root}, {@code extension}). */
  public record Id(String root, String extension, String xpath) {}

  /** The header: template, patient, encounter and its times. */
  public record Header(String template, Id patient, String gender, LocalDate birth, Id encounter,
      Timed admission, Timed discharge, Code disposition, Timed physician, Timed therapy) {}

  /** A time as written, its instant (null when it is no TS value) and where it is. */
  public record Timed(String written, Instant instant, String xpath) {}

  /** What an entry is about. */
  public enum Kind {
    COMPLAINT, TRIAGE, REFERRAL, TRANSPORT, VITAL, DIAGNOSIS, DIAGNOSTIC, ISOLATION,
    ISOLATION_REASON, PATHOGEN, TRANSFER, MEDICATION, INJURY, INTOXICATION
  }

  /** A coded detail of an entry under a fact attribute's key (a medication's route, an injury's mechanism). */
  public record Qualifier(String key, Code code) {

    public Qualifier {
      requireNonNull(key, "key");
      requireNonNull(code, "code");
    }
  }

  /**
   * One statement of the body.
   *
   * @param kind     what it is
   * @param code     the statement's code (diagnosis, vital sign, pathogen, ...)
   * @param value    its coded value (complaint, triage level, result), or null
   * @param measure  its numeric value, or null
   * @param time     when, or null
   * @param flags    negated (did not happen, absent), leading (the leading diagnosis)
   * @param status   the statement's own status where the fact keeps it (a medication's), or null
   * @param qualifiers coded details kept as the fact's attributes
   */
  public record Entry(Kind kind, Code code, Code value, Measure measure, Timed time, Set<Flag> flags,
      String status, List<Qualifier> qualifiers) {

    public Entry {
      requireNonNull(kind, "kind");
      flags = Set.copyOf(flags);
      qualifiers = List.copyOf(qualifiers);
    }

    /** An entry without status and qualifiers. */
    public Entry(Kind kind, Code code, Code value, Measure measure, Timed time, Set<Flag> flags) {
      this(kind, code, value, measure, time, flags, null, List.of());
    }

    public boolean negated() {
      return flags.contains(Flag.NEGATED);
    }

    public boolean leading() {
      return flags.contains(Flag.LEADING);
    }
  }

  /** A number with its unit (UCUM as the document writes it), or no unit. */
  public record Measure(double value, String unit) {}

  /** Qualifiers of an entry. */
  public enum Flag { NEGATED, LEADING }

  @Override
  public String toString() {
    return "EdDocument[redacted, " + entries.size() + " entries]";
  }
}
