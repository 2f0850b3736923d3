package org.datenraum.generator;

import java.util.SplittableRandom;

/**
 * A cohort study at the hospital (option {@code --cohort NAME}): a ResearchStudy with two arms and
 * a visit Questionnaire, and for a share of the adult patients with broad consent a ResearchSubject
 * (enrolment at their first contact), study visits (baseline, then months 3, 6 and 12 while the
 * patient is alive and the period lasts) with a serum and a plasma sample for the biobank, and
 * a QuestionnaireResponse per visit. The study and its
 * questionnaire are named alike at every site, so that criteria on them are network-wide. Draws
 * from a random stream of its own per patient, so the rest of a record does not depend on it.
 * Immutable and thread-safe.
 */
final class CohortStudy {

  /** The system of study identifiers, the same at every site. */
  static final String STUDY_SYSTEM = "https://fhir.datenraum.example/sid/study";
  /** Where the visit questionnaires live, the same at every site. */
  static final String QUESTIONNAIRES = "https://fhir.datenraum.example/Questionnaire/";
  static final String[] ARMS = {"hospitalised", "ambulatory"};
  /** Share of eligible patients (adult, broad consent, in contact with the hospital) enrolled. */
  static final double ENROLMENT = 0.3;
  private static final long SALT = 0x5deece66dL;
  private static final long COHORT_IDS = 3L << 60;
  private static final long DAY = 86_400;
  private static final int[] FOLLOW_UP_DAYS = {90, 180, 365};
  private static final String[] VISITS = {"baseline", "month-3", "month-6", "month-12"};

  final String name;
  final String slug;
  final String studyId;

  CohortStudy(String name) {
    this.name = name;
    this.slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
    this.studyId = Ids.uuid(Draw.hash(name), COHORT_IDS);
  }

  /** The canonical URL of the visit questionnaire. */
  String questionnaire() {
    return QUESTIONNAIRES + slug + "-visit";
  }

  /** The visit code system of the study (Encounter.type of a study visit). */
  String visitSystem() {
    return "https://fhir.datenraum.example/CodeSystem/" + slug + "-visit";
  }

  /** The study's own resources: the ResearchStudy and its visit Questionnaire. */
  void writeStudy(Sinks sinks, long start, long end) {
    FhirOut s = sinks.of(ResourceType.ResearchStudy).begin("ResearchStudy", studyId, null);
    s.array("identifier").open(null).sym("system", STUDY_SYSTEM).str("value", name).close().closeArray();
    s.str("title", name).sym("status", "active");
    s.concept("primaryPurposeType", "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type",
        "health-services-research", null);
    s.period("period", start, end);
    s.array("arm");
    for (String arm : ARMS) {
      s.open(null).str("name", arm).close();
    }
    s.closeArray().end();
    CohortQuestionnaire.definition(sinks.of(ResourceType.Questionnaire), this);
  }

  /** Enrols the patient by chance if eligible, with visits and answers. */
  void enrol(PatientContext p, long periodEnd) {
    SplittableRandom rng = new SplittableRandom(p.key ^ SALT);
    if (p.consent != PatientContext.ConsentState.RESEARCH_ALL || p.firstContact == Long.MAX_VALUE
        || p.ageAt(p.firstContact) < 18 || rng.nextDouble() >= ENROLMENT) {
      return;
    }
    String arm = ARMS[rng.nextDouble() < 0.6 ? 0 : 1];
    long baseline = (p.firstContact / DAY + 1) * DAY + 8 * 3600 + rng.nextInt(8 * 3600);
    long[] visits = new long[VISITS.length];
    int n = 0;
    for (int v = 0; v < VISITS.length; v++) {
      long at = v == 0 ? baseline : baseline + (FOLLOW_UP_DAYS[v - 1] - 7 + rng.nextInt(15)) * DAY;
      if (at >= periodEnd || (p.deathTime != Long.MIN_VALUE && at >= p.deathTime)) {
        break;
      }
      visits[n++] = at;
    }
    if (n == 0) {
      return;
    }
    boolean died = p.deathTime != Long.MIN_VALUE && p.deathTime < periodEnd;
    subject(p, arm, visits[0], died ? p.deathTime : Long.MIN_VALUE);
    CohortQuestionnaire.Answers answers = new CohortQuestionnaire.Answers(rng, p);
    for (int v = 0; v < n; v++) {
      String encounter = Ids.uuid(p.key, COHORT_IDS | (v << 1));
      visit(p, encounter, VISITS[v], visits[v]);
      Biobank.collect(p, visits[v], 2);
      CohortQuestionnaire.response(p, this, Ids.uuid(p.key, COHORT_IDS | (v << 1) | 1), encounter,
          visits[v], answers.next(rng));
    }
  }

  private void subject(PatientContext p, String arm, long start, long end) {
    FhirOut o = p.out(ResourceType.ResearchSubject).begin("ResearchSubject", Ids.uuid(p.key, COHORT_IDS | 0xFFF), null);
    o.sym("status", end == Long.MIN_VALUE ? "on-study" : "off-study");
    o.open("period").dateTime("start", start);
    if (end != Long.MIN_VALUE) {
      o.dateTime("end", end);
    }
    o.close();
    o.ref("study", "ResearchStudy", studyId);
    o.ref("individual", "Patient", p.id);
    o.str("assignedArm", arm).str("actualArm", arm);
    o.end();
  }

  private void visit(PatientContext p, String id, String visit, long at) {
    FhirOut o = p.out(ResourceType.Encounter).begin("Encounter", id, null);
    o.sym("status", "finished");
    o.open("class").sym("system", Profiles.ACT_CODE).sym("code", "AMB").close();
    o.concepts("type", visitSystem(), visit, null);
    o.ref("subject", "Patient", p.id);
    o.period("period", at, at + 3600);
    o.end();
  }
}
