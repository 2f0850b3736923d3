package org.datenraum.store.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.files.OwnerOnly;
import org.datenraum.store.SiteStats;
import org.datenraum.store.SiteStore;
import org.datenraum.store.duckdb.internal.BatchWriter;
import org.datenraum.store.duckdb.internal.FactCodec;
import org.datenraum.store.duckdb.internal.JsonCodec;
import org.datenraum.store.duckdb.internal.KeyedReads;
import org.datenraum.store.duckdb.internal.Migrations;
import org.datenraum.store.duckdb.internal.PatientNumbers;
import org.datenraum.store.duckdb.internal.SelectedPatients;
import org.datenraum.store.duckdb.internal.StoreConnections;
import org.datenraum.store.duckdb.internal.StoreConnections.SqlFunction;
import org.datenraum.store.duckdb.internal.QualityCounts;
import org.datenraum.store.duckdb.internal.StoreFile;
import org.datenraum.store.quality.QualityReport;
import org.duckdb.DuckDBConnection;

/**
 * The site store in an embedded DuckDB file. One process opens a file at a time; within it, the
 * store is thread-safe (calls are serialised).
 */
public final class DuckDbSiteStore implements SiteStore {

  static {
    StoreConnections.grant(store -> store::withConnection);
  }

  private final DuckDBConnection connection;
  private final PatientNumbers numbers = new PatientNumbers();
  /** Whether {@link #numbers} holds the committed patients; read at the first use, not at opening. */
  private volatile boolean numbersLoaded;
  private final Map<Integer, String> pseudonymsByNumber = new HashMap<>();
  private final JsonCodec codec;
  private final BatchWriter writer;
  private final boolean readOnly;

  private DuckDbSiteStore(DuckDBConnection connection, JsonCodec codec, Clock clock, boolean readOnly)
      throws SQLException {
    this.connection = connection;
    this.codec = codec;
    this.writer = readOnly ? null : new BatchWriter(connection, numbers, codec, clock);
    this.readOnly = readOnly;
  }

  /**
   * Opens (creating if needed) the store in {@code file} and migrates its schema.
   *
   * @throws StoreLockedException when another process has the file open
   */
  public static DuckDbSiteStore open(Path file, Clock clock) {
    return open(file, clock, StoreSettings.defaults());
  }

  /** As {@link #open(Path, Clock)}, with DuckDB's memory limit and threads as {@code settings} say. */
  public static DuckDbSiteStore open(Path file, Clock clock, StoreSettings settings) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        OwnerOnly.createDirectories(parent);
      }
      if (!Files.exists(file)) {
        StoreFile.createOwnerOnly(file.toAbsolutePath());
      }
      Connection c = connect(file, new java.util.Properties(), settings);
      try (Statement s = c.createStatement()) {
        s.execute("SET checkpoint_threshold = '256MB'");
      }
      Migrations.migrate(c);
      return new DuckDbSiteStore(c.unwrap(DuckDBConnection.class), JsonCodec.load(c), clock, false);
    } catch (SQLException e) {
      if (StoreLockedException.isLockConflict(e)) {
        throw new StoreLockedException(file.toAbsolutePath(), e);
      }
      throw new StoreException("cannot open the site store at " + file + ": " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot open the site store at " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens an existing store for reading only. Several processes may hold one file read-only at
   * once, but none may write it meanwhile; {@link #write} is refused. The schema must be the
   * newest: a read-only opening cannot migrate it.
   *
   * @throws StoreLockedException when another process has the file open for writing
   */
  public static DuckDbSiteStore openReadOnly(Path file, Clock clock) {
    return openReadOnly(file, clock, StoreSettings.defaults());
  }

  /** As {@link #openReadOnly(Path, Clock)}, with DuckDB's memory limit and threads as {@code settings} say. */
  public static DuckDbSiteStore openReadOnly(Path file, Clock clock, StoreSettings settings) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("there is no site store at `" + file + "`: load data with `datenraum ingest`"
          + " first.", null);
    }
    java.util.Properties readOnly = new java.util.Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try {
      Connection c = connect(file, readOnly, settings);
      try {
        Migrations.requireNewest(c);
        return new DuckDbSiteStore(c.unwrap(DuckDBConnection.class), JsonCodec.load(c), clock, true);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      if (StoreLockedException.isLockConflict(e)) {
        throw new StoreLockedException(file.toAbsolutePath(), e);
      }
      throw new StoreException("cannot open the site store at " + file + " read-only: " + e.getMessage(), e);
    }
  }

  /** Whether this store was opened with {@link #openReadOnly}. */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * A connection from the DuckDB driver itself: {@link DriverManager} would first load and
   * initialise every JDBC driver on the class path (the broker's SQLite driver starts the logging
   * framework), about half a second of a node's start.
   */
  private static Connection connect(Path file, java.util.Properties properties, StoreSettings settings)
      throws SQLException {
    settings.applyTo(properties);
    return new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), properties);
  }

  /**
   * The committed patients' numbers, read at their first use rather than at opening: a node
   * answering feasibility queries never needs them, and at a million patients reading them takes
   * seconds.
   */
  private PatientNumbers numbers() {
    if (!numbersLoaded) {
      loadNumbers();
    }
    return numbers;
  }

  private synchronized void loadNumbers() {
    if (numbersLoaded) {
      return;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT pseudonym, num FROM patient")) {
      while (rs.next()) {
        numbers.load(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new StoreException("reading the site store's patients failed: " + e.getMessage(), e);
    }
    numbersLoaded = true;
  }

  /** The JDBC connection, for this package and (through {@link StoreConnections}) this module's. */
  synchronized <T> T withConnection(SqlFunction<T> f) {
    try {
      return f.apply(connection);
    } catch (SQLException e) {
      throw new StoreException("site store query failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void write(WriteBatch batch) {
    if (readOnly) {
      throw new IllegalStateException("the site store was opened read-only: open it with `open` to write a batch.");
    }
    try {
      numbers();
      writer.write(batch);
      pseudonymsByNumber.clear();
    } catch (SQLException e) {
      throw new StoreException("writing a batch to the site store failed (the batch was rolled"
          + " back): " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasPatient(String pseudonym) {
    return numbers().isCommitted(pseudonym);
  }

  @Override
  public Optional<String> patientByIdentifier(String identifierPseudonym) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT patient FROM patient_identifier WHERE identifier = ? LIMIT 1")) {
        ps.setString(1, identifierPseudonym);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
    return identifierPseudonyms.isEmpty() ? Map.of()
        : withConnection(c -> KeyedReads.patientsByIdentifier(c, identifierPseudonyms));
  }

  @Override
  public Map<org.datenraum.core.ResourceKey, String> resourceJson(Set<org.datenraum.core.ResourceKey> keys) {
    return keys.isEmpty() ? Map.of() : withConnection(c -> {
      Set<org.datenraum.core.ResourceKey> maybe = writer == null ? keys : writer.mayHold(keys);
      return maybe.isEmpty() ? Map.of() : KeyedReads.resourceJson(c, codec, maybe);
    });
  }

  @Override
  public List<Coding> medicationCodes(String medicationId) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT system, code FROM medication_code WHERE medication = ?")) {
        ps.setString(1, medicationId);
        List<Coding> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Coding(rs.getString(1), rs.getString(2)));
          }
        }
        return out;
      }
    });
  }

  /** Whether the store holds no resource (a first load into it is coming). */
  public boolean holdsNoResources() {
    return withConnection(c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1 FROM resource LIMIT 1")) {
        return !rs.next();
      }
    });
  }

  @Override
  public SiteStats stats() {
    return withConnection(c -> {
      Map<String, Long> byType = new HashMap<>();
      try (Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT type, count(*) FROM resource GROUP BY type")) {
          while (rs.next()) {
            byType.put(rs.getString(1), rs.getLong(2));
          }
        }
        return new SiteStats(count(s, "patient"), byType, count(s, "fact_row"),
            count(s, "quarantine"));
      }
    });
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public Stream<PatientRecord> patients() {
    return withConnection(c -> readPatients(c, ""));
  }

  /** Semi-joins the patient table with the numbers of these pseudonyms. */
  @Override
  public Stream<PatientRecord> patients(Set<String> pseudonyms) {
    return withConnection(c -> {
      Map<Integer, String> wanted = numbersOf(pseudonyms);
      if (wanted.isEmpty()) {
        return Stream.empty();
      }
      try (SelectedPatients selected = SelectedPatients.of(connection, wanted.keySet())) {
        return readPatients(c, " WHERE num IN (SELECT num FROM " + SelectedPatients.TABLE + ")");
      }
    });
  }

  private static Stream<PatientRecord> readPatients(Connection c, String where) throws SQLException {
    List<PatientRecord> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pseudonym, birth_year,"
        + " birth_month, sex, deceased FROM patient" + where + " ORDER BY num")) {
      while (rs.next()) {
        int year = rs.getInt(2);
        YearMonth birth = rs.wasNull() ? null : YearMonth.of(year, rs.getInt(3));
        out.add(new PatientRecord(rs.getString(1), birth, Sex.ofCode(rs.getString(4)),
            rs.getBoolean(5)));
      }
    }
    return out.stream();
  }

  @Override
  public Stream<Fact> facts() {
    return withConnection(c -> {
      Map<Integer, String> names = pseudonymsByNumber(c);
      List<Fact> out = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT " + FactCodec.COLUMNS + " FROM fact")) {
        while (rs.next()) {
          out.add(FactCodec.read(rs, names.get(rs.getInt(1))));
        }
      }
      return out.stream();
    });
  }

  @Override
  public Stream<Fact> factsOfType(String resourceType) {
    return withConnection(c -> {
      Map<Integer, String> names = pseudonymsByNumber(c);
      List<Fact> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + FactCodec.COLUMNS + " FROM fact"
          + " WHERE resource_type = ?")) {
        ps.setString(1, resourceType);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(FactCodec.read(rs, names.get(rs.getInt(1))));
          }
        }
      }
      return out.stream();
    });
  }

  /** Semi-joined in the database: only the encounters' rows are decoded. */
  @Override
  public Stream<Fact> factsOfEncountersStarting(String resourceType, Coding code, Instant from, Instant to) {
    return withConnection(c -> {
      Map<Integer, String> names = pseudonymsByNumber(c);
      List<Fact> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + FactCodec.COLUMNS + " FROM fact"
          + " WHERE encounter IN (SELECT encounter FROM fact_row WHERE kind IN (SELECT id FROM fact_kind"
          + " WHERE resource_type = ? AND system = ? AND code = ?) AND start_time >= ? AND start_time < ?"
          + " AND encounter IS NOT NULL)")) {
        ps.setString(1, resourceType);
        ps.setString(2, code.system());
        ps.setString(3, code.code());
        ps.setObject(4, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        ps.setObject(5, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(FactCodec.read(rs, names.get(rs.getInt(1))));
          }
        }
      }
      return out.stream();
    });
  }

  /**
   * Scans the rows of the code semi-joined with the patients' numbers, so that only their rows
   * are decoded.
   */
  @Override
  public Stream<Fact> facts(Coding code, Set<String> patients) {
    return withConnection(c -> {
      Map<Integer, String> wanted = numbersOf(patients);
      if (wanted.isEmpty()) {
        return Stream.empty();
      }
      List<Fact> out = new ArrayList<>();
      try (SelectedPatients selected = SelectedPatients.of(connection, wanted.keySet());
          PreparedStatement ps = c.prepareStatement("SELECT " + FactCodec.COLUMNS + " FROM fact"
              + " WHERE system = ? AND code = ? AND patient IN (SELECT num FROM "
              + SelectedPatients.TABLE + ")")) {
        ps.setString(1, code.system());
        ps.setString(2, code.code());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(FactCodec.read(rs, wanted.get(rs.getInt(1))));
          }
        }
      }
      return out.stream();
    });
  }

  /** The committed numbers of these pseudonyms, unknown ones left out. Call under the lock. */
  private Map<Integer, String> numbersOf(Set<String> pseudonyms) {
    Map<Integer, String> out = new HashMap<>();
    for (String p : pseudonyms) {
      Integer n = numbers().get(p);
      if (n != null) {
        out.put(n, p);
      }
    }
    return out;
  }

  private Map<Integer, String> pseudonymsByNumber(Connection c) throws SQLException {
    if (pseudonymsByNumber.isEmpty()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT num, pseudonym FROM patient")) {
        while (rs.next()) {
          pseudonymsByNumber.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return pseudonymsByNumber;
  }

  /** Counted by the database ({@link QualityCounts}): the same figures as the pass over every fact, without decoding one. */
  @Override
  public QualityReport quality(Set<String> knownSystems, Instant now) {
    return withConnection(c -> QualityCounts.measure(c, knownSystems, now));
  }

  @Override
  public Optional<String> resourceJson(org.datenraum.core.ResourceKey key) {
    return withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT json FROM resource WHERE type = ? AND id = ?")) {
        ps.setString(1, key.type());
        ps.setString(2, key.id());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(codec.decompress(rs.getBytes(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<QuarantineEntry> quarantine() {
    return withConnection(c -> {
      List<QuarantineEntry> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file,"
          + " location, resource_type, resource_id, code, category, reason FROM quarantine"
          + " ORDER BY rejected_at, file, location")) {
        while (rs.next()) {
          out.add(new QuarantineEntry(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), new Problem(Problem.Category.valueOf(rs.getString(6)),
                  rs.getString(5), rs.getString(7))));
        }
      }
      return out;
    });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing the site store failed: " + e.getMessage(), e);
    }
  }
}
