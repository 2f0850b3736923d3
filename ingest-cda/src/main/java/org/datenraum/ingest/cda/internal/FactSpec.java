package org.datenraum.ingest.cda.internal;

import java.time.Instant;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.FactValue;
import org.datenraum.ingest.cda.internal.EdDocument.Entry;

/** The fact one body statement becomes, before pseudonymisation. Immutable. */
record FactSpec(String type, Coding code, Instant start, FactValue value, String status,
    List<Attribute> attributes) {

  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  FactSpec {
    attributes = List.copyOf(attributes);
  }

  static FactSpec time(String code, Instant at) {
    return new FactSpec("Observation", new Coding(VisitMapper.ED_TIMES, code), at, null, "final", List.of());
  }

  /** The fact of an entry, or null for entries that only qualify the encounter. */
  static FactSpec of(Entry e, Instant admission) {
    Instant at = e.time() == null || e.time().instant() == null ? admission : e.time().instant();
    return switch (e.kind()) {
      case COMPLAINT -> observation("75322-8", at, coded(new Coding(CodeSystems.CEDIS, e.value().code())));
      case TRIAGE -> observation("11283-9", e.time() == null ? null : e.time().instant(),
          coded(VisitMapper.coding(e.value())));
      case REFERRAL -> observation("11293-8", at, e.value() == null ? null : coded(VisitMapper.coding(e.value())));
      case TRANSPORT -> observation("11459-5", at, e.value() == null ? null : coded(VisitMapper.coding(e.value())));
      case VITAL -> e.code() == null || e.measure() == null ? null
          : new FactSpec("Observation", VisitMapper.coding(e.code()), at,
              new FactValue.Quantity(e.measure().value(), e.measure().unit(), null), "final", List.of());
      case DIAGNOSIS -> diagnosis(e, at);
      case DIAGNOSTIC -> e.code() == null ? null : new FactSpec("Observation", VisitMapper.coding(e.code()),
          at, e.value() == null ? null : coded(VisitMapper.coding(e.value())),
          e.negated() ? "cancelled" : "final", List.of());
      case ISOLATION -> new FactSpec("Procedure", VisitMapper.coding(e.code()), at, null,
          e.negated() ? "not-done" : "completed", List.of());
      case ISOLATION_REASON -> observation("44100-6", at, coded(VisitMapper.coding(e.value())));
      case PATHOGEN -> new FactSpec("Condition", VisitMapper.coding(e.code()), at, null, null,
          List.of(new Attribute("verificationStatus",
              new Coding(VERIFICATION, e.negated() ? "refuted" : "confirmed"))));
      case TRANSFER -> null;
      case MEDICATION -> new FactSpec("MedicationStatement", VisitMapper.coding(e.code()), at, null,
          medicationStatus(e), attributes(e));
      case INJURY -> new FactSpec("Observation", VisitMapper.coding(e.code()), at,
          coded(VisitMapper.coding(e.value())), "final", attributes(e));
      case INTOXICATION -> observation("88068-2", at, coded(VisitMapper.coding(e.value())));
    };
  }

  /** FHIR MedicationStatement's status for the CDA statusCode (a negated statement: not taken). */
  private static String medicationStatus(Entry e) {
    if (e.negated()) {
      return "not-taken";
    }
    return switch (e.status() == null ? "" : e.status()) {
      case "active" -> "active";
      case "completed" -> "completed";
      case "aborted" -> "stopped";
      case "suspended", "held" -> "on-hold";
      case "cancelled" -> "not-taken";
      default -> "unknown";
    };
  }

  private static List<Attribute> attributes(Entry e) {
    return e.qualifiers().stream().map(q -> new Attribute(q.key(), VisitMapper.coding(q.code()))).toList();
  }

  private static FactSpec diagnosis(Entry e, Instant at) {
    EdDocument.Code v = e.value();
    Coding code = CodeSystemUrls.isIcd10Gm(v.system(), v.systemName())
        ? new Coding(CodeSystems.ICD10_GM, v.code()) : VisitMapper.coding(v);
    List<Attribute> attributes = e.leading()
        ? List.of(new Attribute("diagnosis.rank", new Coding("", "1"))) : List.of();
    if (e.negated()) {
      attributes = List.of(new Attribute("verificationStatus", new Coding(VERIFICATION, "refuted")));
    }
    return new FactSpec("Condition", code, at, null, null, attributes);
  }

  private static FactSpec observation(String loinc, Instant at, FactValue value) {
    return new FactSpec("Observation", new Coding(CodeSystems.LOINC, loinc), at, value, "final", List.of());
  }

  private static FactValue coded(Coding c) {
    return new FactValue.Coded(c);
  }
}
