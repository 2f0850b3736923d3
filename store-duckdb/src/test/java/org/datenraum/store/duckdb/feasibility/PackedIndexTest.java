package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.datenraum.core.Coding;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The packed index reads back bitmap for bitmap and key for key, and a packed form that is cut,
 * altered in any byte, or of another store version is not read.
 */
class PackedIndexTest {

  @Test
  void readsBackEveryKeyBitmapAndPatientBitmap() {
    Random random = new Random(5);
    Map<IndexKey, RoaringBitmap> bitmaps = randomIndex(random, 300);
    PatientTable patients = randomPatients(random);
    byte[] packed = PackedIndex.pack(CodeIndex.of(bitmaps), patients, 42);

    PackedIndex.Unpacked read = PackedIndex.unpack(packed, 42).orElseThrow();

    assertThat(read.index().size()).isEqualTo(300);
    assertThat(read.index().bitmaps()).isEqualTo(bitmaps);
    for (Map.Entry<IndexKey, RoaringBitmap> e : bitmaps.entrySet()) {
      assertThat(read.index().patients(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(read.index().patients(new IndexKey("Condition", "", new Coding("s", "absent")))).isEmpty();
    assertThat(read.index().sizeInBytes())
        .isEqualTo(bitmaps.values().stream().mapToLong(RoaringBitmap::serializedSizeInBytes).sum());
    assertThat(table(read.patients())).isEqualTo(table(patients)).hasSize(1 + 2 + 12);
  }

  @Test
  void aPackedFormOfAnotherVersionCutOrAlteredIsNotRead() {
    Random random = new Random(9);
    byte[] packed = PackedIndex.pack(CodeIndex.of(randomIndex(random, 40)), randomPatients(random), 7);
    assertThat(PackedIndex.unpack(packed, 7)).isPresent();
    assertThat(PackedIndex.unpack(packed, 8)).isEmpty();
    assertThat(PackedIndex.unpack(java.util.Arrays.copyOf(packed, packed.length - 1), 7)).isEmpty();
    assertThat(PackedIndex.unpack(new byte[0], 7)).isEmpty();
    for (int round = 0; round < 300; round++) {
      int i = round < 100 ? round : random.nextInt(packed.length);
      byte[] altered = packed.clone();
      altered[i] ^= (byte) (1 << random.nextInt(8));
      assertThat(PackedIndex.unpack(altered, 7)).as("byte %d altered", i).isEmpty();
    }
  }

  private static Map<IndexKey, RoaringBitmap> randomIndex(Random random, int keys) {
    Map<IndexKey, RoaringBitmap> out = new HashMap<>();
    String[] types = {"Condition", "Observation", "Procedure"};
    String[] paths = {"", "", "category", "provision.provision.code"};
    while (out.size() < keys) {
      IndexKey k = new IndexKey(types[random.nextInt(types.length)], paths[random.nextInt(paths.length)],
          new Coding("http://example.org/" + random.nextInt(4), "c" + random.nextInt(100_000) + "\u00e4"));
      RoaringBitmap b = new RoaringBitmap();
      int n = random.nextInt(3) == 0 ? 1 : random.nextInt(5000);
      for (int i = 0; i < n; i++) {
        b.add(random.nextInt(200_000));
      }
      if (random.nextBoolean()) {
        b.add(1000L, 1000L + random.nextInt(70_000));
      }
      b.runOptimize();
      out.put(k, b);
    }
    return out;
  }

  private static PatientTable randomPatients(Random random) {
    PatientTable.Saved saved = new PatientTable.Saved();
    RoaringBitmap all = new RoaringBitmap();
    RoaringBitmap[] bySex = {new RoaringBitmap(), new RoaringBitmap()};
    RoaringBitmap[] byMonth = new RoaringBitmap[12];
    for (int m = 0; m < 12; m++) {
      byMonth[m] = new RoaringBitmap();
    }
    for (int p = 0; p < 5000; p++) {
      all.add(p);
      bySex[random.nextInt(2)].add(p);
      byMonth[random.nextInt(12)].add(p);
    }
    saved.put(PatientTable.Kind.ALL, "", all);
    saved.put(PatientTable.Kind.SEX, "female", bySex[0]);
    saved.put(PatientTable.Kind.SEX, "male", bySex[1]);
    for (int m = 0; m < 12; m++) {
      saved.put(PatientTable.Kind.BIRTH_MONTH, java.time.YearMonth.of(1950 + m, m + 1).toString(), byMonth[m]);
    }
    return saved.table().orElseThrow();
  }

  private static Map<String, RoaringBitmap> table(PatientTable t) {
    Map<String, RoaringBitmap> out = new HashMap<>();
    t.forEach((kind, value, b) -> out.put(kind + " " + value, b));
    return out;
  }
}
