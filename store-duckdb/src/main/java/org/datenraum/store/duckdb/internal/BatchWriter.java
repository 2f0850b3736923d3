package org.datenraum.store.duckdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.roaringbitmap.RoaringBitmap;

/**
 * Writes one {@link WriteBatch} in one transaction: deletes, replaced resources removed, then new
 * rows appended, and the store version incremented (readers such as the feasibility index use it
 * to notice that they are stale). Not thread-safe; the store serialises calls.
 */
public final class BatchWriter {

  /** The types whose own codes the writer keeps in {@code medication_code}. */
  private static final Set<String> CODED_TYPES = Set.of("Medication", "ResearchStudy", "Location");

  private final DuckDBConnection c;
  private final PatientNumbers numbers;
  private final JsonCodec codec;
  private final Clock clock;
  private final int shardBits;
  private KeyIndex keys;
  private long probes;

  public BatchWriter(DuckDBConnection c, PatientNumbers numbers, JsonCodec codec, Clock clock) {
    this(c, numbers, codec, clock, KeyFilter.DEFAULT_SHARD_BITS);
  }

  /** A writer whose key index keeps {@code 2^shardBits} shards in memory. */
  BatchWriter(DuckDBConnection c, PatientNumbers numbers, JsonCodec codec, Clock clock,
      int shardBits) {
    this.c = c;
    this.numbers = numbers;
    this.codec = codec;
    this.clock = clock;
    this.shardBits = shardBits;
  }

  /** Batches so far for which the database was asked which of their resources it holds. */
  long probes() {
    return probes;
  }

  /**
   * Those of the keys that may be stored, by the key index (read now if no batch was written
   * yet); the others certainly are not, so a reader need not look for them.
   */
  public Set<ResourceKey> mayHold(Set<ResourceKey> candidates) throws SQLException {
    if (keys == null) {
      keys = KeyIndex.open(c, shardBits);
    }
    return keys.mayHold(candidates);
  }

  /**
   * Writes the batch. The key index is read at the first write, so that a store opened only to be
   * read never holds it.
   */
  public void write(WriteBatch batch) throws SQLException {
    if (keys == null) {
      keys = KeyIndex.open(c, shardBits);
    }
    c.setAutoCommit(false);
    try {
      // The first statement opens the transaction; appenders alone would run outside of it.
      update("UPDATE store_version SET version = version + 1");
      RoaringBitmap touched = new RoaringBitmap();
      for (ResourceKey key : batch.deletes()) {
        delete(key, touched);
      }
      if (!batch.upserts().isEmpty()) {
        BitSet maybe = keys.stage(batch.upserts());
        Set<ResourceKey> stored = maybe.isEmpty() ? Set.of()
            : removeReplaced(batch.upserts(), maybe, touched);
        keys.persist(c, batch.upserts(), stored);
        append(batch, touched);
      }
      appendLinks(batch.identifiers());
      appendQuarantine(batch);
      IndexDelta.add(c, touched);
      c.commit();
      numbers.commit();
      codec.commit();
      keys.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      numbers.rollback();
      codec.rollback();
      keys.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private void delete(ResourceKey key, RoaringBitmap touched) throws SQLException {
    if (key.type().equals("Patient")) {
      Integer num = numbers.get(key.id());
      if (num != null) {
        touched.add(num);
        update("DELETE FROM fact WHERE patient = ?", num);
        update("DELETE FROM resource WHERE patient = ?", num);
        update("DELETE FROM patient WHERE num = ?", num);
        numbers.remove(key.id());
      }
      update("DELETE FROM patient_identifier WHERE patient = ?", key.id());
      update("DELETE FROM resource WHERE type = 'Patient' AND id = ?", key.id());
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT patient FROM resource WHERE type = ? AND id = ? AND patient IS NOT NULL")) {
      ps.setString(1, key.type());
      ps.setString(2, key.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          touched.add(rs.getInt(1));
        }
      }
    }
    update("DELETE FROM fact WHERE resource_id = ?", key.id());
    update("DELETE FROM resource WHERE type = ? AND id = ?", key.type(), key.id());
    update("DELETE FROM medication_code WHERE medication = ?", key.id());
  }

  /**
   * Removes the stored versions of the batch's resources that the key index may hold, and returns
   * the keys that were stored. Only those keys are looked up: one scan of the resource table's
   * keys finds them and their row ids, by which they are deleted, and one of the fact table's
   * resource ids deletes their facts.
   */
  private Set<ResourceKey> removeReplaced(List<ResourceRecord> upserts, BitSet maybe,
      RoaringBitmap touched) throws SQLException {
    probes++;
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE batch_key (type VARCHAR, id VARCHAR)");
    }
    try (DuckDBAppender a = c.createAppender("temp", "main", "batch_key")) {
      for (int i = maybe.nextSetBit(0); i >= 0; i = maybe.nextSetBit(i + 1)) {
        ResourceKey k = upserts.get(i).key();
        a.beginRow().append(k.type()).append(k.id()).endRow();
      }
    }
    Set<ResourceKey> stored = new HashSet<>();
    StringBuilder rows = new StringBuilder();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT r.rowid, r.type, r.id, r.patient FROM resource r"
          + " JOIN batch_key k ON r.id = k.id AND r.type = k.type")) {
        while (rs.next()) {
          rows.append(rows.isEmpty() ? "" : ",").append(rs.getLong(1));
          stored.add(new ResourceKey(rs.getString(2), rs.getString(3)));
          int patient = rs.getInt(4);
          if (!rs.wasNull()) {
            touched.add(patient);
          }
        }
      }
      if (!stored.isEmpty()) {
        // Row ids are stable within the transaction: a join that deletes costs several scans.
        s.execute("DELETE FROM resource WHERE rowid IN (" + rows + ")");
        deleteDependents(s, stored);
      }
    }
    return stored;
  }

  private static void deleteDependents(Statement s, Set<ResourceKey> stored) throws SQLException {
    s.execute("DELETE FROM fact WHERE resource_id IN (SELECT id FROM batch_key)");
    if (stored.stream().anyMatch(k -> k.type().equals("Patient"))) {
      s.execute("DELETE FROM patient WHERE pseudonym IN"
          + " (SELECT id FROM batch_key WHERE type = 'Patient')");
    }
    if (stored.stream().anyMatch(k -> CODED_TYPES.contains(k.type()))) {
      s.execute("DELETE FROM medication_code WHERE medication IN"
          + " (SELECT id FROM batch_key WHERE type IN ('Medication', 'ResearchStudy', 'Location'))");
    }
  }

  /**
   * Appends the batch's rows. The resource JSON is compressed in the common pool while this thread
   * appends patients and facts, which need no JSON; if no pool thread has taken the compression
   * by then, this thread does it.
   */
  private void append(WriteBatch batch, RoaringBitmap touched) throws SQLException {
    List<ResourceRecord> upserts = batch.upserts();
    codec.train(upserts, c);
    ForkJoinTask<byte[][]> json = ForkJoinTask.adapt(() -> compressed(upserts)).fork();
    Integer[] nums = new Integer[upserts.size()];
    try (DuckDBAppender patients = c.createAppender("patient");
        DuckDBAppender facts = c.createAppender("fact");
        DuckDBAppender meds = c.createAppender("medication_code")) {
      for (int i = 0; i < nums.length; i++) {
        ResourceRecord r = upserts.get(i);
        if (r.demographics() != null) {
          nums[i] = numbers.getOrAssign(r.key().id());
          appendPatient(patients, nums[i], r.demographics());
        } else if (r.patient() != null) {
          nums[i] = numbers.get(r.patient());
        }
        if (nums[i] != null) {
          touched.add(nums[i]);
        }
        appendFacts(facts, nums[i], r.facts());
        for (Coding code : r.codes()) {
          meds.beginRow().append(r.key().id()).append(code.system()).append(code.code()).endRow();
        }
      }
    }
    appendResources(upserts, nums, json.join());
  }

  private byte[][] compressed(List<ResourceRecord> upserts) {
    byte[][] out = new byte[upserts.size()][];
    for (int i = 0; i < out.length; i++) {
      ResourceRecord r = upserts.get(i);
      out[i] = codec.compress(r.key().type(), r.json());
    }
    return out;
  }

  private static void appendFacts(DuckDBAppender facts, Integer num, List<Fact> list)
      throws SQLException {
    List<Attribute> lastAttributes = null;
    String encoded = null;
    for (Fact f : list) {
      if (num == null) {
        throw new IllegalStateException("a fact of a resource without a stored patient");
      }
      if (f.attributes() != lastAttributes) {
        lastAttributes = f.attributes();
        encoded = FactCodec.attributes(lastAttributes);
      }
      FactCodec.append(facts, num, f, encoded);
    }
  }

  private void appendResources(List<ResourceRecord> upserts, Integer[] nums, byte[][] json)
      throws SQLException {
    try (DuckDBAppender resources = c.createAppender("resource")) {
      for (int i = 0; i < nums.length; i++) {
        ResourceRecord r = upserts.get(i);
        resources.beginRow().append(r.key().type()).append(r.key().id());
        if (nums[i] == null) {
          resources.appendNull();
        } else {
          resources.append(nums[i].intValue());
        }
        FactCodec.text(resources, r.encounter());
        resources.append(json[i]).endRow();
      }
    }
  }

  private static void appendPatient(DuckDBAppender a, int num, PatientRecord p)
      throws SQLException {
    a.beginRow().append(num).append(p.pseudonym());
    if (p.birth() == null) {
      a.appendNull().appendNull();
    } else {
      a.append((short) p.birth().getYear()).append((byte) p.birth().getMonthValue());
    }
    a.append(p.sex().code()).append(p.deceased()).endRow();
  }

  private void appendLinks(Map<String, String> identifiers) throws SQLException {
    if (identifiers.isEmpty()) {
      return;
    }
    update("DELETE FROM patient_identifier WHERE identifier IN (SELECT unnest(?::VARCHAR[]))",
        (Object) identifiers.keySet().toArray(new String[0]));
    try (DuckDBAppender a = c.createAppender("patient_identifier")) {
      for (Map.Entry<String, String> e : identifiers.entrySet()) {
        a.beginRow().append(e.getKey()).append(e.getValue()).endRow();
      }
    }
  }

  private void appendQuarantine(WriteBatch batch) throws SQLException {
    if (batch.quarantine().isEmpty()) {
      return;
    }
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    try (DuckDBAppender a = c.createAppender("quarantine")) {
      for (QuarantineEntry q : batch.quarantine()) {
        a.beginRow().append(q.file()).append(q.location());
        FactCodec.text(a, q.resourceType());
        FactCodec.text(a, q.resourceId());
        a.append(q.problem().code()).append(q.problem().category().name())
            .append(q.problem().message()).append(now).endRow();
      }
    }
  }

  private void update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof String[] arr) {
          ps.setArray(i + 1, c.createArrayOf("VARCHAR", arr));
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      ps.executeUpdate();
    }
  }
}
