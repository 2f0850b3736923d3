package org.datenraum.registry.icu;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.registry.icu.SofaScore.Component;

/** Sums stay results of one age group. Not thread-safe: one report fills it. */
final class GroupTally {

  int stays;
  int hours;
  final int[] episodes = new int[VentilationStatus.values().length];
  final List<Integer> invasiveEpisodeHours = new ArrayList<>();
  int invasiveStatusHours;
  int invasiveStays;
  int staysOver96h;
  int reintubations;
  int extubations;
  int tidalVolumeHours;
  int atMost8;
  int protective;
  int withoutHeightHours;
  int ventilatedWithoutHeight;
  int ardsStays;
  int plateauHours;
  int plateauAtMost30;
  final List<Integer> maxSofa = new ArrayList<>();
  final long[] missingSofaHours = new long[Component.values().length];
  int sedationStays;
  int sedationEvery8h;
  long rassHours;
  long deepHours;
  int proneEligible;
  int proned;
  final List<Double> maxNee = new ArrayList<>();
  long vasopressorHours;
  int unusableRates;

  void add(StayResult r) {
    stays++;
    hours += r.info().hours();
    ardsStays += r.info().ards() ? 1 : 0;
    ventilation(r.ventilation());
    StayResult.LungProtection l = r.lung();
    tidalVolumeHours += l.tidalVolumeHours();
    atMost8 += l.atMost8();
    protective += l.protective();
    withoutHeightHours += l.tidalVolumeHoursWithoutHeight();
    ventilatedWithoutHeight += l.ventilatedWithoutHeight() ? 1 : 0;
    plateauHours += l.plateauHours();
    plateauAtMost30 += l.plateauAtMost30();
    maxSofa.add(r.sofa().max());
    for (int c = 0; c < missingSofaHours.length; c++) {
      missingSofaHours[c] += r.sofa().missingHours().get(c);
    }
    StayResult.Sedation s = r.sedation();
    sedationStays += s.blocks() > 0 ? 1 : 0;
    sedationEvery8h += s.every8h() ? 1 : 0;
    rassHours += s.assessedHours();
    deepHours += s.deepHours();
    StayResult.Circulation c = r.circulation();
    if (c.vasopressorHours() > 0) {
      maxNee.add(c.maxNorepinephrineEquivalent());
    }
    vasopressorHours += c.vasopressorHours();
    unusableRates += c.unusableRates();
  }

  private void ventilation(StayResult.Ventilation v) {
    int invasiveHours = 0;
    for (Episode e : v.episodes()) {
      episodes[e.status().ordinal()]++;
      if (e.status() == VentilationStatus.INVASIVE) {
        invasiveEpisodeHours.add(e.hours());
        invasiveHours += e.hours();
        reintubations += e.reintubation() ? 1 : 0;
      }
    }
    invasiveStatusHours += v.invasiveStatusHours();
    invasiveStays += v.invasive() ? 1 : 0;
    staysOver96h += invasiveHours > 96 ? 1 : 0;
    extubations += v.extubations();
    proneEligible += v.proneEligible() ? 1 : 0;
    proned += v.proneEligible() && v.proned() ? 1 : 0;
  }
}
