package org.datenraum.store.duckdb.feasibility;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.FeasibilityExecutor;
import org.datenraum.store.NumberedPatients;
import org.datenraum.store.PatientNumbering;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.internal.IndexDelta;
import org.datenraum.store.duckdb.internal.StoreConnections;

/**
 * Executes plans on a DuckDB site store through the feasibility index: per (resource type, code)
 * and per coded attribute a RoaringBitmap of patient numbers, patients by sex and birth month,
 * and the fact rows of filtered codes cached in columns. Before each query the executor compares
 * the store version (incremented by every committed write batch) with the version its index was
 * built at; when they differ, it loads the index (and the patients by sex and birth month) saved at
 * the current version, or updates the
 * index it holds (or the saved one) for the patients whose facts changed since, or rebuilds it
 * when there is none to start from, and saves it (unless the store was opened read-only: then the
 * index brought up to date stays in memory); and it drops its cached rows (and the
 * pseudonyms by patient number, which it loads at the first {@link #matching} or
 * {@link #numbered} call of a version: saved packed with the index, or read from the patient
 * table and then saved; {@link #numbered} returns the same numbering until the store's version
 * changes). Thread-safe (queries are serialised).
 */
public final class DuckDbFeasibilityExecutor implements FeasibilityExecutor {

  /** The default budget for cached fact rows. */
  public static final long DEFAULT_ROW_CACHE_BYTES = 1L << 30;

  private final StoreConnections.Access connection;
  private final long rowCacheBytes;
  private final boolean readOnly;
  private long version = -1;
  private CodeIndex index;
  private PatientTable patients;
  private RowCache rows;
  private PatientNames names;
  private boolean rebuiltLast;
  private boolean updatedLast;

  private DuckDbFeasibilityExecutor(DuckDbSiteStore store, long rowCacheBytes) {
    this.connection = StoreConnections.of(store);
    this.rowCacheBytes = rowCacheBytes;
    this.readOnly = store.readOnly();
  }

  public static DuckDbFeasibilityExecutor of(DuckDbSiteStore store) {
    return of(store, DEFAULT_ROW_CACHE_BYTES);
  }

  /** An executor that keeps at most about {@code rowCacheBytes} of fact rows in memory. */
  public static DuckDbFeasibilityExecutor of(DuckDbSiteStore store, long rowCacheBytes) {
    if (rowCacheBytes < 0) {
      throw new IllegalArgumentException("rowCacheBytes must not be negative: " + rowCacheBytes);
    }
    return new DuckDbFeasibilityExecutor(requireNonNull(store, "store"), rowCacheBytes);
  }

  @Override
  public synchronized long count(Plan plan, LocalDate queryDate) {
    requireNonNull(plan, "plan");
    requireNonNull(queryDate, "queryDate");
    return connection.withConnection(c -> {
      refresh(c);
      return (long) new PlanEvaluator(patients, index, rows, c, queryDate).cohort(plan).getCardinality();
    });
  }

  @Override
  public synchronized Set<String> matching(Plan plan, LocalDate queryDate) {
    requireNonNull(plan, "plan");
    requireNonNull(queryDate, "queryDate");
    return connection.withConnection(c -> currentNames(c).of(
        new PlanEvaluator(patients, index, rows, c, queryDate).cohort(plan)));
  }

  @Override
  public synchronized NumberedPatients numbered(Plan plan, LocalDate queryDate) {
    requireNonNull(plan, "plan");
    requireNonNull(queryDate, "queryDate");
    return connection.withConnection(c -> new NumberedPatients(currentNames(c).numbering(),
        new PlanEvaluator(patients, index, rows, c, queryDate).cohort(plan).toArray()));
  }

  /** The numbering of the store's current version (loaded now if need be). */
  @Override
  public synchronized Optional<PatientNumbering> numbering() {
    return Optional.of(connection.withConnection(c -> currentNames(c).numbering()));
  }

  /** The pseudonyms by number at the store's current version, the index brought up to it first. */
  private PatientNames currentNames(Connection c) throws SQLException {
    refresh(c);
    if (names == null) {
      names = names(c);
    }
    return names;
  }

  /** Brings the index up to the store's version now, instead of at the next query. */
  public synchronized IndexStats refresh() {
    return connection.withConnection(c -> {
      refresh(c);
      return stats();
    });
  }

  /** Sizes of the index and the row cache. */
  public synchronized IndexStats stats() {
    return new IndexStats(version, index == null ? 0 : index.size(),
        index == null ? 0 : index.sizeInBytes() + patients.sizeInBytes(),
        rows == null ? 0 : rows.keys(), rows == null ? 0 : rows.sizeInBytes(), rebuiltLast,
        updatedLast);
  }

  private void refresh(Connection c) throws SQLException {
    long current = IndexStore.storeVersion(c);
    if (current == version) {
      return;
    }
    rebuiltLast = false;
    updatedLast = false;
    Optional<PackedIndex.Unpacked> packed = IndexStore.loadPacked(c, current);
    Optional<CodeIndex> saved = packed.isPresent() ? Optional.empty() : IndexStore.load(c, current);
    PatientNames heldNames = names;
    long heldAt = version;
    names = null;
    if (packed.isPresent()) {
      index = packed.get().index();
      patients = packed.get().patients();
    } else if (saved.isPresent()) {
      index = saved.get();
      Optional<PatientTable> savedPatients = IndexStore.loadPatients(c, current);
      patients = savedPatients.isPresent() ? savedPatients.get() : PatientTable.load(c);
      if (!readOnly) {
        IndexStore.savePacked(c, index, patients, current);
      }
    } else {
      IndexDelta.Delta delta = IndexDelta.read(c);
      index = updatedOrRebuilt(c, delta);
      patients = PatientTable.load(c);
      if (!readOnly) {
        names = updatedNames(c, delta, heldAt == delta.base() ? heldNames : null);
        IndexStore.save(c, index, patients, names, current);
      }
    }
    rows = new RowCache(rowCacheBytes);
    version = current;
  }

  /**
   * The pseudonyms at the store's version: those held or saved at the delta's base version with
   * the touched patients' read again, or all read from the patient table.
   */
  private static PatientNames updatedNames(Connection c, IndexDelta.Delta delta, PatientNames held)
      throws SQLException {
    Optional<PatientNames> base = held != null ? Optional.of(held)
        : delta.base() < 0 ? Optional.empty() : IndexStore.loadNames(c, delta.base());
    return base.isPresent() ? PatientNames.update(c, base.get(), delta.patients()) : PatientNames.load(c);
  }

  /** The pseudonyms saved at this version, or read from the patient table (and saved, if writable). */
  private PatientNames names(Connection c) throws SQLException {
    Optional<PatientNames> saved = IndexStore.loadNames(c, version);
    if (saved.isPresent()) {
      return saved.get();
    }
    PatientNames read = PatientNames.load(c);
    if (!readOnly) {
      IndexStore.saveNames(c, read, version);
    }
    return read;
  }

  /**
   * The index brought up to date for the patients touched since the saved one (the one held, or
   * the one saved at the delta's base version), or rebuilt from the fact table when there is none
   * to start from.
   */
  private CodeIndex updatedOrRebuilt(Connection c, IndexDelta.Delta delta) throws SQLException {
    Optional<CodeIndex> base = delta.base() < 0 ? Optional.empty()
        : index != null && version == delta.base() ? Optional.of(index)
        : IndexStore.load(c, delta.base());
    if (base.isPresent()) {
      updatedLast = true;
      return IndexStore.update(c, base.get(), delta.patients());
    }
    rebuiltLast = true;
    return IndexStore.build(c);
  }
}
