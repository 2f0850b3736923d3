package org.datenraum.node.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.ReportQuery;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.node.Cohort;
import org.datenraum.node.Cohorts;
import org.datenraum.node.ReportCells;
import org.datenraum.privacy.CellSum;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosureControl;
import org.datenraum.privacy.RecordKeyTable;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.PatientNumbering;

/**
 * Answers an approved request at the site: compiles the CCDL, selects the cohort under the
 * consent policy, splits it into every cell of the requested strata, and passes the patients of
 * the total and of each cell through disclosure control, whose noise depends on those patients
 * only: summed from their record keys, which are held by patient number for the numbering the
 * cohorts keep (made once per numbering). A report request's cells come from the site's registry reports and pass the same control. Exact counts never leave this class. Thread-safe.
 */
public final class Answering {

  private final Cohorts cohorts;
  private final CcdlCompiler compiler;
  private final DisclosureControl control;
  private final ConsentPolicy consent;
  private final Clock clock;
  private volatile NumberedKeys keys;

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

  /**
   * What the request needs before it is approved: a compiled plan, or for a report request its
   * checked report query; else the problem that makes it unanswerable here.
   */
  public Result<Prepared> prepare(RequestDocument d) {
    if (d.type() == RequestType.REPORT) {
      try {
        return Result.ok(new Prepared(null, ReportQuery.of(d.query())));
      } catch (WireFormatException e) {
        return Result.fail(Problem.invalid("DR-5651", "the report request is not valid: " + e.getMessage()));
      }
    }
    return plan(d).map(p -> new Prepared(p, null));
  }

  /** The protected answer to a prepared request, or the problem that kept the site from answering. */
  public Result<SiteResult> answer(RequestDocument d, Prepared prepared) {
    if (prepared.report() == null) {
      return Result.ok(answer(d, prepared.plan()));
    }
    ReportQuery q = prepared.report();
    return cohorts.reports().cells(q.report(), q.parameters(), today(), consent).map(this::protect);
  }

  private SiteResult protect(ReportCells cells) {
    Map<String, Map<String, Count>> tables = new LinkedHashMap<>();
    cells.tables().forEach((table, c) -> {
      Map<String, Count> out = new LinkedHashMap<>();
      c.forEach((cell, records) -> out.put(cell, protect(records)));
      tables.put(table, out);
    });
    return new SiteResult(protect(cells.population()), tables);
  }

  /** A request ready to answer: the plan of a CCDL request, or the query of a report request. */
  public record Prepared(Plan plan, ReportQuery report) {
    public Prepared {
      if ((plan == null) == (report == null)) {
        throw new IllegalArgumentException("a prepared request has either a plan or a report query.");
      }
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The protected answer. */
  public SiteResult answer(RequestDocument d, Plan plan) {
    LocalDate today = today();
    Cohort cohort = cohorts.cohort(plan, today, consent);
    RecordKeyTable keys = keys(cohort.numbering());
    Count total = protect(keys.sum(cohort.numbers()));
    Map<String, Map<String, Count>> strata = new LinkedHashMap<>();
    for (Stratum s : d.stratify()) {
      Map<String, Integer> years = s == Stratum.YEAR ? cohorts.firstYear(pseudonyms(cohort), d.yearOf()) : Map.of();
      Map<String, Count> cells = new LinkedHashMap<>();
      StratumCells.split(s, cohort, today, years).forEach((cell, numbers) -> cells.put(cell, protect(keys.sum(numbers))));
      strata.put(s.wire(), cells);
    }
    return new SiteResult(total, strata);
  }

  /**
   * Makes the record keys of the patients the cohorts hold by number now, when they hold a
   * numbering, rather than at the first request.
   */
  public void prepareKeys() {
    cohorts.numbering().ifPresent(this::keys);
  }

  /** The record keys of a numbering: the last one made when it is the same numbering. */
  private RecordKeyTable keys(PatientNumbering numbering) {
    NumberedKeys last = keys;
    if (last != null && last.numbering() == numbering) {
      return last.table();
    }
    RecordKeyTable table = RecordKeyTable.of(control.keys(), numbering.size(), numbering::pseudonym);
    keys = new NumberedKeys(numbering, table);
    return table;
  }

  private record NumberedKeys(PatientNumbering numbering, RecordKeyTable table) {}

  private static Set<String> pseudonyms(Cohort cohort) {
    Set<String> all = new HashSet<>();
    cohort.records().forEach(p -> all.add(p.pseudonym()));
    return all;
  }

  private Count protect(CellSum sum) {
    OptionalLong released = control.release(sum);
    return released.isPresent() ? Count.of(released.getAsLong()) : Count.suppressed();
  }

  private Count protect(Collection<String> patients) {
    OptionalLong released = control.release(patients);
    return released.isPresent() ? Count.of(released.getAsLong()) : Count.suppressed();
  }
}
