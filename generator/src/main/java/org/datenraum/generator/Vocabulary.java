package org.datenraum.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The code lists and weights the generator draws from, loaded once from {@code vocab/}. Immutable. */
final class Vocabulary {

  /**
   * A presenting problem and everything that follows from it, in four groups; the accessors of
   * the single values stay for the code that draws cases. Immutable (the arrays are copied).
   */
  record CaseType(Presentation presentation, Course course, Population population, Workup workup) {

    CaseType {
      java.util.Objects.requireNonNull(presentation, "presentation");
      java.util.Objects.requireNonNull(course, "course");
      java.util.Objects.requireNonNull(population, "population");
      java.util.Objects.requireNonNull(workup, "workup");
    }

    String key() {
      return presentation.key();
    }

    String icd() {
      return presentation.icd();
    }

    String display() {
      return presentation.display();
    }

    String cedis() {
      return presentation.cedis();
    }

    int acuity() {
      return presentation.acuity();
    }

    String department() {
      return presentation.department();
    }

    double los() {
      return course.los();
    }

    String season() {
      return population.season();
    }

    /** The weight of an age band, read without copying the weights (drawn per patient). */
    double ageWeight(int band) {
      return population.ageWeights[band];
    }

    double male() {
      return population.male();
    }

    double weight() {
      return population.weight();
    }

    List<String> panels() {
      return workup.panels();
    }

    Map<String, Double> labEffects() {
      return workup.labEffects();
    }

    List<Drug> drugs() {
      return workup.drugs();
    }

    List<String> ops() {
      return workup.ops();
    }

    Map<String, Double> micro() {
      return workup.micro();
    }

    double pAdmit() {
      return course.care[0];
    }

    double pIcu() {
      return course.care[1];
    }

    double pVentilated() {
      return course.care[2];
    }

    boolean elective() {
      return presentation.cedis().equals("-");
    }
  }

  /** What the patient comes with: the case's key, diagnosis, CEDIS complaint, acuity, department. */
  record Presentation(String key, String icd, String display, String cedis, int acuity, String department) {
    Presentation {
      java.util.Objects.requireNonNull(key, "key");
      java.util.Objects.requireNonNull(icd, "icd");
      java.util.Objects.requireNonNull(cedis, "cedis");
    }
  }

  /** How the stay goes: probabilities of admission, intensive care, ventilation; length of stay. */
  record Course(double[] care, double los) {
    Course {
      if (care.length != 3) {
        throw new IllegalArgumentException("care needs admission, ICU and ventilation probabilities");
      }
      care = care.clone();
    }

    @Override
    public double[] care() {
      return care.clone();
    }
  }

  /** Who has it and when: season, weights by age band, share of men, overall frequency. */
  record Population(String season, double[] ageWeights, double male, double weight) {
    Population {
      java.util.Objects.requireNonNull(season, "season");
      ageWeights = ageWeights.clone();
    }

    @Override
    public double[] ageWeights() {
      return ageWeights.clone();
    }
  }

  /** What is done: lab panels and their effects, drugs (null where none), procedures, microbiology. */
  record Workup(List<String> panels, Map<String, Double> labEffects, List<Drug> drugs, List<String> ops,
      Map<String, Double> micro) {
    Workup {
      panels = List.copyOf(panels);
      labEffects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labEffects));
      drugs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(drugs));
      ops = List.copyOf(ops);
      micro = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(micro));
    }
  }

  record LabTest(String loinc, String display, String ucum, String unit, double[] range,
      int decimals, String panel) {
    double low(boolean male) {
      return male ? range[0] : range[2];
    }

    double high(boolean male) {
      return male ? range[1] : range[3];
    }
  }

  record Drug(String atc, String display, double dose, String ucum, String route, int perDay,
      String kind, int index) {}

  record Chronic(String icd, String display, String cluster, double pInCluster,
      double pBackground, String boostIf, double boost, Drug drug) {}

  record Cluster(String name, double[] pByAgeBand) {}

  record Pathogen(String key, String loinc, String display, String specimen,
      String specimenDisplay) {}

  record City(String name, String postalCode, String ags) {}

  final List<CaseType> cases = new ArrayList<>();
  final Map<String, CaseType> caseByKey = new HashMap<>();
  final List<LabTest> labs = new ArrayList<>();
  final Map<String, LabTest> labByLoinc = new HashMap<>();
  final List<Drug> drugs = new ArrayList<>();
  final Map<String, Drug> drugByAtc = new HashMap<>();
  final List<Chronic> chronic = new ArrayList<>();
  final List<Cluster> clusters = new ArrayList<>();
  final Map<String, Pathogen> pathogens = new HashMap<>();
  final Map<String, String> departments = new HashMap<>();
  final Map<String, String> cedis = new HashMap<>();
  final Map<String, String> ops = new HashMap<>();
  final Map<String, double[]> seasons = new HashMap<>();
  final List<City> cities = new ArrayList<>();
  final List<String> maleNames = Tsv.lines("first-names-male.txt");
  final List<String> femaleNames = Tsv.lines("first-names-female.txt");
  final List<String> surnames = Tsv.lines("surnames.txt");
  final List<String> streets = Tsv.lines("streets.txt");
  final double[] edHourWeights;
  final double[] edWeekdayWeights;

  private static final Vocabulary INSTANCE = new Vocabulary();

  static Vocabulary get() {
    return INSTANCE;
  }

  private Vocabulary() {
    for (String[] r : Tsv.rows("drugs.tsv")) {
      Drug d = new Drug(r[0], r[1], Double.parseDouble(r[2]), r[3], r[4],
          Integer.parseInt(r[5]), r[6], drugs.size());
      drugs.add(d);
      drugByAtc.put(d.atc(), d);
    }
    for (String[] r : Tsv.rows("labs.tsv")) {
      LabTest t = new LabTest(r[0], r[1], r[2], r[3], Tsv.doubles(r, 4, 8),
          Integer.parseInt(r[8]), r[9]);
      labs.add(t);
      labByLoinc.put(t.loinc(), t);
    }
    Tsv.rows("departments.tsv").forEach(r -> departments.put(r[0], r[1]));
    Tsv.rows("cedis.tsv").forEach(r -> cedis.put(r[0], r[1]));
    Tsv.rows("ops.tsv").forEach(r -> ops.put(r[0], r[1]));
    Tsv.rows("seasons.tsv").forEach(r -> seasons.put(r[0], Tsv.doubles(r, 1, 13)));
    Tsv.rows("cities.tsv").forEach(r -> cities.add(new City(r[0], r[1], r[2])));
    for (String[] r : Tsv.rows("pathogens.tsv")) {
      pathogens.put(r[0], new Pathogen(r[0], r[1], r[2], r[3], r[4]));
    }
    Tsv.rows("clusters.tsv").forEach(r -> clusters.add(new Cluster(r[0], Tsv.doubles(r, 1, 4))));
    for (String[] r : Tsv.rows("chronic.tsv")) {
      chronic.add(new Chronic(r[0], r[1], r[2], Double.parseDouble(r[3]),
          Double.parseDouble(r[4]), r[5], Double.parseDouble(r[6]), drug(r[7])));
    }
    for (String[] r : Tsv.rows("cases.tsv")) {
      CaseType c = caseType(r);
      cases.add(c);
      caseByKey.put(c.key(), c);
    }
    double[] hours = null;
    double[] weekdays = null;
    for (String[] r : Tsv.rows("ed-arrivals.tsv")) {
      if (r[0].equals("hour")) {
        hours = Tsv.doubles(r, 1, 25);
      } else {
        weekdays = Tsv.doubles(r, 1, 8);
      }
    }
    edHourWeights = hours;
    edWeekdayWeights = weekdays;
  }

  private CaseType caseType(String[] r) {
    return new CaseType(new Presentation(r[0], r[1], r[2], r[3], Integer.parseInt(r[4]), r[5]),
        new Course(Tsv.doubles(r, 6, 9), Double.parseDouble(r[9])),
        new Population(r[10], Tsv.doubles(r, 11, 14), Double.parseDouble(r[14]), Double.parseDouble(r[20])),
        new Workup(list(r[15], ","), numbers(r[16]), list(r[17], "\\|").stream().map(this::drug).toList(),
            list(r[18], "\\|"), numbers(r[19])));
  }

  private Drug drug(String atc) {
    if (atc.equals("-")) {
      return null;
    }
    Drug d = drugByAtc.get(atc);
    if (d == null) {
      throw new IllegalStateException("drug " + atc + " is used but missing from drugs.tsv");
    }
    return d;
  }

  private static List<String> list(String cell, String sep) {
    return cell.equals("-") ? List.of() : List.of(cell.split(sep));
  }

  private static Map<String, Double> numbers(String cell) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String part : list(cell, "\\|")) {
      String[] kv = part.split("[:*]");
      m.put(kv[0], Double.parseDouble(kv[1]));
    }
    return Collections.unmodifiableMap(m);
  }
}
