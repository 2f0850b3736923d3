package org.datenraum.ingest.cda.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.ingest.cda.internal.EdDocument.Entry;
import org.datenraum.ingest.cda.internal.EdDocument.Header;
import org.datenraum.ingest.cda.internal.EdDocument.Kind;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;

/**
 * Maps a checked emergency department document to pseudonymised resources and facts (see
 * docs/emergency.md for the table). Immutable and thread-safe.
 */
public final class VisitMapper {

  /** Code system of the times AKTIN records that have no standard code. */
  public static final String ED_TIMES = "urn:datenraum:ed";
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private final KeyedPseudonymizer keyed;

  public VisitMapper(KeyedPseudonymizer keyed) {
    this.keyed = requireNonNull(keyed, "keyed");
  }

  /** The pseudonyms of one document's patient identifier and encounter. */
  public record Subjects(String identifier, String fallbackPatient, String encounter) {}

  public Subjects subjects(EdDocument doc) {
    Header h = doc.header();
    String patient = "urn:oid:" + h.patient().root() + "|" + h.patient().extension();
    return new Subjects(keyed.pseudonym(PseudonymDomain.IDENTIFIER, patient),
        keyed.pseudonym(PseudonymDomain.PATIENT, patient),
        keyed.pseudonym(PseudonymDomain.ENCOUNTER,
            "urn:oid:" + h.encounter().root() + "|" + h.encounter().extension()));
  }

  /** The visit's resources: the encounter first, then one resource per statement. */
  public List<ResourceRecord> visit(EdDocument doc, String patient, String encounter) {
    Header h = doc.header();
    Instant admission = h.admission().instant();
    List<ResourceRecord> out = new ArrayList<>();
    out.add(null);
    List<Attribute> attributes = new ArrayList<>();
    int n = 0;
    for (Entry e : doc.entries()) {
      n++;
      encounterAttribute(e, attributes);
      FactSpec spec = FactSpec.of(e, admission);
      if (spec != null) {
        out.add(resource(spec, patient, encounter, n));
      }
    }
    if (h.physician() != null) {
      out.add(resource(FactSpec.time("physician-contact", h.physician().instant()), patient, encounter, -1));
    }
    if (h.therapy() != null) {
      out.add(resource(FactSpec.time("therapy-start", h.therapy().instant()), patient, encounter, -2));
    }
    if (h.disposition() != null) {
      attributes.add(new Attribute("hospitalization.dischargeDisposition", coding(h.disposition())));
    }
    Instant discharge = h.discharge() == null ? null : h.discharge().instant();
    Fact visit = new Fact(patient, encounter, "Encounter", encounter, new Coding(ACT_CODE, "EMER"),
        admission, discharge, null, discharge == null ? "in-progress" : "finished", attributes);
    List<String> keys = out.stream().skip(1).map(r -> r.key().toString()).toList();
    out.set(0, new ResourceRecord(new ResourceKey("Encounter", encounter), patient, encounter,
        List.of(visit), ResourceJson.encounter(encounter, patient, keys), null, List.of()));
    return out;
  }

  /** The patient's resource: birth year and month and sex, nothing identifying. */
  public ResourceRecord patient(EdDocument doc, String patient) {
    Header h = doc.header();
    YearMonth birth = h.birth() == null ? null : YearMonth.from(h.birth());
    Sex sex = switch (h.gender() == null ? "" : h.gender()) {
      case "M" -> Sex.MALE;
      case "F" -> Sex.FEMALE;
      case "UN", "D", "X" -> Sex.OTHER;
      default -> Sex.UNKNOWN;
    };
    return new ResourceRecord(new ResourceKey("Patient", patient), patient, null, List.of(),
        ResourceJson.patient(patient, birth, sex), new PatientRecord(patient, birth, sex, false), List.of());
  }

  private ResourceRecord resource(FactSpec spec, String patient, String encounter, int n) {
    String id = keyed.pseudonym(PseudonymDomain.RESOURCE, spec.type() + "/" + encounter + "#" + n);
    Fact fact = new Fact(patient, encounter, spec.type(), id, spec.code(), spec.start(), spec.start(),
        spec.value(), spec.status(), spec.attributes());
    return new ResourceRecord(new ResourceKey(spec.type(), id), patient, encounter, List.of(fact),
        ResourceJson.of(fact), null, List.of());
  }

  private static void encounterAttribute(Entry e, List<Attribute> attributes) {
    if (e.kind() == Kind.COMPLAINT) {
      attributes.add(new Attribute("reasonCode", new Coding(CodeSystems.CEDIS, e.value().code())));
    } else if (e.kind() == Kind.REFERRAL && e.value() != null) {
      attributes.add(new Attribute("hospitalization.admitSource", coding(e.value())));
    } else if (e.kind() == Kind.TRANSFER && e.code() != null) {
      attributes.add(new Attribute("hospitalization.dischargeDisposition", coding(e.code())));
    }
  }

  static Coding coding(EdDocument.Code c) {
    return new Coding(CodeSystemUrls.of(c.system()), c.code());
  }
}
