package org.datenraum.store.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.store.SiteStore;

/**
 * Measures a site store's data quality in one pass over its facts. Implausible dates, by reason:
 * {@link #BEFORE_1900} (a start before 1900-01-01), {@link #FUTURE} (a start after the measuring
 * time; an end may lie ahead, as a consent's does), {@link #END_BEFORE_START}, {@link #BEFORE_BIRTH} (a start before the first day
 * of the patient's birth month). A fact counts once per reason that applies.
 */
public final class DataQuality {

  public static final String BEFORE_1900 = "before-1900";
  public static final String FUTURE = "in-the-future";
  public static final String END_BEFORE_START = "end-before-start";
  public static final String BEFORE_BIRTH = "before-birth";

  private static final Instant YEAR_1900 = Instant.parse("1900-01-01T00:00:00Z");

  private DataQuality() {}

  /** Measures {@code store}; {@code knownSystems} are the code systems' canonical URLs the site expects. */
  public static QualityReport measure(SiteStore store, Set<String> knownSystems, Instant now) {
    Map<String, Instant> births = new HashMap<>();
    try (var patients = store.patients()) {
      patients.filter(p -> p.birth() != null).forEach(p -> births.put(p.pseudonym(), firstDay(p)));
    }
    Map<String, long[]> fields = new TreeMap<>();
    Map<String, Long> unknown = new TreeMap<>();
    Map<String, Long> implausible = new TreeMap<>();
    long[] total = {0};
    try (var facts = store.facts()) {
      facts.forEach(f -> {
        total[0]++;
        count(fields.computeIfAbsent(f.resourceType(), t -> new long[6]), f);
        String system = f.code().system() == null ? "(none)" : f.code().system();
        if (!knownSystems.contains(system)) {
          unknown.merge(system, 1L, Long::sum);
        }
        dates(f, births.get(f.patient()), now, implausible);
      });
    }
    return new QualityReport(now, total[0], fields.entrySet().stream().map(e -> new FieldCompleteness(e.getKey(),
        e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5]))
        .toList(), unknown, implausible);
  }

  private static void count(long[] c, Fact f) {
    c[0]++;
    c[1] += f.encounter() == null ? 0 : 1;
    c[2] += f.start() == null ? 0 : 1;
    c[3] += f.end() == null ? 0 : 1;
    c[4] += f.value() == null ? 0 : 1;
    c[5] += f.status() == null ? 0 : 1;
  }

  private static void dates(Fact f, Instant birth, Instant now, Map<String, Long> out) {
    if (f.start() != null && f.start().isBefore(YEAR_1900)) {
      out.merge(BEFORE_1900, 1L, Long::sum);
    }
    if (f.start() != null && f.start().isAfter(now)) {
      out.merge(FUTURE, 1L, Long::sum);
    }
    if (f.start() != null && f.end() != null && f.end().isBefore(f.start())) {
      out.merge(END_BEFORE_START, 1L, Long::sum);
    }
    if (f.start() != null && birth != null && f.start().isBefore(birth)) {
      out.merge(BEFORE_BIRTH, 1L, Long::sum);
    }
  }

  private static Instant firstDay(PatientRecord p) {
    YearMonth m = p.birth();
    return LocalDate.of(m.getYear(), m.getMonth(), 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
