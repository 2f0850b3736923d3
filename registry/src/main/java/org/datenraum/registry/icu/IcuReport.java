package org.datenraum.registry.icu;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.datenraum.core.PatientRecord;

/**
 * The intensive care report of one site: the indicators of all stays that began in the period
 * (UTC days, both bounds inclusive, either open), and of adults and children separately.
 * Immutable.
 */
public record IcuReport(LocalDate from, LocalDate to, Figures all, Figures adults,
    Figures children, int staysWithoutAge) {

  public IcuReport {
    requireNonNull(all, "all");
    requireNonNull(adults, "adults");
    requireNonNull(children, "children");
  }

  /** The report over the site's facts. */
  public static IcuReport of(IcuFacts facts, LocalDate from, LocalDate to) {
    GroupTally all = new GroupTally();
    GroupTally adults = new GroupTally();
    GroupTally children = new GroupTally();
    int[] unknown = new int[1];
    eachStay(facts, from, to, p -> true, (stay, r) -> {
      all.add(r);
      switch (r.info().group()) {
        case ADULT -> adults.add(r);
        case PAEDIATRIC -> children.add(r);
        default -> unknown[0]++;
      }
    });
    return new IcuReport(from, to, Figures.of(all), Figures.of(adults), Figures.of(children),
        unknown[0]);
  }

  /**
   * Every stay of a counted patient that began in the period (UTC days, bounds inclusive, either
   * null for open) with what it contributes.
   */
  public static void eachStay(IcuFacts facts, LocalDate from, LocalDate to,
      Predicate<PatientRecord> counted, BiConsumer<IcuStay, StayResult> sink) {
    facts.forEachPatient(p -> {
      if (!counted.test(p.patient())) {
        return;
      }
      for (IcuStay stay : IcuStays.of(p)) {
        LocalDate day = LocalDate.ofInstant(stay.start(), ZoneOffset.UTC);
        if (from == null || !day.isBefore(from)) {
          if (to == null || !day.isAfter(to)) {
            sink.accept(stay, StayAnalysis.of(stay));
          }
        }
      }
    });
  }

  /**
   * The report as one JSON object: the figures of all stays at the top level, {@code adults} and
   * {@code children} as objects of the same shape.
   */
  public Map<String, Object> tree() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from == null ? null : from.toString());
    out.put("to", to == null ? null : to.toString());
    out.put("stays", all.get("stays"));
    out.put("adultStays", adults.get("stays"));
    out.put("paediatricStays", children.get("stays"));
    out.put("staysWithoutAge", staysWithoutAge);
    all.tree().forEach(out::putIfAbsent);
    out.put("adults", adults.tree());
    out.put("children", children.tree());
    return out;
  }
}
