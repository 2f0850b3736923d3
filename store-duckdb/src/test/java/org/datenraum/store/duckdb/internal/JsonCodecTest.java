package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The codec's frames are the bytes Zstandard's own one-call compression makes (level 1, content
 * size in the header, the type's dictionary if any), whatever sizes came before on the thread.
 */
class JsonCodecTest {

  @Test
  void framesAreTheLibrarysOwnWithAndWithoutDictionaryAndReadBack() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE json_dictionary (id INTEGER NOT NULL, resource_type VARCHAR NOT"
            + " NULL, dictionary BLOB NOT NULL)");
      }
      Random random = new Random(16);
      JsonCodec codec = JsonCodec.load(c);
      List<ResourceRecord> samples = new ArrayList<>();
      for (int i = 0; i < JsonCodec.MIN_SAMPLES; i++) {
        samples.add(record("Observation", json(random, 200 + random.nextInt(800))));
      }
      codec.train(samples, c);
      codec.commit();
      byte[] dictionary = dictionaryOf(c, "Observation");
      try (ZstdCompressCtx plain = reference(); ZstdCompressCtx withDictionary = reference()) {
        withDictionary.loadDict(new ZstdDictCompress(dictionary, 1));
        // small and large in turns: a reused buffer holds the longer frame before a shorter one
        int[] sizes = {0, 1, 900, 70_000, 12, 3_000_000, 500, 1 << 20, 64 << 10, 33, 2_000};
        for (int size : sizes) {
          byte[] utf8 = json(random, size).getBytes(StandardCharsets.UTF_8);
          byte[] frame = codec.compress("Observation", utf8);
          assertThat(frame).as("%d bytes with the dictionary", size)
              .isEqualTo(withDictionary.compress(utf8));
          assertThat(codec.decompress(frame)).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
          byte[] plainFrame = codec.compress("Condition", utf8);
          assertThat(plainFrame).as("%d bytes without a dictionary", size)
              .isEqualTo(plain.compress(utf8));
          assertThat(codec.decompress(plainFrame))
              .isEqualTo(new String(utf8, StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static ZstdCompressCtx reference() {
    ZstdCompressCtx ctx = new ZstdCompressCtx();
    ctx.setLevel(1);
    ctx.setContentSize(true);
    return ctx;
  }

  private static byte[] dictionaryOf(Connection c, String type) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT dictionary FROM json_dictionary WHERE resource_type = '" + type + "'")) {
      assertThat(rs.next()).as("a dictionary trained for %s", type).isTrue();
      return rs.getBytes(1);
    }
  }

  private static ResourceRecord record(String type, String json) {
    return new ResourceRecord(new ResourceKey(type, "id"), null, null, List.of(),
        json.getBytes(StandardCharsets.UTF_8), null, List.of());
  }

  /** JSON-like text of about {@code size} characters, partly repetitive, partly random. */
  private static String json(Random random, int size) {
    StringBuilder s = new StringBuilder(size + 64);
    String[] words = {"{\"resourceType\":\"Observation\"", ",\"status\":\"final\"",
        ",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"", "\"}]}", "ä€"};
    while (s.length() < size) {
      if (random.nextInt(3) == 0) {
        s.append(Long.toHexString(random.nextLong()));
      } else {
        s.append(words[random.nextInt(words.length)]);
      }
    }
    s.setLength(size);
    return s.toString();
  }
}
