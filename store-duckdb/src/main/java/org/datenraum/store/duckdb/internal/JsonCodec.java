package org.datenraum.store.duckdb.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.core.ResourceRecord;

/**
 * Resource JSON as the store keeps it: UTF-8, compressed with Zstandard at its fastest level,
 * with a dictionary per resource type. DuckDB leaves long strings uncompressed, and one resource
 * alone compresses poorly (ratio about 1.8); with a dictionary trained on resources of its type
 * the ratio is about 7 and compression three times as fast. A type gets its dictionary from the
 * first batch that holds {@value #MIN_SAMPLES} or more resources of it; until then its resources
 * are compressed without one. Each frame names its dictionary, so every stored resource stays
 * readable. Compression is thread-safe; training runs on the writer thread inside its transaction.
 */
public final class JsonCodec {

  /** Resources of a type in one batch before a dictionary is trained for it. */
  static final int MIN_SAMPLES = 1000;
  private static final int MAX_SAMPLES = 1000;
  private static final int DICTIONARY_BYTES = 64 << 10;
  private static final int SAMPLE_BUFFER_BYTES = 16 << 20;
  private static final int LEVEL = 1;

  private static final ThreadLocal<ZstdCompressCtx> PLAIN = ThreadLocal.withInitial(
      JsonCodec::compressor);
  private static final ThreadLocal<ZstdCompressCtx> WITH_DICTIONARY = ThreadLocal.withInitial(
      JsonCodec::compressor);
  /**
   * Per thread, the buffer a resource is compressed into before the frame is copied out at its
   * size (the library's own {@code compress(byte[])} allocates one of the largest possible frame's
   * size for every call).
   */
  private static final ThreadLocal<byte[][]> OUTPUT = ThreadLocal.withInitial(() -> new byte[1][]);
  /** Output buffers kept per thread at most; a larger frame gets a buffer of its own. */
  private static final int OUTPUT_KEPT_BYTES = 1 << 20;
  private static final int OUTPUT_FIRST_BYTES = 64 << 10;
  private static final ThreadLocal<ZstdDecompressCtx> PLAIN_READER =
      ThreadLocal.withInitial(ZstdDecompressCtx::new);
  private static final ThreadLocal<ZstdDecompressCtx> DICTIONARY_READER =
      ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private final Map<String, ZstdDictCompress> byType = new ConcurrentHashMap<>();
  private final Map<Integer, ZstdDictDecompress> byId = new ConcurrentHashMap<>();
  private final Map<String, byte[]> staged = new HashMap<>();

  /** The codec with the dictionaries stored in the site store. */
  public static JsonCodec load(Connection c) throws SQLException {
    JsonCodec codec = new JsonCodec();
    try (Statement s = c.createStatement(); ResultSet rs =
        s.executeQuery("SELECT resource_type, dictionary FROM json_dictionary ORDER BY id")) {
      while (rs.next()) {
        codec.use(rs.getString(1), rs.getBytes(2));
      }
    }
    return codec;
  }

  private static ZstdCompressCtx compressor() {
    ZstdCompressCtx ctx = new ZstdCompressCtx();
    ctx.setLevel(LEVEL);
    ctx.setContentSize(true);
    return ctx;
  }

  private void use(String type, byte[] dictionary) {
    byType.put(type, new ZstdDictCompress(dictionary, LEVEL));
    byId.put((int) Zstd.getDictIdFromDict(dictionary), new ZstdDictDecompress(dictionary));
  }

  /** Compresses a resource's JSON with its type's dictionary, if there is one. */
  public byte[] compress(String type, byte[] utf8) {
    ZstdDictCompress dictionary = byType.get(type);
    ZstdCompressCtx ctx = dictionary == null ? PLAIN.get()
        : WITH_DICTIONARY.get().loadDict(dictionary);
    return frame(ctx, utf8);
  }

  /**
   * The frame {@code ctx} makes of {@code src}: the bytes its {@code compress(byte[])} answers,
   * given the same room (the bound of the largest frame), written into this thread's buffer and
   * copied out once at their size.
   */
  static byte[] frame(ZstdCompressCtx ctx, byte[] src) {
    long bound = Zstd.compressBound(src.length);
    if (bound > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a resource's JSON of " + src.length
          + " bytes is too large to compress: store resources under 2 GiB.");
    }
    byte[][] kept = OUTPUT.get();
    byte[] out = kept[0];
    if (out == null || out.length < bound) {
      out = new byte[(int) Math.max(bound, OUTPUT_FIRST_BYTES)];
      if (bound <= OUTPUT_KEPT_BYTES) {
        kept[0] = out;
      }
    }
    int size = ctx.compressByteArray(out, 0, (int) bound, src, 0, src.length);
    return java.util.Arrays.copyOf(out, size);
  }

  /** The JSON of a stored resource. */
  public String decompress(byte[] stored) {
    long size = Zstd.getFrameContentSize(stored);
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new IllegalStateException("stored resource JSON is corrupt");
    }
    int id = (int) Zstd.getDictIdFromFrame(stored);
    ZstdDecompressCtx ctx = PLAIN_READER.get();
    if (id != 0) {
      ZstdDictDecompress dictionary = byId.get(id);
      if (dictionary == null) {
        throw new IllegalStateException("stored resource JSON names a compression dictionary ("
            + id + ") that the store does not hold");
      }
      ctx = DICTIONARY_READER.get().loadDict(dictionary);
    }
    return new String(ctx.decompress(stored, (int) size), StandardCharsets.UTF_8);
  }

  /**
   * Trains a dictionary for every type that has none yet and enough resources in {@code records},
   * and stores it in the current transaction. The dictionaries are used at once and kept only if
   * the transaction commits ({@link #commit}/{@link #rollback}).
   */
  public void train(List<ResourceRecord> records, Connection c) throws SQLException {
    Map<String, List<ResourceRecord>> candidates = new HashMap<>();
    for (ResourceRecord r : records) {
      if (!byType.containsKey(r.key().type())) {
        candidates.computeIfAbsent(r.key().type(), t -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<ResourceRecord>> e : candidates.entrySet()) {
      if (e.getValue().size() >= MIN_SAMPLES) {
        byte[] dictionary = trained(e.getValue());
        if (dictionary != null && !byId.containsKey((int) Zstd.getDictIdFromDict(dictionary))) {
          insert(c, e.getKey(), dictionary);
          staged.put(e.getKey(), dictionary);
          use(e.getKey(), dictionary);
        }
      }
    }
  }

  private static byte[] trained(List<ResourceRecord> records) {
    ZstdDictTrainer trainer = new ZstdDictTrainer(SAMPLE_BUFFER_BYTES, DICTIONARY_BYTES);
    int step = Math.max(1, records.size() / MAX_SAMPLES);
    for (int i = 0; i < records.size(); i += step) {
      if (!trainer.addSample(records.get(i).json())) {
        break;
      }
    }
    try {
      return trainer.trainSamples();
    } catch (ZstdException e) {
      return null;
    }
  }

  private static void insert(Connection c, String type, byte[] dictionary) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO json_dictionary VALUES (?, ?, ?)")) {
      ps.setInt(1, (int) Zstd.getDictIdFromDict(dictionary));
      ps.setString(2, type);
      ps.setBytes(3, dictionary);
      ps.executeUpdate();
    }
  }

  /** The dictionaries trained in the committed transaction are kept. */
  public void commit() {
    staged.clear();
  }

  /** The dictionaries trained in the rolled-back transaction are forgotten. */
  public void rollback() {
    for (Map.Entry<String, byte[]> e : staged.entrySet()) {
      byType.remove(e.getKey());
      byId.remove((int) Zstd.getDictIdFromDict(e.getValue()));
    }
    staged.clear();
  }
}
