package org.datenraum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consecutive batches merged into one write leave what writing them in turn would. */
class WriteBatchMergeTest {

  private static ResourceRecord obs(String id, String json) {
    return new ResourceRecord(new ResourceKey("Observation", id), "p1", null, List.of(), json,
        null, List.of());
  }

  private static QuarantineEntry rejected(String id) {
    return new QuarantineEntry("f.ndjson", "line 1", "Observation", id,
        new Problem(Problem.Category.INVALID, "DR-1013", "no id"));
  }

  @Test
  void laterUpsertOfTheSameKeyWinsInTheEarlierPlaceAndTheRestIsKeptInOrder() {
    WriteBatch first = new WriteBatch(List.of(obs("a", "1"), obs("b", "1")),
        List.of(new ResourceKey("Observation", "gone")), Map.of("i1", "p1", "i2", "p1"),
        List.of(rejected("x")));
    WriteBatch second = new WriteBatch(List.of(obs("c", "2"), obs("a", "2")), List.of(),
        Map.of("i2", "p2"), List.of(rejected("y")));
    WriteBatch third = new WriteBatch(List.of(obs("d", "3")), List.of(), Map.of(), List.of());

    WriteBatch merged = WriteBatch.merge(List.of(first, second, third));

    assertThat(merged.upserts()).extracting(r -> r.key().id() + "=" + r.jsonText())
        .containsExactly("a=2", "b=1", "c=2", "d=3");
    assertThat(merged.deletes()).containsExactly(new ResourceKey("Observation", "gone"));
    assertThat(merged.identifiers()).isEqualTo(Map.of("i1", "p1", "i2", "p2"));
    assertThat(merged.quarantine()).extracting(QuarantineEntry::resourceId)
        .containsExactly("x", "y");
  }

  @Test
  void aBatchThatDeletesIsNotMergedAfterAnother() {
    WriteBatch upserting = new WriteBatch(List.of(obs("a", "1")), List.of(), Map.of(), List.of());
    WriteBatch deleting = new WriteBatch(List.of(), List.of(new ResourceKey("Observation", "a")),
        Map.of(), List.of());

    assertThat(upserting.canMergeWith(deleting)).isFalse();
    assertThat(deleting.canMergeWith(upserting)).isTrue();
    assertThatThrownBy(() -> WriteBatch.merge(List.of(upserting, deleting)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch 1 deletes");
    assertThat(WriteBatch.merge(List.of(upserting))).isSameAs(upserting);
  }
}
