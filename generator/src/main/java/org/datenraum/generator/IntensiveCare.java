package org.datenraum.generator;

import org.datenraum.generator.ObservationRecords.VentSetting;
import org.datenraum.generator.Physiology.Vitals;
import org.datenraum.generator.Vocabulary.CaseType;
import org.datenraum.generator.Vocabulary.Drug;

/**
 * An intensive care stay, hour by hour: vital signs, ventilator settings, vasopressor and
 * sedation infusions, sedation depth (RASS) and twice-daily laboratory results.
 */
final class IntensiveCare {

  private static final long HOUR = 3600;
  private static final String[][] MODES = {
    {"PC-CMV", "Druckkontrollierte Beatmung (PC-CMV)"},
    {"PSV", "Druckunterstützte Spontanatmung (PSV)"},
    {"CPAP", "Kontinuierlicher positiver Atemwegsdruck (CPAP)"}};

  private IntensiveCare() {}

  static void write(PatientContext p, CaseType c, String unit, long start, long end,
      boolean ventilated, Vitals vitals, int age) {
    int hours = (int) ((end - start) / HOUR);
    int ventFrom = ventilated ? p.rng.nextInt(3) : hours;
    int ventTo = ventilated ? Math.max(ventFrom + 4,
        (int) (hours * (0.55 + 0.35 * p.rng.nextDouble()))) : hours;
    ventTo = Math.min(ventTo, hours);
    boolean septic = c.panels().contains("sepsis");
    int vasoTo = p.rng.nextDouble() < (septic ? 0.7 : ventilated ? 0.35 : 0.1)
        ? Math.min(hours, 6 + (int) Draw.logNormal(p.rng, 36, 0.6)) : 0;
    Drug norepinephrine = p.vocab.drugByAtc.get("C01CA03");
    Drug propofol = p.vocab.drugByAtc.get("N01AX10");
    Drug sufentanil = p.vocab.drugByAtc.get("N01AH03");
    String vasoOrder = vasoTo > 0
        ? CareRecords.request(p, unit, start, norepinephrine, 24) : null;
    String ventilation = null;
    String propofolOrder = null;
    String sufentanilOrder = null;
    if (ventilated) {
      ventilation = CareRecords.ventilation(p, unit, start + ventFrom * HOUR, start + ventTo * HOUR);
      propofolOrder = CareRecords.request(p, unit, start + ventFrom * HOUR, propofol, 24);
      sufentanilOrder = CareRecords.request(p, unit, start + ventFrom * HOUR, sufentanil, 24);
    }
    IcuMonitoring monitoring = IcuMonitoring.begin(p, c, unit, start, hours, ventFrom, ventTo);
    monitoring.tidalVolume(p.rng.nextDouble());
    for (int h = 0; h < hours; h++) {
      long t = start + h * HOUR + 5 * 60;
      double acute = Math.exp(-h / 36.0);
      vitals.step();
      ObservationRecords.heartRate(p, unit, t, vitals.value(Vitals.HR, acute));
      double sys = vitals.value(Vitals.SYS, acute);
      double dia = vitals.value(Vitals.DIA, acute);
      ObservationRecords.bloodPressure(p, unit, t, sys, dia);
      ObservationRecords.oxygenSaturation(p, unit, t, vitals.value(Vitals.SPO2, acute * 0.6));
      ObservationRecords.respiratoryRate(p, unit, t, vitals.value(Vitals.RR, acute));
      if (h % 4 == 0) {
        ObservationRecords.temperature(p, unit, t, vitals.value(Vitals.TEMP, acute));
      }
      boolean onVent = h >= ventFrom && h < ventTo;
      double progress = onVent ? (h - ventFrom) / (double) Math.max(1, ventTo - ventFrom) : 0.5;
      monitoring.hour(h, t, sys, dia, onVent, progress);
      if (onVent) {
        ventilatorHour(p, unit, ventilation, t, progress, monitoring.tidalVolumeHour());
        boolean sedated = progress < 0.85;
        if (sedated) {
          double depth = 1 - progress;
          CareRecords.administration(p, unit, propofolOrder, start + h * HOUR, propofol,
              Draw.clamp(1 + 2.5 * depth + 0.3 * p.rng.nextGaussian(), 0.5, 4), true);
          CareRecords.administration(p, unit, sufentanilOrder, start + h * HOUR, sufentanil,
              Draw.clamp(0.15 + 0.4 * depth + 0.05 * p.rng.nextGaussian(), 0.1, 0.7), true);
        }
        if (h % 4 == 0) {
          int rass = sedated ? (int) Math.round(Draw.clamp(-4.5 + 3.5 * progress
              + 0.7 * p.rng.nextGaussian(), -5, 0)) : (int) Math.round(Draw.clamp(
              p.rng.nextGaussian() * 0.8, -1, 2));
          ObservationRecords.rass(p, unit, t, rass);
        }
      } else if (h % 8 == 0) {
        ObservationRecords.rass(p, unit, t, (int) Math.round(Draw.clamp(
            p.rng.nextGaussian() * 0.7, -2, 2)));
      }
      if (h < vasoTo) {
        double rate = Draw.clamp(0.25 * (1 - h / (double) vasoTo) + 0.03
            + 0.02 * p.rng.nextGaussian(), 0.02, 0.8);
        CareRecords.administration(p, unit, vasoOrder, start + h * HOUR, norepinephrine, rate, true);
      }
      if (h % 24 == 1) {
        EmergencyVisit.labPanels(p, unit, t, c, acute, age,
            septic ? java.util.List.of("basic", "sepsis") : java.util.List.of("basic"));
      }
    }
  }

  private static void ventilatorHour(PatientContext p, String unit, String ventilation, long t,
      double progress, double tidalVolume) {
    double fio2 = Draw.clamp(70 - 40 * progress + 4 * p.rng.nextGaussian(), 21, 100);
    double peep = Draw.clamp(Math.round(11 - 6 * progress + 0.6 * p.rng.nextGaussian()), 4, 18);
    int mode = progress < 0.6 ? 0 : progress < 0.9 ? 1 : 2;
    ObservationRecords.ventMode(p, unit, ventilation, t, MODES[mode][0], MODES[mode][1]);
    ObservationRecords.ventSetting(p, unit, ventilation, t, VentSetting.FIO2, Math.round(fio2));
    ObservationRecords.ventSetting(p, unit, ventilation, t, VentSetting.PEEP, peep);
    ObservationRecords.ventSetting(p, unit, ventilation, t, VentSetting.TIDAL_VOLUME, tidalVolume);
  }
}
