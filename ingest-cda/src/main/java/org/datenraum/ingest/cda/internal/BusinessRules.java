package org.datenraum.ingest.cda.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.datenraum.core.Cedis;
import org.datenraum.ingest.cda.CdaIssue;
import org.datenraum.ingest.cda.internal.EdDocument.Entry;
import org.datenraum.ingest.cda.internal.EdDocument.Header;
import org.datenraum.ingest.cda.internal.EdDocument.Id;
import org.datenraum.ingest.cda.internal.EdDocument.Kind;
import org.datenraum.ingest.cda.internal.EdDocument.Timed;

/**
 * AKTIN's rules for an emergency department document beyond the CDA schema: a supported
 * template, the patient's and the encounter's identifiers, an admission time, times that are TS
 * values, CEDIS codes from the list, triage levels 1 to 5, ICD-10-GM codes of the right shape.
 * Stateless.
 */
public final class BusinessRules {

  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z-]{0,3})?[+*!\u2020]?");
  private static final Set<String> LEVELS = Set.of("1", "2", "3", "4", "5");
  private static final String ROOT = "/cda:ClinicalDocument";

  private BusinessRules() {}

  public static List<CdaIssue> check(EdDocument doc, Set<String> templates) {
    List<CdaIssue> issues = new ArrayList<>();
    Header h = doc.header();
    if (h.template() == null || !templates.contains(h.template())) {
      issues.add(CdaIssue.invalid("DR-7204", "not-supported", "The document's template `" + h.template()
          + "` is not supported: send AKTIN Basismodul v2 (1.2.276.0.76.10.1019) or the 2026"
          + " transition version (1.2.276.0.76.3.1.195.10.93).", ROOT + "/cda:templateId"));
    }
    identifier(h.patient(), "patient", ROOT + "/cda:recordTarget/cda:patientRole/cda:id", "DR-7205", issues);
    identifier(h.encounter(), "encounter",
        ROOT + "/cda:componentOf/cda:encompassingEncounter/cda:id", "DR-7206", issues);
    if (h.admission() == null) {
      issues.add(CdaIssue.invalid("DR-7207", "required", "The document has no admission time: give"
          + " `componentOf/encompassingEncounter/effectiveTime/low/@value` as YYYYMMDDhhmm.",
          ROOT + "/cda:componentOf/cda:encompassingEncounter/cda:effectiveTime"));
    }
    for (Timed t : new Timed[] {h.admission(), h.discharge(), h.physician(), h.therapy()}) {
      time(t, issues);
    }
    for (Entry e : doc.entries()) {
      entry(e, issues);
    }
    return issues;
  }

  private static void identifier(Id id, String what, String xpath, String code, List<CdaIssue> issues) {
    if (id == null || id.root() == null || id.extension() == null) {
      issues.add(CdaIssue.invalid(code, "required", "The document lacks the " + what
          + " identifier (`root` and `extension`) at `" + xpath + "`: give the identifier your"
          + " information system assigns, so that a resent document updates the same " + what + ".",
          id == null ? xpath : id.xpath()));
    }
  }

  private static void time(Timed t, List<CdaIssue> issues) {
    if (t != null && t.instant() == null) {
      issues.add(CdaIssue.invalid("DR-7208", "value", "The time `" + t.written() + "` at `" + t.xpath()
          + "` is no HL7 TS value: write YYYYMMDDhhmm[ss][+zzzz].", t.xpath()));
    }
  }

  private static void entry(Entry e, List<CdaIssue> issues) {
    time(e.time(), issues);
    if (e.kind() == Kind.COMPLAINT && Cedis.list().code(e.value().code()) == null) {
      issues.add(CdaIssue.invalid("DR-7209", "code-invalid", "The CEDIS code `" + e.value().code()
          + "` at `" + e.value().xpath() + "` is not in the CEDIS presenting complaint list 3.0:"
          + " use a code of that list (OTH for another complaint).", e.value().xpath()));
    }
    if (e.kind() == Kind.TRIAGE && !LEVELS.contains(e.value().code())) {
      issues.add(CdaIssue.invalid("DR-7210", "code-invalid", "The triage level `" + e.value().code()
          + "` at `" + e.value().xpath() + "` is not a level of MTS or ESI: use 1 to 5.",
          e.value().xpath()));
    }
    if (e.kind() == Kind.DIAGNOSIS
        && CodeSystemUrls.isIcd10Gm(e.value().system(), e.value().systemName())
        && !ICD10.matcher(e.value().code()).matches()) {
      issues.add(CdaIssue.invalid("DR-7211", "code-invalid", "The diagnosis `" + e.value().code()
          + "` at `" + e.value().xpath() + "` is no ICD-10-GM code: write it as A00.0.",
          e.value().xpath()));
    }
  }
}
