package org.datenraum.registry.icu;

import java.util.List;
import org.datenraum.registry.icu.SofaScore.Component;

/**
 * SOFA of one stay hour by hour: each component scored from the worst value of the 24 hours up
 * to and including the hour (the hours of the stay only); a component without a value in that
 * window scores 0 and the hour counts as missing it. Respiration: PaO2/FiO2 as observed
 * (LOINC 50984-4) or PaO2 over the latest FiO2 of the 4 h before it (0.21 when none and no
 * respiratory support runs), scores 3 and 4 only in hours under invasive or non-invasive
 * ventilation. Renal: creatinine, or the urine output summed over the window once the stay has
 * lasted 24 h. Immutable.
 */
public final class SofaCourse {

  static final int WINDOW = 24;
  private static final long FIO2_LOOKBACK = 4 * HourGrid.HOUR;
  private static final int COMPONENTS = Component.values().length;

  private final int[] total;
  private final int[] missingHours;
  private final double[] pf;

  private SofaCourse(int[] total, int[] missingHours, double[] pf) {
    this.total = total;
    this.missingHours = missingHours;
    this.pf = pf;
  }

  static SofaCourse of(StaySamples s, VentilationCourse vent, Infusions drugs) {
    int hours = s.grid.hours();
    int[][] hourly = new int[COMPONENTS][];
    double[] pf = pfRatios(s, vent);
    hourly[Component.RESPIRATION.ordinal()] = scores(hours, h -> Double.isNaN(pf[h]) ? -1
        : SofaScore.respiration(pf[h], vent.status(h).ventilated()));
    double[] plt = Hourly.worst(s, Measure.PLATELETS);
    hourly[Component.COAGULATION.ordinal()] = scores(hours, h -> Double.isNaN(plt[h]) ? -1
        : SofaScore.coagulation(plt[h]));
    double[] bili = Hourly.worst(s, Measure.BILIRUBIN);
    hourly[Component.LIVER.ordinal()] = scores(hours, h -> Double.isNaN(bili[h]) ? -1
        : SofaScore.liver(bili[h]));
    double[] map = Hourly.worst(s, Measure.MEAN_ARTERIAL_PRESSURE);
    hourly[Component.CARDIOVASCULAR.ordinal()] = scores(hours, h -> cardiovascular(map[h], drugs, h));
    double[] gcs = Hourly.worst(s, Measure.GCS);
    hourly[Component.CNS.ordinal()] = scores(hours, h -> Double.isNaN(gcs[h]) ? -1
        : SofaScore.cns(gcs[h]));
    double[] crea = Hourly.worst(s, Measure.CREATININE);
    hourly[Component.RENAL.ordinal()] = scores(hours, h -> Double.isNaN(crea[h]) ? -1
        : SofaScore.renal(crea[h], Double.NaN));
    return windowed(hourly, Hourly.sum(s, Measure.URINE_OUTPUT), pf);
  }

  private static int cardiovascular(double map, Infusions d, int h) {
    if (Double.isNaN(map) && !d.any(h)) {
      return -1;
    }
    return SofaScore.cardiovascular(map, d.rate(Vasopressor.DOPAMINE, h),
        d.rate(Vasopressor.DOBUTAMINE, h), d.rate(Vasopressor.EPINEPHRINE, h),
        d.rate(Vasopressor.NOREPINEPHRINE, h));
  }

  private static SofaCourse windowed(int[][] hourly, double[] urine, double[] pf) {
    int hours = urine.length;
    int[] total = new int[hours];
    int[] missing = new int[COMPONENTS];
    int[][] lastAt = new int[COMPONENTS][5];
    for (int[] l : lastAt) {
      java.util.Arrays.fill(l, Integer.MIN_VALUE / 2);
    }
    int lastUrine = Integer.MIN_VALUE / 2;
    double urineSum = 0;
    for (int h = 0; h < hours; h++) {
      if (!Double.isNaN(urine[h])) {
        urineSum += urine[h];
        lastUrine = h;
      }
      if (h >= WINDOW && !Double.isNaN(urine[h - WINDOW])) {
        urineSum -= urine[h - WINDOW];
      }
      for (int c = 0; c < COMPONENTS; c++) {
        int score = hourly[c][h];
        if (score >= 0) {
          lastAt[c][score] = h;
        }
        int windowScore = -1;
        for (int v = 4; v >= 0 && windowScore < 0; v--) {
          windowScore = lastAt[c][v] > h - WINDOW ? v : -1;
        }
        if (c == Component.RENAL.ordinal() && lastUrine > h - WINDOW) {
          int fromUrine = h >= WINDOW - 1 ? SofaScore.renal(Double.NaN, urineSum) : 0;
          windowScore = Math.max(windowScore, fromUrine);
        }
        if (windowScore < 0) {
          missing[c]++;
        } else {
          total[h] += windowScore;
        }
      }
    }
    return new SofaCourse(total, missing, pf);
  }

  private static double[] pfRatios(StaySamples s, VentilationCourse vent) {
    double[] pf = Hourly.worst(s, Measure.PF_RATIO);
    List<StaySamples.Sample> fio2 = s.of(Measure.FIO2);
    int j = 0;
    for (StaySamples.Sample pao2 : s.of(Measure.PAO2)) {
      while (j < fio2.size() && fio2.get(j).time() <= pao2.time()) {
        j++;
      }
      int h = s.grid.index(pao2.time());
      StaySamples.Sample f = j > 0 ? fio2.get(j - 1) : null;
      double fraction = f != null && f.time() >= pao2.time() - FIO2_LOOKBACK ? f.value()
          : vent.status(h) == VentilationStatus.NONE ? 0.21 : Double.NaN;
      double ratio = pao2.value() / fraction;
      if (!Double.isNaN(ratio) && (Double.isNaN(pf[h]) || ratio < pf[h])) {
        pf[h] = ratio;
      }
    }
    return pf;
  }

  private static int[] scores(int hours, java.util.function.IntUnaryOperator score) {
    int[] out = new int[hours];
    for (int h = 0; h < hours; h++) {
      out[h] = score.applyAsInt(h);
    }
    return out;
  }

  /** The SOFA total of an hour. */
  public int total(int hour) {
    return total[hour];
  }

  /** The highest hourly total of the stay. */
  public int max() {
    int m = 0;
    for (int t : total) {
      m = Math.max(m, t);
    }
    return m;
  }

  /** Hours whose window holds no value of the component. */
  public int missingHours(Component c) {
    return missingHours[c.ordinal()];
  }

  /** The hour's lowest PaO2/FiO2 (mmHg), NaN when none. */
  double pf(int hour) {
    return pf[hour];
  }
}
