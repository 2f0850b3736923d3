package org.datenraum.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.junit.jupiter.api.Test;

/**
 * Batches that wait behind a slow write are written together; a batch that deletes starts a new
 * write; nothing is lost or reordered.
 */
class AsyncBatchWriterTest {

  private static WriteBatch upserting(String... ids) {
    List<ResourceRecord> records = new ArrayList<>();
    for (String id : ids) {
      records.add(new ResourceRecord(new ResourceKey("Observation", id), "p1", null, List.of(),
          "{}", null, List.of()));
    }
    return new WriteBatch(records, List.of(), Map.of(), List.of());
  }

  private static WriteBatch deleting(String id) {
    return new WriteBatch(List.of(), List.of(new ResourceKey("Observation", id)), Map.of(),
        List.of());
  }

  private static List<String> ids(WriteBatch b) {
    List<String> out = new ArrayList<>();
    b.deletes().forEach(k -> out.add("-" + k.id()));
    b.upserts().forEach(r -> out.add(r.key().id()));
    return out;
  }

  @Test
  void batchesWaitingBehindASlowWriteAreMergedUntilOneDeletes() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
    try (AsyncBatchWriter writer = new AsyncBatchWriter(b -> {
      writes.add(ids(b));
      firstStarted.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 6)) {
      writer.accept(upserting("a"));
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
      writer.accept(upserting("b", "c"));
      writer.accept(upserting("d"));
      writer.accept(deleting("b"));
      writer.accept(upserting("e"));
      writer.accept(upserting("f"));
      release.countDown();
      writer.close();
    }
    assertThat(writes).containsExactly(List.of("a"), List.of("b", "c", "d"),
        List.of("-b", "e", "f"));
  }
}
