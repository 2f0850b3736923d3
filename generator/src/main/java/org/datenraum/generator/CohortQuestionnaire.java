package org.datenraum.generator;

import java.util.SplittableRandom;

/**
 * The cohort's visit questionnaire: smoking status (LOINC answers of 72166-2), breathlessness on
 * the mMRC scale (0-4), the EQ VAS (0-100), body weight (kg) and fatigue (yes/no); and the answers
 * of one patient at one visit, which drift a little from visit to visit.
 */
final class CohortQuestionnaire {

  static final String SMOKING = "smoking";
  static final String MMRC = "dyspnoea-mmrc";
  static final String EQ_VAS = "eq-vas";
  static final String WEIGHT = "weight";
  static final String FATIGUE = "fatigue";
  static final String CURRENT = "LA18976-3";
  static final String FORMER = "LA15920-4";
  static final String NEVER = "LA18978-9";
  private static final String[][] SMOKING_ANSWERS = {
    {CURRENT, "Current every day smoker"}, {FORMER, "Former smoker"}, {NEVER, "Never smoker"}};

  private CohortQuestionnaire() {}

  /** One visit's answers. */
  record Visit(String smoking, int mmrc, int eqVas, double weight, boolean fatigue) {}

  /** A patient's answers over the visits: each visit's drawn from the one before. */
  static final class Answers {
    private int smoking;
    private int mmrc;
    private double eqVas;
    private double weight;
    private boolean first = true;

    Answers(SplittableRandom rng, PatientContext p) {
      double u = rng.nextDouble();
      smoking = u < 0.25 ? 0 : u < 0.55 ? 1 : 2;
      mmrc = (int) Math.min(4, Math.floor(-Math.log(1 - rng.nextDouble()) * (p.chronic.isEmpty() ? 0.8 : 1.6)));
      eqVas = Draw.normal(rng, 72 - 6 * mmrc, 14);
      weight = p.weightKg;
    }

    Visit next(SplittableRandom rng) {
      if (!first) {
        if (smoking == 0 && rng.nextDouble() < 0.1) {
          smoking = 1;
        }
        mmrc = Math.max(0, Math.min(4, mmrc + (rng.nextDouble() < 0.2 ? (rng.nextBoolean() ? 1 : -1) : 0)));
        eqVas = eqVas + Draw.normal(rng, 2, 8);
        weight = weight + Draw.normal(rng, 0, 1.5);
      }
      first = false;
      return new Visit(SMOKING_ANSWERS[smoking][0], mmrc, (int) Math.round(Math.max(0, Math.min(100, eqVas))),
          weight, rng.nextDouble() < 0.15 + 0.1 * mmrc);
    }
  }

  /** The Questionnaire resource. */
  static void definition(FhirOut o, CohortStudy study) {
    o.begin("Questionnaire", Ids.uuid(Draw.hash(study.name), 7), null);
    o.str("url", study.questionnaire()).str("version", "1.0").str("name", "VisitQuestionnaire")
        .str("title", study.name + " visit").sym("status", "active");
    o.array("item");
    o.open(null).str("linkId", SMOKING).str("text", "Tobacco smoking status").sym("type", "choice");
    o.array("code").coding(Profiles.LOINC, "72166-2", "Tobacco smoking status").closeArray();
    o.array("answerOption");
    for (String[] a : SMOKING_ANSWERS) {
      o.open(null).open("valueCoding").sym("system", Profiles.LOINC).sym("code", a[0]).str("display", a[1])
          .close().close();
    }
    o.closeArray().close();
    item(o, MMRC, "Breathlessness (mMRC grade 0-4)", "integer");
    item(o, EQ_VAS, "EQ VAS: your health today (0-100)", "integer");
    item(o, WEIGHT, "Body weight (kg)", "decimal");
    item(o, FATIGUE, "Fatigue in the last two weeks", "boolean");
    o.closeArray().end();
  }

  private static void item(FhirOut o, String linkId, String text, String type) {
    o.open(null).str("linkId", linkId).str("text", text).sym("type", type).close();
  }

  /** One visit's QuestionnaireResponse. */
  static void response(PatientContext p, CohortStudy study, String id, String encounter, long at, Visit v) {
    FhirOut o = p.out(ResourceType.QuestionnaireResponse).begin("QuestionnaireResponse", id, null);
    o.str("questionnaire", study.questionnaire() + "|1.0").sym("status", "completed");
    o.ref("subject", "Patient", p.id).ref("encounter", "Encounter", encounter).dateTime("authored", at);
    o.array("item");
    o.open(null).str("linkId", SMOKING).array("answer").open(null).open("valueCoding")
        .sym("system", Profiles.LOINC).sym("code", v.smoking()).close().close().closeArray().close();
    o.open(null).str("linkId", MMRC).array("answer").open(null).integer("valueInteger", v.mmrc()).close()
        .closeArray().close();
    o.open(null).str("linkId", EQ_VAS).array("answer").open(null).integer("valueInteger", v.eqVas()).close()
        .closeArray().close();
    o.open(null).str("linkId", WEIGHT).array("answer").open(null).field("valueDecimal").number(v.weight(), 1)
        .close().closeArray().close();
    o.open(null).str("linkId", FATIGUE).array("answer").open(null).bool("valueBoolean", v.fatigue()).close()
        .closeArray().close();
    o.closeArray().end();
  }
}
