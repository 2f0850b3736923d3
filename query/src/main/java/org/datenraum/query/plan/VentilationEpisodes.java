package org.datenraum.query.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;

/**
 * Invasive ventilation episodes from a patient's ventilation Procedure facts (category SNOMED CT
 * 40617009, as the MII ICU module): a Procedure is invasive unless one of its codes is
 * non-invasive ventilation (428311008), high-flow nasal oxygen (426854004) or oxygen therapy
 * (57485005, 371907003); Procedures entered in error, cancelled or not done are left out, one
 * without an end is a point at its start. Invasive periods less than 14 hours apart are one
 * episode (as MIT-LCP mimic-code's ventilation concept and the intensive care registry), from the
 * first start to the last end, gaps included. Stateless.
 */
public final class VentilationEpisodes {

  /** SNOMED CT 40617009 Artificial ventilation: the category, and the term code of the criterion. */
  public static final Coding CATEGORY = new Coding("http://snomed.info/sct", "40617009");
  /** Runs of invasive ventilation less than this far apart are one episode. */
  public static final long BRIDGE_MILLIS = 14 * 3_600_000L;
  private static final Set<String> NOT_INVASIVE =
      Set.of("428311008", "426854004", "57485005", "371907003");
  private static final Set<String> LEFT_OUT = Set.of("entered-in-error", "cancelled", "not-done");

  /** One episode, epoch milliseconds. */
  public record Episode(long start, long end) {
    /** Its length in hours. */
    public double hours() {
      return (end - start) / 3_600_000.0;
    }
  }

  private VentilationEpisodes() {}

  /** Whether a fact is one of a ventilation Procedure that counts (any of its codes). */
  public static boolean isVentilation(Fact f) {
    if (!f.resourceType().equals("Procedure") || f.start() == null
        || f.status() != null && LEFT_OUT.contains(f.status())) {
      return false;
    }
    for (Attribute a : f.attributes()) {
      if (a.key().equals("category") && a.value().equals(CATEGORY)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a Procedure code names a lower (not invasive) kind of respiratory support. */
  public static boolean isNotInvasive(Coding code) {
    return code.system().equals(CATEGORY.system()) && NOT_INVASIVE.contains(code.code());
  }

  /**
   * The episodes of one patient's facts (others than ventilation Procedures are ignored), by
   * start.
   */
  public static List<Episode> of(List<Fact> facts) {
    Map<String, Fact> byResource = new LinkedHashMap<>();
    Set<String> lower = new HashSet<>();
    for (Fact f : facts) {
      if (isVentilation(f)) {
        byResource.putIfAbsent(f.resourceId(), f);
        if (isNotInvasive(f.code())) {
          lower.add(f.resourceId());
        }
      }
    }
    List<Episode> periods = new ArrayList<>();
    for (Map.Entry<String, Fact> e : byResource.entrySet()) {
      if (!lower.contains(e.getKey())) {
        Instant start = e.getValue().start();
        Instant end = e.getValue().end() == null ? start : e.getValue().end();
        periods.add(new Episode(start.toEpochMilli(), Math.max(start.toEpochMilli(), end.toEpochMilli())));
      }
    }
    return bridged(periods);
  }

  /** Periods merged where they overlap or lie less than 14 h apart, by start. */
  public static List<Episode> bridged(List<Episode> periods) {
    List<Episode> sorted = new ArrayList<>(periods);
    sorted.sort(Comparator.comparingLong(Episode::start));
    List<Episode> out = new ArrayList<>();
    for (Episode p : sorted) {
      Episode last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && p.start() - last.end() < BRIDGE_MILLIS) {
        out.set(out.size() - 1, new Episode(last.start(), Math.max(last.end(), p.end())));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether any episode passes the predicate's length test and overlaps its window. */
  public static boolean any(List<Episode> episodes, PatientPredicate.VentilationEpisode q) {
    for (Episode e : episodes) {
      if (q.hours().test(e.hours()) && q.window().overlaps(Instant.ofEpochMilli(e.start()),
          Instant.ofEpochMilli(e.end()))) {
        return true;
      }
    }
    return false;
  }
}
