package org.datenraum.node.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.node.Cohorts;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosureControl;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.Plan;

/**
 * Answers an approved request at the site: compiles the CCDL, selects the cohort under the
 * consent policy, counts it (and its strata), and passes every count through disclosure control.
 * Exact counts never leave this class. Thread-safe.
 */
public final class Answering {

  private final Cohorts cohorts;
  private final CcdlCompiler compiler;
  private final DisclosureControl control;
  private final ConsentPolicy consent;
  private final Clock clock;

  public Answering(Cohorts cohorts, TermCodeMapping mapping, DisclosureControl control, ConsentPolicy consent,
      Clock clock) {
    this.cohorts = cohorts;
    this.compiler = CcdlCompiler.of(mapping);
    this.control = control;
    this.consent = consent;
    this.clock = clock;
  }

  /** The compiled plan, or the problem that makes the request unanswerable here. */
  public Result<Plan> plan(RequestDocument d) {
    return CcdlParser.read(d.query()).flatMap(compiler::compile);
  }

  /** The protected answer. */
  public SiteResult answer(RequestDocument d, Plan plan) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    List<PatientRecord> cohort = cohorts.select(plan, today, consent);
    String fingerprint = QueryFingerprint.of(d);
    Count total = protect(fingerprint + "|total", cohort.size());
    Map<String, Map<String, Count>> strata = new LinkedHashMap<>();
    for (Stratum s : d.stratify()) {
      Map<String, Count> cells = new LinkedHashMap<>();
      counts(s, d, cohort, today).forEach((cell, n) -> cells.put(cell, protect(fingerprint + "|" + s.wire() + "=" + cell, n)));
      strata.put(s.wire(), cells);
    }
    return new SiteResult(total, strata);
  }

  private Count protect(String key, long trueCount) {
    OptionalLong released = control.release(key, trueCount);
    return released.isPresent() ? Count.of(released.getAsLong()) : Count.suppressed();
  }

  private Map<String, Long> counts(Stratum s, RequestDocument d, List<PatientRecord> cohort, LocalDate today) {
    Map<String, Long> out = new TreeMap<>();
    Map<String, Integer> years = s == Stratum.YEAR ? years(d, cohort) : Map.of();
    for (PatientRecord p : cohort) {
      String cell = switch (s) {
        case SEX -> p.sex().code();
        case AGE -> ageBand(p, today);
        case YEAR -> years.containsKey(p.pseudonym()) ? years.get(p.pseudonym()).toString() : "unknown";
      };
      out.merge(cell, 1L, Long::sum);
    }
    return out;
  }

  private Map<String, Integer> years(RequestDocument d, List<PatientRecord> cohort) {
    Set<String> ids = new HashSet<>();
    cohort.forEach(p -> ids.add(p.pseudonym()));
    return cohorts.firstYear(ids, d.yearOf());
  }

  static String ageBand(PatientRecord p, LocalDate today) {
    if (p.birth() == null) {
      return "unknown";
    }
    int age = Period.between(p.birth().atDay(1), today).getYears();
    if (age < 0) {
      return "unknown";
    }
    int low = age / 10 * 10;
    return low + "-" + (low + 9);
  }
}
