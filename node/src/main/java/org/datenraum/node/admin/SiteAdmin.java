package org.datenraum.node.admin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.Result;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.Decision;
import org.datenraum.node.LocalRequest;
import org.datenraum.node.LocalState;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.store.SiteStats;
import org.datenraum.store.quality.QualityReport;

/**
 * What the site admin pages show and do, for one site: the requests waiting for a person and the
 * decision on one, the approval rules in force, ingest statistics, quarantine grouped by reason,
 * data quality and the audit log with its verification. The same files and store the commands
 * use; nothing here leaves the site. Thread-safe.
 */
public final class SiteAdmin {

  private final NodeDirectory dir;
  private final StoreAccess store;
  private final Supplier<Set<RequestType>> rules;
  private final Set<String> knownSystems;
  private final Clock clock;
  private final AtomicReference<QualityFile.Measured> measured = new AtomicReference<>();

  /**
   * @param rules        the request types the running node approves without a person
   * @param knownSystems the code systems' URLs the site's data should use (data quality)
   */
  public SiteAdmin(NodeDirectory dir, StoreAccess store, Supplier<Set<RequestType>> rules, Set<String> knownSystems,
      Clock clock) {
    this.dir = requireNonNull(dir, "dir");
    this.store = requireNonNull(store, "store");
    this.rules = requireNonNull(rules, "rules");
    this.knownSystems = Set.copyOf(knownSystems);
    this.clock = requireNonNull(clock, "clock");
  }

  /** Requests waiting for a person's decision, newest first. */
  public List<LocalRequest> awaiting() {
    return dir.all().stream().filter(r -> r.state() == LocalState.AWAITING_APPROVAL).toList();
  }

  /** Every request the site has seen, newest first. */
  public List<LocalRequest> all() {
    return dir.all();
  }

  /** One request, if the site has it; an id that is not one answers as not found. */
  public Optional<LocalRequest> request(String id) {
    try {
      return dir.find(id);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** Leaves a decision for the running node; refused unless the request waits for one. */
  public Result<LocalRequest> decide(String id, boolean approve, String by, String reason) {
    Optional<LocalRequest> r = request(id);
    if (r.isEmpty() || r.get().state() != LocalState.AWAITING_APPROVAL) {
      return Result.fail(Problem.notFound("DR-7130", "request `" + id + "` is not awaiting approval at this site:"
          + " it was decided already or does not exist."));
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (!approve && why == null) {
      return Result.fail(Problem.invalid("DR-7131", "a rejection needs a reason: the researcher is shown it."));
    }
    if (why != null && why.length() > 500) {
      return Result.fail(Problem.invalid("DR-7132", "the reason has " + why.length() + " characters: give at most"
          + " 500."));
    }
    dir.decide(id, new Decision(approve, by, why));
    return Result.ok(r.get());
  }

  /** The request types answered without a person. */
  public Set<RequestType> autoApproved() {
    return rules.get();
  }

  public Result<SiteStats> stats() {
    return store.read(s -> s.stats());
  }

  /**
   * The data quality of the store: the measurement a load kept ({@link QualityFile}) while the
   * store's counts are still those it was measured at; otherwise measured now (counted by the
   * store) and kept, so the next call reads it.
   */
  public Result<QualityReport> quality() {
    return store.read(s -> {
      SiteStats now = s.stats();
      QualityFile.Measured m = measured.get();
      if (m == null || !m.stats().equals(now)) {
        m = QualityFile.read(dir).filter(kept -> kept.stats().equals(now)).orElse(null);
      }
      if (m == null) {
        m = QualityFile.measure(dir, s, knownSystems, clock.instant());
      }
      measured.set(m);
      return m.report();
    });
  }

  /** When the last load ended, if the data quality shown was measured at its end (else unknown). */
  public Optional<java.time.Instant> lastLoad() {
    QualityFile.Measured m = measured.get();
    return m == null ? Optional.empty() : Optional.ofNullable(m.loaded());
  }

  /**
   * The quarantine grouped by reason (problem code), largest group first, each with page
   * {@code page} (from 0) of {@code size} entries.
   */
  public Result<List<QuarantineGroup>> quarantine(int page, int size) {
    if (page < 0 || size < 1 || size > 500) {
      return Result.fail(Problem.invalid("DR-7133", "page `" + page + "` of size `" + size + "` is not a page:"
          + " give a page from 0 and a size from 1 to 500."));
    }
    return store.read(s -> s.quarantine()).map(entries -> group(entries, page, size));
  }

  static List<QuarantineGroup> group(List<QuarantineEntry> entries, int page, int size) {
    Map<String, List<QuarantineEntry>> byCode = new LinkedHashMap<>();
    for (QuarantineEntry e : entries) {
      byCode.computeIfAbsent(e.problem().code(), c -> new ArrayList<>()).add(e);
    }
    List<QuarantineGroup> out = new ArrayList<>();
    byCode.forEach((code, list) -> {
      int from = (int) Math.min((long) page * size, list.size());
      out.add(new QuarantineGroup(code, list.get(0).problem().message(), list.size(),
          list.subList(from, Math.min(from + size, list.size()))));
    });
    out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.code().compareTo(b.code()));
    return out;
  }

  /** The audit log verified against its head file, with its {@code newest} latest entries. */
  public AuditView audit(int newest) {
    try {
      var report = FileAuditLog.verify(dir.auditLog(), dir.auditKey(), dir.auditHead(), List.of());
      List<AuditEntry> entries = Files.exists(dir.auditLog()) ? FileAuditLog.read(dir.auditLog()) : List.of();
      List<AuditEntry> latest = new ArrayList<>(entries.subList(Math.max(0, entries.size() - newest), entries.size()));
      java.util.Collections.reverse(latest);
      return new AuditView(report, latest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the site's audit log " + dir.auditLog(), e);
    }
  }
}
