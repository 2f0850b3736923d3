package org.datenraum.store.duckdb.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
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

  private final DuckDBConnection c;
  private final PatientNumbers numbers;
  private final JsonCodec codec;
  private final Clock clock;
  private final KeyIndexUse use;
  private final AttributeSets attributeSets = new AttributeSets();
  private final FactKinds kinds = new FactKinds();
  private final AppendThreads threads;
  private KeyIndex keys;
  /** Whether to ask the database directly before reading the index; decided at the first write. */
  private Boolean probeFirst;
  private long probes;
  /** Writes that asked the database while the index was not read and found nothing stored. */
  private int futileProbes;

  public BatchWriter(DuckDBConnection c, PatientNumbers numbers, JsonCodec codec, Clock clock) {
    this(c, numbers, codec, clock, KeyIndexUse.DEFAULT);
  }

  /** A writer whose key index keeps {@code 2^shardBits} shards and is read at the first write. */
  BatchWriter(DuckDBConnection c, PatientNumbers numbers, JsonCodec codec, Clock clock,
      int shardBits) {
    this(c, numbers, codec, clock, KeyIndexUse.always(shardBits));
  }

  /** A writer that reads its key index as {@code use} says. */
  BatchWriter(DuckDBConnection c, PatientNumbers numbers, JsonCodec codec, Clock clock,
      KeyIndexUse use) {
    this.c = c;
    this.numbers = numbers;
    this.codec = codec;
    this.clock = clock;
    this.use = use;
    this.threads = new AppendThreads(c);
  }

  /** Batches so far for which the database was asked which of their resources it holds. */
  long probes() {
    return probes;
  }

  /** Whether the key index is in memory. */
  boolean indexRead() {
    return keys != null;
  }

  /**
   * Those of the keys that may be stored, by the key index; all of them while it is not read
   * (the others certainly are not stored, so a reader need not look for them).
   */
  public Set<ResourceKey> mayHold(Set<ResourceKey> candidates) throws SQLException {
    return keys == null ? candidates : keys.mayHold(candidates);
  }

  /**
   * Reads the key index when {@link KeyIndexUse} says it is due: never before the first write,
   * so that a store opened only to be read never holds it.
   */
  private void readIndexIfDue() throws SQLException {
    if (keys != null) {
      return;
    }
    if (probeFirst == null) {
      probeFirst = use.probesBeforeReading() > 0 && KeyIndex.isFilled(c);
    }
    if (!probeFirst || futileProbes >= use.probesBeforeReading()) {
      keys = KeyIndex.open(c, use.shardBits());
    }
  }

  /** Writes the batch in one transaction. */
  public void write(WriteBatch batch) throws SQLException {
    readIndexIfDue();
    attributeSets.loadIfNeeded(c);
    kinds.loadIfNeeded(c);
    c.setAutoCommit(false);
    try {
      // The first statement opens the transaction; appenders alone would run outside of it.
      update("UPDATE store_version SET version = version + 1");
      RoaringBitmap touched = new RoaringBitmap();
      for (ResourceKey key : batch.deletes()) {
        delete(key, touched);
      }
      if (!batch.upserts().isEmpty()) {
        List<ResourceRecord> upserts = batch.upserts();
        BitSet maybe = keys != null ? keys.stage(upserts) : all(upserts.size());
        Set<ResourceKey> stored = Set.of();
        if (!maybe.isEmpty()) {
          probes++;
          stored = ReplacedRows.remove(c, upserts, maybe, touched);
          if (keys == null && stored.isEmpty()) {
            futileProbes++;
          }
        }
        threads.single();
        if (keys != null) {
          keys.persist(c, upserts, stored);
        } else {
          KeyIndex.persistNew(c, upserts, stored);
        }
        append(batch, touched);
      }
      SideRows.links(c, batch.identifiers());
      SideRows.quarantine(c, batch.quarantine(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      IndexDelta.add(c, touched);
      c.commit();
      numbers.commit();
      codec.commit();
      attributeSets.commit();
      kinds.commit();
      if (keys != null) {
        keys.commit();
      }
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      numbers.rollback();
      codec.rollback();
      attributeSets.rollback();
      kinds.rollback();
      if (keys != null) {
        keys.rollback();
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
      threads.restore();
    }
  }

  private static BitSet all(int n) {
    BitSet b = new BitSet(n);
    b.set(0, n);
    return b;
  }

  private void delete(ResourceKey key, RoaringBitmap touched) throws SQLException {
    if (key.type().equals("Patient")) {
      Integer num = numbers.get(key.id());
      if (num != null) {
        touched.add(num);
        update("DELETE FROM fact_row WHERE patient = ?", num);
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
    update("DELETE FROM fact_row WHERE resource_id = ?", key.id());
    update("DELETE FROM resource WHERE type = ? AND id = ?", key.type(), key.id());
    update("DELETE FROM medication_code WHERE medication = ?", key.id());
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
    // Consecutive resources mostly belong to one patient: their number is looked up once per run.
    String runPatient = null;
    Integer runNumber = null;
    try (DuckDBAppender patients = c.createAppender("patient");
        DuckDBAppender facts = c.createAppender("fact_row");
        DuckDBAppender sets = c.createAppender("attribute_set");
        DuckDBAppender kindRows = c.createAppender("fact_kind");
        DuckDBAppender meds = c.createAppender("medication_code")) {
      for (int i = 0; i < nums.length; i++) {
        ResourceRecord r = upserts.get(i);
        if (r.demographics() != null) {
          nums[i] = numbers.getOrAssign(r.key().id());
          SideRows.patient(patients, nums[i], r.demographics());
          runPatient = r.key().id();
          runNumber = nums[i];
        } else if (r.patient() != null) {
          if (!r.patient().equals(runPatient)) {
            runPatient = r.patient();
            runNumber = numbers.get(runPatient);
          }
          nums[i] = runNumber;
        }
        if (nums[i] != null && (i == 0 || !nums[i].equals(nums[i - 1]))) {
          touched.add(nums[i]);
        }
        appendFacts(facts, sets, kindRows, nums[i], r.facts());
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

  /**
   * Appends the facts; their attribute lines become ids of {@code attribute_set}, their coded parts
   * ids of {@code fact_kind}, new ones added to {@code sets} and {@code kindRows}.
   */
  private void appendFacts(DuckDBAppender facts, DuckDBAppender sets, DuckDBAppender kindRows, Integer num,
      List<Fact> list) throws SQLException {
    List<Attribute> lastAttributes = null;
    Integer set = null;
    for (Fact f : list) {
      if (num == null) {
        throw new IllegalStateException("a fact of a resource without a stored patient");
      }
      if (f.attributes() != lastAttributes) {
        lastAttributes = f.attributes();
        set = lastAttributes.isEmpty() ? null : attributeSets.idOf(lastAttributes, sets);
      }
      FactCodec.append(facts, num, f, set, kinds.idOf(f, kindRows));
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
