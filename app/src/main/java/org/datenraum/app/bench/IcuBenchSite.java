package org.datenraum.app.bench;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.SiteStore;

/**
 * Synthetic ICU stays written straight into a site store as facts (generating and ingesting FHIR
 * for tens of millions of hourly values would take the benchmark's time many times over): per
 * stay hourly MAP, heart rate and urine output, tidal volume and FiO2 while ventilated,
 * norepinephrine in a third of the stays, RASS every 4 h, GCS every 8 h, labs every 12 h; half of
 * the stays invasively ventilated, some re-intubated, some with ARDS. One resource per stay and
 * day holds the day's facts of a kind, so that writing stays fast. Seeded: the same stays for the
 * same arguments.
 */
final class IcuBenchSite {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final String DEPARTMENT = "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel";
  private static final Coding IMP = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP");

  private final SplittableRandom random;
  private final int hours;
  private List<ResourceRecord> records = new ArrayList<>();
  private long facts;

  private IcuBenchSite(long seed, int days) {
    this.random = new SplittableRandom(seed);
    this.hours = days * 24;
  }

  /** Writes the stays into the store; returns the number of facts written. */
  static long write(SiteStore store, int stays, int days, long seed) {
    IcuBenchSite site = new IcuBenchSite(seed, days);
    for (int i = 0; i < stays; i++) {
      site.stay(i);
      if (site.records.size() > 20_000 || i == stays - 1) {
        store.write(new WriteBatch(site.records, List.of(), Map.of(), List.of()));
        site.records = new ArrayList<>();
      }
    }
    return site.facts;
  }

  private void stay(int i) {
    String p = "icu" + i;
    boolean child = random.nextInt(20) == 0;
    Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
        new PatientRecord(p, YearMonth.of(child ? 2015 : 1935 + random.nextInt(70), 6), sex, false),
        List.of()));
    long start = START.getEpochSecond() + random.nextLong(300L * 86400);
    Course c = new Course(p, start);
    c.add("Encounter", p + "-e", IMP, 0, (double) hours, null, List.of(new Attribute("serviceType",
        new Coding(DEPARTMENT, "3600"))));
    double height = child ? 135 + random.nextDouble(20) : 155 + random.nextDouble(40);
    if (random.nextInt(10) != 0) {
      c.observe("8302-2", 0.2, height, "cm");
    }
    c.observe("29463-7", 0.2, height - 100 + random.nextDouble(30), "kg");
    boolean ventilated = random.nextBoolean();
    int extubation = ventilated ? 60 + random.nextInt(140) : 0;
    if (ventilated) {
      c.ventilation("243147009", 1, extubation);
      if (random.nextInt(8) == 0) {
        c.ventilation("243147009", extubation + 20 + random.nextInt(20), extubation + 80);
      }
      if (random.nextInt(10) == 0) {
        c.add("Condition", p + "-ards", new Coding(CodeSystems.ICD10_GM, "J80.03"), 2, null, null,
            List.of());
      }
    }
    boolean shock = random.nextInt(3) == 0;
    c.hourly(height, sex, ventilated, extubation, shock);
    records.addAll(c.resources());
    facts += c.count;
  }

  /** The facts of one stay, grouped into resources by day and kind. */
  private final class Course {
    final String patient;
    final long start;
    final Map<String, List<Fact>> byResource = new java.util.LinkedHashMap<>();
    int count;

    Course(String patient, long start) {
      this.patient = patient;
      this.start = start;
    }

    void hourly(double height, Sex sex, boolean ventilated, int extubation, boolean shock) {
      double pbw = (sex == Sex.MALE ? 50 : 45.5) + 0.91 * (height - 152.4);
      double perKg = 5.5 + 3.5 * random.nextDouble();
      for (int h = 0; h < hours; h++) {
        double t = h + 0.1;
        double sick = Math.exp(-h / 48.0);
        observe("8478-0", t, 78 - 12 * sick + 8 * random.nextGaussian(), "mm[Hg]");
        observe("8867-4", t, 85 + 15 * sick + 10 * random.nextGaussian(), "/min");
        observe("9187-6", t, Math.max(0, 70 - 40 * sick + 25 * random.nextGaussian()), "mL");
        boolean invasive = ventilated && h >= 1 && h < extubation;
        if (invasive) {
          observe("76222-9", t, pbw * (perKg + 0.4 * random.nextGaussian()), "mL");
          observe("19994-3", t, 30 + 40 * sick + 5 * random.nextDouble(), "%");
        }
        if (shock && h < 48) {
          add("MedicationAdministration", "ne", new Coding(CodeSystems.ATC, "C01CA03"), h, h + 1.0,
              new FactValue.Quantity(Math.max(0.02, 0.3 * sick + 0.03 * random.nextGaussian()),
                  "ug/kg/min", null), List.of());
        }
        if (h % 4 == 0) {
          add("Observation", "rass", new Coding(CodeSystems.SNOMED, "1345050000"), t, null,
              new FactValue.Quantity(invasive ? -4 + random.nextInt(3) : random.nextInt(3) - 1,
                  null, null), List.of());
        }
        if (h % 8 == 0) {
          observe("9269-2", t, invasive ? 3 + random.nextInt(5) : 11 + random.nextInt(5), null);
        }
        if (h % 12 == 0) {
          observe("777-3", t, 60 + 200 * random.nextDouble(), "10*3/uL");
          observe("1975-2", t, 0.4 + 3 * sick * random.nextDouble(), "mg/dL");
          observe("2160-0", t, 0.6 + 2 * sick * random.nextDouble(), "mg/dL");
          observe("2703-7", t, 60 + 60 * random.nextDouble(), "mm[Hg]");
        }
      }
    }

    void observe(String loinc, double hour, double value, String unit) {
      add("Observation", loinc, new Coding(CodeSystems.LOINC, loinc), hour, null,
          new FactValue.Quantity(value, unit, null), List.of());
    }

    void ventilation(String snomed, double from, double to) {
      add("Procedure", "v" + (int) from, new Coding(CodeSystems.SNOMED, snomed), from, to, null,
          List.of(new Attribute("category", new Coding(CodeSystems.SNOMED, "40617009"))));
    }

    void add(String type, String kind, Coding code, double hour, Double toHour, FactValue value,
        List<Attribute> attributes) {
      Instant at = Instant.ofEpochSecond(start + Math.round(hour * 3600));
      Instant end = toHour == null ? at : Instant.ofEpochSecond(start + Math.round(toHour * 3600));
      String id = type.equals("Encounter") ? kind : patient + "-" + kind + "-" + (int) (hour / 24);
      byResource.computeIfAbsent(type + "/" + id, k -> new ArrayList<>()).add(new Fact(patient,
          type.equals("Encounter") ? id : null, type, id, code, at, end, value, "final", attributes));
      count++;
    }

    List<ResourceRecord> resources() {
      List<ResourceRecord> out = new ArrayList<>();
      byResource.forEach((key, list) -> out.add(new ResourceRecord(new ResourceKey(
          list.get(0).resourceType(), list.get(0).resourceId()), patient, list.get(0).encounter(),
          list, "{}", null, List.of())));
      return out;
    }
  }
}
