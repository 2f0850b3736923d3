package org.datenraum.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.datenraum.generator.PatientContext.ConsentState;
import org.datenraum.generator.Vocabulary.CaseType;
import org.datenraum.generator.Vocabulary.Chronic;
import org.datenraum.generator.Vocabulary.Cluster;

/**
 * Writes one patient's complete record: who they are, their chronic conditions, and every
 * contact with the hospital in the generated period. Immutable and thread-safe; each patient's
 * randomness comes from a seed derived from the run's seed, the site and the patient number.
 */
final class PatientStory {

  /** How chronic conditions make some acute problems more likely. */
  private static final Map<String, Map<String, Double>> PROPENSITY = Map.of(
      "J44.99", Map.of("COPD_EX", 8.0, "PNEUMONIA", 1.8),
      "I50.13", Map.of("HEART_FAILURE", 5.0),
      "I48.1", Map.of("AFIB", 3.0, "STROKE", 1.6),
      "I25.19", Map.of("NSTEMI", 2.5, "ELECTIVE_CORONARY", 3.0, "CHEST_PAIN", 1.5),
      "F03", Map.of("DELIRIUM", 6.0, "HIP_FRACTURE", 1.8),
      "F10.2", Map.of("INTOXICATION", 5.0, "GI_BLEED", 2.0),
      "N18.3", Map.of("DEHYDRATION", 2.0, "SEPSIS", 1.4),
      "E11.90", Map.of("SEPSIS", 1.3, "UTI", 1.3));
  private static final double COPD_WITHOUT_COPD = 0.15;

  private final GeneratorConfig config;
  private final Site site;
  private final Vocabulary vocab;
  private final Demography demography;
  private final ArrivalCalendar calendar;
  private final long startDay;
  private final CohortStudy cohort;

  PatientStory(GeneratorConfig config, Site site, Vocabulary vocab, Demography demography,
      ArrivalCalendar calendar, CohortStudy cohort) {
    this.config = config;
    this.cohort = cohort;
    this.site = site;
    this.vocab = vocab;
    this.demography = demography;
    this.calendar = calendar;
    this.startDay = config.start().toEpochDay();
  }

  void write(long index, Sinks out) {
    long key = Draw.mix(config.seed() * 0x9e3779b97f4a7c15L ^ site.hash ^ Draw.mix(index + 1));
    PatientContext p = new PatientContext(key, index, out, site, vocab);
    person(p);
    chronic(p);
    OutbreakSpec outbreak = outbreakOf(index);
    long[] arrivals;
    CaseType[] cases;
    if (outbreak != null) {
      cases = new CaseType[] {vocab.caseByKey.get(outbreak.caseType())};
      arrivals = new long[] {calendar.outbreakArrival(p.rng, outbreak)};
    } else {
      int n = contacts(p);
      cases = new CaseType[n];
      arrivals = new long[n];
      double[] weights = caseWeights(p);
      for (int i = 0; i < n; i++) {
        cases[i] = vocab.cases.get(Draw.index(p.rng, weights));
        arrivals[i] = cases[i].elective() ? calendar.electiveAdmission(p.rng)
            : calendar.emergencyArrival(p.rng, cases[i].season());
      }
    }
    care(p, cases, arrivals);
    if (cohort != null) {
      cohort.enrol(p, calendar.end());
    }
    PersonRecords.patient(p);
    PersonRecords.consent(p);
  }

  private void care(PatientContext p, CaseType[] cases, long[] arrivals) {
    Integer[] order = new Integer[arrivals.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(arrivals[a], arrivals[b]));
    long free = Long.MIN_VALUE;
    for (int i : order) {
      long at = arrivals[i];
      if (p.dead() || at < free || at >= calendar.end() || at < calendar.start()) {
        continue;
      }
      CaseType c = cases[i];
      int age = p.ageAt(at);
      p.firstContact = Math.min(p.firstContact, at);
      Physiology.Vitals vitals = new Physiology.Vitals(p, c, age);
      boolean admitted = c.elective() || p.rng.nextDouble() < c.pAdmit();
      long end = at;
      if (!c.elective()) {
        end = EmergencyVisit.write(p, c, at, admitted, vitals, age);
      }
      if (admitted) {
        end = InpatientStay.write(p, c, end, !c.elective(), vitals, age);
      }
      free = end + 3600;
    }
  }

  private void person(PatientContext p) {
    int group = demography.group(p.rng);
    p.ageAtStart = demography.age(p.rng, group);
    p.male = demography.male(p.rng, group);
    p.birthDay = startDay - Math.round(p.ageAtStart * 365.25) - p.rng.nextInt(365);
    double adultHeight = p.male ? Draw.normal(p.rng, 179, 7) : Draw.normal(p.rng, 166, 6.5);
    p.heightCm = p.ageAtStart >= 16 ? adultHeight : 55 + p.ageAtStart * 6.5;
    p.weightKg = p.ageAtStart >= 16 ? Draw.logNormal(p.rng, p.male ? 86 : 72, 0.18)
        : 3.5 + p.ageAtStart * 3.2;
    double u = p.rng.nextDouble();
    p.consent = u < 0.70 ? ConsentState.RESEARCH_ALL : u < 0.78 ? ConsentState.DATA_ONLY
        : u < 0.88 ? ConsentState.REFUSED : ConsentState.NOT_ASKED;
  }

  private void chronic(PatientContext p) {
    int band = p.ageAtStart < 15 ? 0 : p.ageAtStart < 65 ? 1 : 2;
    for (Cluster cluster : vocab.clusters) {
      boolean active = p.rng.nextDouble() < cluster.pByAgeBand()[band];
      for (Chronic ch : vocab.chronic) {
        if (!ch.cluster().equals(cluster.name()) || band == 0 && ch.icd().startsWith("E66")) {
          continue;
        }
        double prob = active ? ch.pInCluster() : ch.pBackground();
        if (!ch.boostIf().equals("-") && p.has(ch.boostIf())) {
          prob = Math.min(0.95, prob * ch.boost());
        }
        if (p.rng.nextDouble() < prob) {
          p.chronic.add(ch);
        }
      }
    }
  }

  /** Most patients come once; multimorbid patients come back more often. */
  private int contacts(PatientContext p) {
    double extra = 0.18 + 0.10 * p.chronic.size();
    int n = 1;
    while (n < 12 && p.rng.nextDouble() < extra / (1 + extra)) {
      n++;
    }
    return n;
  }

  private double[] caseWeights(PatientContext p) {
    int band = p.ageAtStart < 15 ? 0 : p.ageAtStart < 65 ? 1 : 2;
    List<CaseType> all = vocab.cases;
    double[] w = new double[all.size()];
    for (int i = 0; i < w.length; i++) {
      CaseType c = all.get(i);
      double sex = p.male ? 2 * c.male() / (1 + c.male()) : 2 / (1 + c.male());
      w[i] = c.weight() * c.ageWeight(band) * sex * site.caseMix[i];
      if (c.key().equals("COPD_EX") && !p.has("J44.99")) {
        w[i] *= COPD_WITHOUT_COPD;
      }
      for (Chronic ch : p.chronic) {
        Map<String, Double> m = PROPENSITY.get(ch.icd());
        if (m != null) {
          w[i] *= m.getOrDefault(c.key(), 1.0);
        }
      }
    }
    return Draw.cumulative(w);
  }

  private OutbreakSpec outbreakOf(long index) {
    long i = index - config.patients();
    for (OutbreakSpec o : config.outbreaks()) {
      if (i >= 0 && i < o.extraCases()) {
        return o;
      }
      i -= o.extraCases();
    }
    return null;
  }

}
