package org.datenraum.store.duckdb.feasibility;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.store.duckdb.internal.IndexDelta;
import org.datenraum.store.duckdb.internal.Transactions;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.roaringbitmap.RoaringBitmap;

/**
 * Builds the code index from the fact table, and saves and loads it with the store version it
 * was built at (tables {@code feasibility_index} and {@code feasibility_index_meta}). Stateless;
 * callers hold the store's connection lock.
 */
final class IndexStore {

  /** Only the patients of the temporary table {@code index_patient}. */
  private static final String TOUCHED = " AND patient IN (SELECT patient FROM index_patient)";

  /**
   * The patients of every fact code, of facts that pass {@code filter} ({@code AND ...}): grouped
   * by the rows' kind ids, then named by {@code fact_kind} (a code of several kinds comes more than
   * once).
   */
  private static String codes(String filter) {
    return "SELECT k.resource_type, k.system, k.code, p.patients FROM (SELECT kind, list(DISTINCT patient)"
        + " AS patients FROM fact_row WHERE true" + filter + " GROUP BY kind) p JOIN fact_kind k ON k.id = p.kind";
  }

  /**
   * The patients of every coded attribute, of facts that pass {@code filter}. The lines are split
   * once per distinct value of {@code attribute_set}, not once per fact. Reference attributes
   * name one resource each; they are matched on rows, not indexed.
   */
  private static String attributes(String filter) {
    return "SELECT k.resource_type, l.line, list(DISTINCT f.patient) FROM fact_row f JOIN fact_kind k ON k.id = f.kind"
        + " JOIN (SELECT id, line FROM (SELECT id, unnest(string_split(attributes, chr(10))) AS line"
        + " FROM attribute_set) WHERE line NOT LIKE '%=" + AttributeLines.REFERENCE_SYSTEM + "|%') l"
        + " ON l.id = f.attribute_set WHERE true" + filter + " GROUP BY ALL";
  }

  /**
   * Separates the parts of a key read as one string: one string per row instead of four halves
   * the time to read the index. FHIR strings hold no control characters; a key that does not
   * split into four parts makes the saved index unreadable, so it is rebuilt.
   */
  private static final char UNIT = '\u001f';
  private static final String SEPARATOR = "chr(31)";

  /** The path of the rows that hold the patients by sex and birth month. */
  static final String PATIENTS = "#patients";

  /**
   * The path of the rows that hold the index and the patients in packed form ({@link PackedIndex},
   * in parts numbered by {@code system}, each naming the version in {@code code}).
   */
  static final String PACKED = "#packed";

  /** The path of the rows that hold the pseudonyms by patient number in packed form. */
  static final String NAMES = "#names";


  private IndexStore() {}

  /** The number of committed write batches. */
  static long storeVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(version) FROM store_version")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The saved index, if it was built at this store version and reads back whole. */
  static Optional<CodeIndex> load(Connection c, long version) throws SQLException {
    if (!savedAt(c, version)) {
      return Optional.empty();
    }
    Map<IndexKey, RoaringBitmap> bitmaps = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT resource_type || " + SEPARATOR
        + " || path || " + SEPARATOR + " || system || " + SEPARATOR + " || code, patients FROM feasibility_index"
        + " WHERE resource_type <> ''")) {
      while (rs.next()) {
        String[] key = rs.getString(1).split(String.valueOf(UNIT), -1);
        RoaringBitmap b = bitmap(rs.getBytes(2));
        if (key.length != 4 || b == null) {
          return Optional.empty();
        }
        bitmaps.put(new IndexKey(key[0], key[1], new Coding(key[2], key[3])), b);
      }
    }
    return Optional.of(CodeIndex.of(bitmaps));
  }

  private static boolean savedAt(Connection c, long version) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(version) FROM feasibility_index_meta")) {
      rs.next();
      long saved = rs.getLong(1);
      return !rs.wasNull() && saved == version;
    }
  }

  /** The index and its patients saved in packed form at this store version, if they read back whole. */
  static Optional<PackedIndex.Unpacked> loadPacked(Connection c, long version) throws SQLException {
    if (!savedAt(c, version)) {
      return Optional.empty();
    }
    return PackedParts.read(c, PACKED, version).flatMap(bytes -> PackedIndex.unpack(bytes, version));
  }

  /** The pseudonyms by patient number saved at this store version, if they read back whole. */
  static Optional<PatientNames> loadNames(Connection c, long version) throws SQLException {
    return PackedParts.read(c, NAMES, version).flatMap(bytes -> PatientNames.unpack(bytes, version));
  }

  /**
   * The patients by sex and birth month saved with the index at {@code version} (rows of an empty
   * resource type, path {@value #PATIENTS}; the row of all patients names the version), if that
   * index was saved with them at that version: a program that does not know these rows may have
   * updated and saved the index since, carrying them along unchanged.
   */
  static Optional<PatientTable> loadPatients(Connection c, long version) throws SQLException {
    PatientTable.Saved saved = new PatientTable.Saved();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT system, code, patients"
        + " FROM feasibility_index WHERE resource_type = '' AND path = '" + PATIENTS + "'")) {
      while (rs.next()) {
        PatientTable.Kind kind = PatientTable.Kind.valueOf(rs.getString(1));
        RoaringBitmap b = bitmap(rs.getBytes(3));
        if (b == null || kind == PatientTable.Kind.ALL && !rs.getString(2).equals(Long.toString(version))) {
          return Optional.empty();
        }
        saved.put(kind, kind == PatientTable.Kind.ALL ? "" : rs.getString(2), b);
      }
    } catch (IllegalArgumentException | java.time.DateTimeException unreadable) {
      return Optional.empty();
    }
    return saved.table();
  }

  /** The bitmap, or null when the bytes are not one. */
  private static RoaringBitmap bitmap(byte[] serialised) {
    RoaringBitmap b = new RoaringBitmap();
    try {
      b.deserialize(ByteBuffer.wrap(serialised));
      return b;
    } catch (java.io.IOException | RuntimeException corrupt) {
      return null;
    }
  }

  /**
   * Reads every fact code and coded attribute with its patients. A key returned more than once is
   * merged, not overwritten.
   */
  static CodeIndex build(Connection c) throws SQLException {
    return CodeIndex.of(read(c, codes(""), attributes("")));
  }

  /**
   * The index with the facts of {@code patients} read again: they are removed from every bitmap
   * and added back where the fact table has them now.
   */
  static CodeIndex update(Connection c, CodeIndex index, RoaringBitmap patients)
      throws SQLException {
    Map<IndexKey, RoaringBitmap> bitmaps = new HashMap<>();
    for (Map.Entry<IndexKey, RoaringBitmap> e : index.bitmaps().entrySet()) {
      RoaringBitmap kept = RoaringBitmap.andNot(e.getValue(), patients);
      if (!kept.isEmpty()) {
        bitmaps.put(e.getKey(), kept);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE index_patient (patient INTEGER)");
    }
    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class)
        .createAppender("temp", "main", "index_patient")) {
      for (int p : patients) {
        a.beginRow().append(p).endRow();
      }
    }
    Map<IndexKey, RoaringBitmap> changed = read(c, codes(TOUCHED), attributes(TOUCHED));
    changed.forEach((k, v) -> bitmaps.merge(k, v, (x, y) -> RoaringBitmap.or(x, y)));
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS index_patient");
    }
    return CodeIndex.of(bitmaps);
  }

  private static Map<IndexKey, RoaringBitmap> read(Connection c, String codes, String attributes)
      throws SQLException {
    Map<IndexKey, RoaringBitmap> bitmaps = new HashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(codes)) {
        while (rs.next()) {
          bitmaps.merge(new IndexKey(rs.getString(1), "", new Coding(rs.getString(2), rs.getString(3))),
              bitmap(rs.getArray(4)), (x, y) -> RoaringBitmap.or(x, y));
        }
      }
      try (ResultSet rs = s.executeQuery(attributes)) {
        while (rs.next()) {
          Attribute a = AttributeLines.parseLine(rs.getString(2));
          bitmaps.merge(new IndexKey(rs.getString(1), a.key(), a.value()), bitmap(rs.getArray(3)), (x, y) -> RoaringBitmap.or(x, y));
        }
      }
    }
    return bitmaps;
  }

  private static RoaringBitmap bitmap(Array list) throws SQLException {
    Object[] values = (Object[]) list.getArray();
    int[] numbers = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      numbers[i] = (Integer) values[i];
    }
    java.util.Arrays.sort(numbers);
    RoaringBitmap b = RoaringBitmap.bitmapOf(numbers);
    b.runOptimize();
    return b;
  }

  /**
   * Replaces the saved index with this one, built at {@code version}, and starts an empty delta
   * at that version, in one transaction. The index is saved twice: a row per key (the form that
   * programs before the packed form read) and packed; {@code names} (the pseudonyms at
   * {@code version}) are saved packed unless null.
   */
  static void save(Connection c, CodeIndex index, PatientTable patients, PatientNames names, long version)
      throws SQLException {
    Transactions.inOne(c, () -> replaceRows(c, index, patients, names, version));
  }

  private static void replaceRows(Connection c, CodeIndex index, PatientTable patients, PatientNames names,
      long version) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM feasibility_index");
      s.execute("DELETE FROM feasibility_index_meta");
      try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("feasibility_index")) {
        PackedParts.append(a, PACKED, version, PackedIndex.pack(index, patients, version));
        if (names != null) {
          PackedParts.append(a, NAMES, version, names.pack(version));
        }
        for (Map.Entry<IndexKey, RoaringBitmap> e : index.bitmaps().entrySet()) {
          IndexKey k = e.getKey();
          a.beginRow().append(k.resourceType()).append(k.path()).append(k.coding().system())
              .append(k.coding().code()).append(serialised(e.getValue())).endRow();
        }
        patients.forEach((kind, value, b) -> appendPatients(a, kind,
            kind == PatientTable.Kind.ALL ? Long.toString(version) : value, b));
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO feasibility_index_meta VALUES (?)")) {
        ps.setLong(1, version);
        ps.executeUpdate();
      }
      IndexDelta.reset(c, version);
    }
  }

  /**
   * Saves the index loaded at {@code version} (from the rows of a program before the packed form)
   * in packed form beside those rows, in one transaction.
   */
  static void savePacked(Connection c, CodeIndex index, PatientTable patients, long version) throws SQLException {
    PackedParts.replace(c, PACKED, version, PackedIndex.pack(index, patients, version));
  }

  /** Saves the pseudonyms read at {@code version} in packed form, in one transaction. */
  static void saveNames(Connection c, PatientNames names, long version) throws SQLException {
    PackedParts.replace(c, NAMES, version, names.pack(version));
  }

  private static void appendPatients(DuckDBAppender a, PatientTable.Kind kind, String value, RoaringBitmap b) {
    try {
      a.beginRow().append("").append(PATIENTS).append(kind.name()).append(value).append(serialised(b)).endRow();
    } catch (SQLException e) {
      throw new IllegalStateException("appending the patient bitmaps failed: " + e.getMessage(), e);
    }
  }

  private static byte[] serialised(RoaringBitmap b) {
    ByteBuffer buf = ByteBuffer.allocate(b.serializedSizeInBytes());
    b.serialize(buf);
    return buf.array();
  }
}
