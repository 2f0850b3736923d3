package org.datenraum.registry.icu;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.datenraum.core.Sex;
import org.datenraum.registry.icu.StayResult.AgeGroup;

/** Computes what one ICU stay contributes to the report (definitions in {@code docs/icu.md}). */
public final class StayAnalysis {

  /** Adults are this old or older at admission. */
  public static final int ADULT_AGE = 18;
  static final int SEDATION_BLOCK = 8;
  static final double PRONE_BELOW = 150;

  private StayAnalysis() {}

  /** The stay's contribution. */
  public static StayResult of(IcuStay stay) {
    StaySamples s = StaySamples.of(stay);
    VentilationCourse vent = VentilationCourse.of(s);
    Infusions drugs = Infusions.of(s);
    SofaCourse sofa = SofaCourse.of(s, vent, drugs);
    int hours = s.grid.hours();
    List<Integer> missing = new ArrayList<>();
    for (SofaScore.Component c : SofaScore.Component.values()) {
      missing.add(sofa.missingHours(c));
    }
    return new StayResult(new StayResult.Info(group(stay), hours, s.ards),
        ventilation(s, vent, sofa), lung(s, vent), new StayResult.Sofa(sofa.max(), missing),
        sedation(s), circulation(drugs, hours));
  }

  private static AgeGroup group(IcuStay stay) {
    OptionalInt age = stay.ageAtAdmission();
    return age.isEmpty() ? AgeGroup.UNKNOWN
        : age.getAsInt() >= ADULT_AGE ? AgeGroup.ADULT : AgeGroup.PAEDIATRIC;
  }

  private static StayResult.Ventilation ventilation(StaySamples s, VentilationCourse vent,
      SofaCourse sofa) {
    int extubations = 0;
    for (Episode e : vent.episodes()) {
      if (e.status() == VentilationStatus.INVASIVE && e.lastHour() < vent.hours() - 1) {
        extubations++;
      }
    }
    boolean eligible = false;
    for (int h = 0; h < vent.hours() && !eligible; h++) {
      eligible = vent.status(h) == VentilationStatus.INVASIVE && sofa.pf(h) < PRONE_BELOW;
    }
    return new StayResult.Ventilation(vent.episodes(), vent.hoursOf(VentilationStatus.INVASIVE),
        extubations, eligible, !s.prone.isEmpty());
  }

  private static StayResult.LungProtection lung(StaySamples s, VentilationCourse vent) {
    double[] delivered = Hourly.mean(s, Measure.TIDAL_VOLUME_DELIVERED);
    double[] set = Hourly.mean(s, Measure.TIDAL_VOLUME_SET);
    double[] plateau = Hourly.worst(s, Measure.PLATEAU_PRESSURE);
    Sex sex = s.stay.patient().patient().sex();
    double limit = s.ards ? 6 : 8;
    int withTv = 0;
    int atMost8 = 0;
    int protective = 0;
    int withoutHeight = 0;
    int[] plateauHours = new int[2];
    boolean invasive = false;
    boolean heightSeen = false;
    for (int h = 0; h < vent.hours(); h++) {
      if (vent.status(h) != VentilationStatus.INVASIVE) {
        continue;
      }
      invasive = true;
      double height = s.personal(Measure.HEIGHT, h);
      heightSeen |= !Double.isNaN(height);
      if (!Double.isNaN(plateau[h])) {
        plateauHours[0]++;
        plateauHours[1] += plateau[h] <= 30 ? 1 : 0;
      }
      double tv = Double.isNaN(delivered[h]) ? set[h] : delivered[h];
      if (Double.isNaN(tv)) {
        continue;
      }
      double pbw = Double.isNaN(height) ? Double.NaN : PredictedBodyWeight.kg(sex, height);
      if (!(pbw > 0)) {
        withoutHeight++;
        continue;
      }
      double perKg = tv / pbw;
      withTv++;
      atMost8 += perKg <= 8 ? 1 : 0;
      protective += perKg <= limit ? 1 : 0;
    }
    return new StayResult.LungProtection(withTv, atMost8, protective, withoutHeight,
        invasive && !heightSeen, plateauHours);
  }

  private static StayResult.Sedation sedation(StaySamples s) {
    int hours = s.grid.hours();
    long seconds = s.stay.end().getEpochSecond() - s.stay.start().getEpochSecond();
    int blocks = (int) Math.min(hours / SEDATION_BLOCK, seconds / (SEDATION_BLOCK * HourGrid.HOUR));
    boolean[] monitored = new boolean[blocks];
    double[] latest = Hourly.nan(hours);
    for (StaySamples.Sample x : s.of(Measure.RASS)) {
      int h = s.grid.index(x.time());
      if (h / SEDATION_BLOCK < blocks) {
        monitored[h / SEDATION_BLOCK] = true;
      }
      latest[h] = x.value();
    }
    int monitoredBlocks = 0;
    for (boolean b : monitored) {
      monitoredBlocks += b ? 1 : 0;
    }
    int assessed = 0;
    int deep = 0;
    double carried = Double.NaN;
    int carriedFrom = Integer.MIN_VALUE / 2;
    for (int h = 0; h < hours; h++) {
      if (!Double.isNaN(latest[h])) {
        carried = latest[h];
        carriedFrom = h;
      }
      if (h - carriedFrom < SEDATION_BLOCK) {
        assessed++;
        deep += carried < -2 ? 1 : 0;
      }
    }
    return new StayResult.Sedation(blocks, monitoredBlocks, assessed, deep);
  }

  private static StayResult.Circulation circulation(Infusions drugs, int hours) {
    double max = 0;
    int on = 0;
    for (int h = 0; h < hours; h++) {
      max = Math.max(max, drugs.norepinephrineEquivalent(h));
      on += drugs.any(h) ? 1 : 0;
    }
    return new StayResult.Circulation(max, on, drugs.unusable());
  }
}
