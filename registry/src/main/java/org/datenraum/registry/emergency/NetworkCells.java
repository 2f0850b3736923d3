package org.datenraum.registry.emergency;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.datenraum.core.Cedis;

/**
 * The monthly report's cells for the network: per table a fixed list of cells (so that every site
 * answers the same shape), each holding the encounter pseudonyms counted in it. Top lists become
 * fixed categories (CEDIS groups, ICD-10 chapters by letter); times become AKTIN's bins plus
 * {@code missing} and {@code left-out}. Stateless.
 */
public final class NetworkCells {

  static final List<String> PATHOGENS = List.of("MRSA", "3MRGN", "4MRGN", "VRE", "other", "none");
  private static final List<String> CEDIS_GROUPS = List.of("CV", "HNE", "HNM", "HNN", "EV", "GI", "GU", "MH", "NC",
      "OGY", "EC", "OC", "RC", "SK", "SA", "TR", "MC");

  private NetworkCells() {}

  /** Table name to cell name to the encounters in that cell. */
  public static Map<String, Map<String, Set<String>>> of(Map<String, EmergencyVisits.Keyed> visits) {
    Map<String, Map<String, Set<String>>> t = new LinkedHashMap<>();
    t.put("sex", cells(visits, Labels.SEX.keySet(), v -> v.person().sex().code()));
    t.put("age", cells(visits, AgeBands.LABELS.stream().map(NetworkCells::ascii).toList(),
        v -> ascii(AgeBands.of(v.person().age()))));
    t.put("weekday", cells(visits, Labels.WEEKDAYS.keySet(),
        v -> String.valueOf(time(v).getDayOfWeek().getValue())));
    t.put("hour", cells(visits, range(24), v -> String.valueOf(time(v).getHour())));
    t.put("referral", cells(visits, Labels.REFERRAL.keySet(), v -> v.codes().referral()));
    t.put("transport", cells(visits, Labels.TRANSPORT.keySet(), v -> v.codes().transport()));
    t.put("triage", cells(visits, Labels.TRIAGE.keySet(), v -> v.triage() == null ? null : String.valueOf(v.triage().level())));
    t.put("disposition", cells(visits, Labels.DISPOSITION.keySet(), v -> v.codes().disposition()));
    t.put("time-to-triage", times(visits, v -> v.times().triage(), MonthlyReports.TRIAGE_LIMIT, 5));
    t.put("time-to-physician", times(visits, v -> v.times().physician(), MonthlyReports.PHYSICIAN_LIMIT, 10));
    t.put("length-of-stay", times(visits, v -> v.times().discharge(), TimeFigures.DAY, 60));
    t.put("cedis-group", cells(visits, CEDIS_GROUPS, v -> {
      Cedis.Entry e = Cedis.list().code(v.codes().complaint());
      return e == null || e.group().isEmpty() ? null : e.group();
    }));
    t.put("diagnosis-chapter", cells(visits, letters(), v -> v.codes().diagnosis() == null ? null
        : v.codes().diagnosis().substring(0, 1)));
    t.put("pathogen", multi(visits, PATHOGENS, v -> v.hygiene().noPathogen() && v.hygiene().pathogens().isEmpty()
        ? List.of("none") : v.hygiene().pathogens().stream().map(p -> PATHOGENS.contains(p) ? p : "other").toList()));
    t.put("isolation-reason", multi(visits, Labels.ISOLATION_REASONS.keySet(),
        v -> v.hygiene().isolated() ? v.hygiene().reasons() : List.of()));
    return t;
  }

  /** One cell per category and {@code missing}; a value outside the categories counts as missing. */
  private static Map<String, Set<String>> cells(Map<String, EmergencyVisits.Keyed> visits, Iterable<String> categories,
      Function<EmergencyVisit, String> key) {
    Map<String, Set<String>> c = empty(categories);
    c.put("missing", new HashSet<>());
    visits.forEach((enc, k) -> {
      String v = key.apply(k.visit());
      c.getOrDefault(v == null ? "missing" : v, c.get("missing")).add(enc);
    });
    return c;
  }

  private static Map<String, Set<String>> multi(Map<String, EmergencyVisits.Keyed> visits, Iterable<String> categories,
      Function<EmergencyVisit, List<String>> keys) {
    Map<String, Set<String>> c = empty(categories);
    visits.forEach((enc, k) -> keys.apply(k.visit()).forEach(v -> {
      if (c.containsKey(v)) {
        c.get(v).add(enc);
      }
    }));
    return c;
  }

  private static Map<String, Set<String>> times(Map<String, EmergencyVisits.Keyed> visits,
      Function<EmergencyVisit, java.time.Instant> event, long limit, int width) {
    int bins = (int) ((limit + width - 1) / width);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      names.add(i * width + "-" + (i == bins - 1 ? limit : (i + 1) * width - 1));
    }
    Map<String, Set<String>> c = empty(names);
    c.put("missing", new HashSet<>());
    c.put("left-out", new HashSet<>());
    visits.forEach((enc, k) -> {
      Long m = TimeFigures.minutes(k.visit().times().admission(), event.apply(k.visit()));
      String cell = m == null ? "missing" : m > limit ? "left-out" : names.get((int) Math.min(m / width, bins - 1));
      c.get(cell).add(enc);
    });
    return c;
  }

  private static Map<String, Set<String>> empty(Iterable<String> categories) {
    Map<String, Set<String>> c = new LinkedHashMap<>();
    categories.forEach(k -> c.put(k, new HashSet<>()));
    return c;
  }

  /** A cell name in the wire's characters (the age bands' en dash becomes a hyphen). */
  private static String ascii(String label) {
    return label == null ? null : label.replace('\u2013', '-');
  }

  private static LocalDateTime time(EmergencyVisit v) {
    return LocalDateTime.ofInstant(v.times().admission(), ZoneOffset.UTC);
  }

  private static List<String> range(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(String.valueOf(i));
    }
    return out;
  }

  private static List<String> letters() {
    List<String> out = new ArrayList<>();
    for (char c = 'A'; c <= 'Z'; c++) {
      out.add(String.valueOf(c));
    }
    return out;
  }
}
