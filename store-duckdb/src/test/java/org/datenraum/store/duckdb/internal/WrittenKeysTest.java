package org.datenraum.store.duckdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.junit.jupiter.api.Test;

/** The written-keys filter never says "not stored" for a committed key. */
class WrittenKeysTest {

  private static final String[] TYPES = {"Patient", "Observation", "Condition", "Encounter"};

  private static List<ResourceRecord> records(Random random, int n) {
    List<ResourceRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = Long.toString(random.nextLong(), 36);
      out.add(new ResourceRecord(new ResourceKey(TYPES[random.nextInt(TYPES.length)], id), null,
          null, List.of(), "{}", null, List.of()));
    }
    return out;
  }

  /** What the filter says of the records, without keeping them. */
  private static boolean mayContain(WrittenKeys keys, List<ResourceRecord> records) {
    boolean maybe = keys.stage(records);
    keys.rollback();
    return maybe;
  }

  @Test
  void committedKeysAreAlwaysMaybeAndFreshKeysAlmostNever() {
    Random random = new Random(42);
    WrittenKeys keys = WrittenKeys.forStoreWith(0);
    List<ResourceRecord> committed = new ArrayList<>();
    for (int batch = 0; batch < 30; batch++) {
      List<ResourceRecord> b = records(random, 5_000);
      assertThat(keys.stage(b)).as("fresh batch %d", batch).isFalse();
      keys.commit();
      committed.addAll(b);
    }
    for (int i = 0; i < committed.size(); i += 97) {
      assertThat(mayContain(keys, List.of(committed.get(i)))).isTrue();
    }
  }

  @Test
  void rolledBackKeysAreForgottenAndStoresWithDataAlwaysProbe() {
    Random random = new Random(7);
    WrittenKeys keys = WrittenKeys.forStoreWith(0);
    List<ResourceRecord> b = records(random, 100);
    keys.stage(b);
    keys.rollback();
    assertThat(mayContain(keys, b)).isFalse();

    WrittenKeys opened = WrittenKeys.forStoreWith(1);
    assertThat(mayContain(opened, records(random, 1))).isTrue();
  }

  @Test
  void sameIdUnderAnotherTypeIsAnotherKey() {
    WrittenKeys keys = WrittenKeys.forStoreWith(0);
    ResourceRecord observation = new ResourceRecord(new ResourceKey("Observation", "x1"), null,
        null, List.of(), "{}", null, List.of());
    ResourceRecord condition = new ResourceRecord(new ResourceKey("Condition", "x1"), null,
        null, List.of(), "{}", null, List.of());
    keys.stage(List.of(observation));
    keys.commit();
    assertThat(mayContain(keys, List.of(condition))).isFalse();
    assertThat(mayContain(keys, List.of(observation))).isTrue();
  }
}
