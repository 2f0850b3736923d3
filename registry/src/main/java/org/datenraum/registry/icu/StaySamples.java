package org.datenraum.registry.icu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Fact;

/**
 * The facts of one stay sorted for the hourly computations: measure samples within the stay
 * (height and weight also from before it), ventilation Procedure periods, vasopressor
 * infusions, prone positionings and whether the stay has an ARDS diagnosis (ICD-10-GM J80
 * recorded for its encounter, or dated from 7 days before admission to discharge). Facts
 * entered in error, cancelled or not done are left out. Immutable after construction.
 */
final class StaySamples {

  /** A measured value at a time (epoch seconds). */
  record Sample(long time, double value) {}

  /** A period {@code [from, to)} in epoch seconds. */
  record Span<T>(T what, long from, long to, Fact fact) {}

  private static final long ARDS_LOOKBACK = Duration.ofDays(7).getSeconds();

  final IcuStay stay;
  final HourGrid grid;
  final Map<Measure, List<Sample>> samples = new EnumMap<>(Measure.class);
  final List<Span<VentilationStatus>> ventilation = new ArrayList<>();
  final List<Span<Vasopressor>> infusions = new ArrayList<>();
  final List<Long> prone = new ArrayList<>();
  boolean ards;

  private StaySamples(IcuStay stay) {
    this.stay = stay;
    this.grid = HourGrid.of(stay);
    for (Measure m : Measure.values()) {
      samples.put(m, new ArrayList<>());
    }
  }

  static StaySamples of(IcuStay stay) {
    StaySamples s = new StaySamples(stay);
    Map<String, VentilationStatus> procedures = new HashMap<>();
    Map<String, Fact> procedureFacts = new HashMap<>();
    for (Fact f : stay.patient().facts()) {
      if (f.start() == null || invalid(f.status())) {
        continue;
      }
      switch (f.resourceType()) {
        case "Observation" -> s.observation(f);
        case "Procedure" -> s.procedure(f, procedures, procedureFacts);
        case "MedicationAdministration" -> s.infusion(f);
        case "Condition" -> s.condition(f);
        default -> { }
      }
    }
    procedures.forEach((id, status) -> s.addSpan(s.ventilation, status, procedureFacts.get(id)));
    for (List<Sample> list : s.samples.values()) {
      list.sort((a, b) -> Long.compare(a.time(), b.time()));
    }
    s.ventilation.sort((a, b) -> Long.compare(a.from(), b.from()));
    return s;
  }

  private static boolean invalid(String status) {
    return status != null && (status.equals("entered-in-error") || status.equals("cancelled")
        || status.equals("not-done"));
  }

  private void observation(Fact f) {
    Measure m = Measure.of(f.code());
    long t = f.start().getEpochSecond();
    boolean personal = m == Measure.HEIGHT || m == Measure.WEIGHT;
    if (m == null || t >= grid.end() || !personal && t < grid.start()) {
      return;
    }
    double v = Quantities.normalised(m, f.value());
    if (!Double.isNaN(v)) {
      samples.get(m).add(new Sample(t, v));
    }
  }

  private void procedure(Fact f, Map<String, VentilationStatus> procedures,
      Map<String, Fact> facts) {
    if (f.code().equals(IcuFactSelection.PRONE_POSITION)) {
      long t = f.start().getEpochSecond();
      if (t >= grid.start() && t < grid.end()) {
        prone.add(t);
      }
    }
    if (!IcuFactSelection.isVentilation(f)) {
      return;
    }
    VentilationStatus named = VentilationStatus.ofCode(f.code());
    VentilationStatus known = procedures.get(f.resourceId());
    // a Procedure coded with one of the named lower statuses keeps it beside other codings
    if (known == null || known == VentilationStatus.INVASIVE) {
      procedures.put(f.resourceId(), named);
      facts.put(f.resourceId(), f);
    }
  }

  private void infusion(Fact f) {
    Vasopressor drug = Vasopressor.of(f.code());
    if (drug != null) {
      addSpan(infusions, drug, f);
    }
  }

  private void condition(Fact f) {
    if (!IcuFactSelection.isArds(f.code())) {
      return;
    }
    long t = f.start().getEpochSecond();
    if (stay.encounter().equals(f.encounter())
        || t >= grid.start() - ARDS_LOOKBACK && t < grid.end()) {
      ards = true;
    }
  }

  /** A period; an open end runs to the end of the stay, a point covers its own hour. */
  private <T> void addSpan(List<Span<T>> list, T what, Fact f) {
    long from = f.start().getEpochSecond();
    long to = f.end() == null ? grid.end() : f.end().getEpochSecond();
    if (to < from || grid.first(from, to) < 0) {
      return;
    }
    list.add(new Span<>(what, from, to, f));
  }

  List<Sample> of(Measure m) {
    return samples.get(m);
  }

  /**
   * The latest value of height or weight up to the end of an hour, else the stay's first, else
   * NaN.
   */
  double personal(Measure m, int hour) {
    List<Sample> list = samples.get(m);
    long until = grid.hourStart(hour) + HourGrid.HOUR;
    double latest = Double.NaN;
    for (Sample x : list) {
      if (x.time() >= until) {
        return Double.isNaN(latest) ? x.value() : latest;
      }
      latest = x.value();
    }
    return latest;
  }
}
