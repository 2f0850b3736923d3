package org.datenraum.generator;

import static org.datenraum.generator.Profiles.LOINC;
import static org.datenraum.generator.Profiles.SNOMED;

import java.util.SplittableRandom;
import org.datenraum.generator.ObservationRecords.VentSetting;
import org.datenraum.generator.Vocabulary.CaseType;

/**
 * What the intensive care indicators read beyond the hourly vital signs of {@link IntensiveCare}:
 * height and weight at admission (missing for one stay in twenty), mean arterial pressure every
 * hour, urine output every 4 h, GCS every 8 h, blood gases every 6 h under ventilation, bilirubin
 * daily; ARDS (J80.03) in a third of the ventilated respiratory cases, with low PaO2/FiO2 and prone
 * positioning; a re-intubation after one ventilation in eight; non-invasive ventilation or
 * high-flow oxygen for some of the others. Draws from its own random generator, seeded once from
 * the patient's.
 */
final class IcuMonitoring {

  private static final long HOUR = 3600;
  private static final String NIV = "428311008";
  private static final String HIGH_FLOW = "426854004";

  private final PatientContext p;
  private final String unit;
  private final long start;
  private final SplittableRandom rng;
  private final boolean septic;
  private final boolean ards;
  private TidalVolume tidalVolume;
  private int againFrom = -1;
  private int againTo = -1;
  private String again;
  private int supportTo = -1;

  private IcuMonitoring(PatientContext p, CaseType c, String unit, long start,
      boolean ventilated) {
    this.p = p;
    this.unit = unit;
    this.start = start;
    this.rng = new SplittableRandom(p.rng.nextLong());
    this.septic = c.workup().panels().contains("sepsis");
    boolean respiratory = c.presentation().icd().startsWith("J") || c.key().equals("COVID");
    this.ards = ventilated && respiratory && rng.nextDouble() < 0.33;
  }

  /**
   * Starts the monitoring of a stay of {@code hours} hours, ventilated in hours
   * {@code ventFrom..ventTo - 1} (none when {@code ventFrom >= ventTo}).
   */
  static IcuMonitoring begin(PatientContext p, CaseType c, String unit, long start, int hours,
      int ventFrom, int ventTo) {
    IcuMonitoring m = new IcuMonitoring(p, c, unit, start, ventFrom < ventTo);
    m.admission(hours, ventFrom < ventTo, ventFrom, ventTo);
    return m;
  }

  private void admission(int hours, boolean ventilated, int ventFrom, int ventTo) {
    long t = start + 600;
    if (rng.nextInt(20) != 0) {
      quantity(t, "8302-2", "Body height", Math.round(p.heightCm), 0, "cm", "cm");
    }
    quantity(t, "29463-7", "Body weight", p.weightKg, 1, "kg", "kg");
    if (ards) {
      CareRecords.condition(p, unit, start + ventFrom * HOUR, "J80.03",
          "Schweres Atemnotsyndrom des Erwachsenen [ARDS]");
      if (rng.nextDouble() < 0.7) {
        procedure(start + (ventFrom + 6) * HOUR, start + (ventFrom + 22) * HOUR, "431182000");
      }
    }
    if (ventilated && rng.nextInt(8) == 0 && ventTo + 30 < hours) {
      againFrom = ventTo + 16 + rng.nextInt(Math.min(30, hours - ventTo - 29));
      againTo = Math.min(hours, againFrom + 12 + rng.nextInt(36));
      again = CareRecords.ventilation(p, unit, start + againFrom * HOUR, start + againTo * HOUR);
    } else if (!ventilated && rng.nextInt(6) == 0) {
      supportTo = Math.min(hours, 6 + rng.nextInt(24));
      ventilation(start, start + supportTo * HOUR, NIV);
    } else if (ventilated && ventTo < hours && rng.nextInt(4) == 0) {
      ventilation(start + ventTo * HOUR, start + Math.min(hours, ventTo + 12 + rng.nextInt(12))
          * HOUR, HIGH_FLOW);
    }
  }

  /**
   * The tidal volume of the stay's invasive ventilations (also a re-intubation's), fixed at the
   * first call; {@code u} a uniform draw that places its target (see {@link TidalVolume}).
   */
  TidalVolume tidalVolume(double u) {
    if (tidalVolume == null) {
      tidalVolume = TidalVolume.of(p, ards, u, rng);
    }
    return tidalVolume;
  }

  /** One hour's tidal volume setting, mL (after {@link #tidalVolume(double)}). */
  double tidalVolumeHour() {
    return tidalVolume.hour(rng);
  }

  /** The hour's values; {@code onVent} while the first ventilation runs. */
  void hour(int h, long t, double sys, double dia, boolean onVent, double progress) {
    double acute = Math.exp(-h / 36.0);
    quantity(t, "8478-0", "Mean blood pressure", (sys + 2 * dia) / 3, 0, "mmHg", "mm[Hg]");
    boolean reintubated = h >= againFrom && h < againTo;
    if (reintubated) {
      ObservationRecords.ventSetting(p, unit, again, t, VentSetting.FIO2, 40 + rng.nextInt(20));
      ObservationRecords.ventSetting(p, unit, again, t, VentSetting.TIDAL_VOLUME,
          tidalVolume(rng.nextDouble()).hour(rng));
    }
    if (h % 4 == 3) {
      double perHour = Math.max(5, 70 - (septic ? 45 : 25) * acute + 20 * rng.nextGaussian());
      quantity(t, "9187-6", "Urine output", 4 * perHour, 0, "mL", "mL");
    }
    if (h % 8 == 2) {
      long gcs = onVent || reintubated ? 3 + rng.nextInt(6) : Math.min(15, 12 + rng.nextInt(5));
      quantity(t, "9269-2", "Glasgow coma score total", gcs, 0, "{score}", "{score}");
    }
    if ((onVent || reintubated) && h % 6 == 0) {
      double pf = ards ? 90 + 160 * progress + 20 * rng.nextGaussian()
          : 220 + 120 * progress + 40 * rng.nextGaussian();
      double fio2 = Math.max(0.3, 0.7 - 0.4 * progress);
      quantity(t, "2703-7", "Oxygen [Partial pressure] in Arterial blood", pf * fio2, 0, "mmHg",
          "mm[Hg]");
      quantity(t, "50984-4", "Horowitz index in Arterial blood", pf, 0, "mmHg", "mm[Hg]");
    }
    if (h % 24 == 1) {
      double bilirubin = 0.5 + (septic ? 3.5 : 0.8) * acute * Math.abs(1 + 0.4 * rng.nextGaussian());
      quantity(t, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", bilirubin, 1,
          "mg/dl", "mg/dL");
    }
  }

  private void quantity(long t, String loinc, String display, double value, int decimals,
      String shown, String ucum) {
    FhirOut o = p.out(ResourceType.Observation).begin("Observation", p.nextId(), null);
    o.sym("status", "final");
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", unit);
    o.dateTime("effectiveDateTime", t);
    o.concept("code", LOINC, loinc, display);
    o.quantity("valueQuantity", value, decimals, shown, ucum);
    o.end();
  }

  private void ventilation(long from, long to, String snomed) {
    FhirOut o = p.out(ResourceType.Procedure).begin("Procedure", p.nextId(), Profiles.VENTILATION);
    o.sym("status", "completed");
    o.concept("category", SNOMED, "40617009", "Artificial ventilation");
    o.concept("code", SNOMED, snomed, snomed.equals(NIV) ? "Non-invasive ventilation"
        : "High flow oxygen nasal cannula");
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", unit);
    o.period("performedPeriod", from, to);
    o.end();
  }

  private void procedure(long from, long to, String snomed) {
    FhirOut o = p.out(ResourceType.Procedure).begin("Procedure", p.nextId(), Profiles.PROCEDURE);
    o.sym("status", "completed");
    o.concept("code", SNOMED, snomed, "Placing subject in prone position");
    o.ref("subject", "Patient", p.id);
    o.ref("encounter", "Encounter", unit);
    o.period("performedPeriod", from, to);
    o.end();
  }
}
