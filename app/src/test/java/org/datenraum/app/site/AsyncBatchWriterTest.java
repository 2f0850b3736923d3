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

  /** A target that records each write and blocks its first one until released. */
  private static final class Recorder implements java.util.function.Consumer<WriteBatch> {
    final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void accept(WriteBatch b) {
      writes.add(ids(b));
      if (writes.size() == 1) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Test
  void theFirstWriteWaitsForTheBatchesThatMayWaitAndLaterOnesTakeWhatWaits() {
    Recorder target = new Recorder();
    try (AsyncBatchWriter writer = new AsyncBatchWriter(target, 3)) {
      writer.accept(upserting("a"));
      writer.accept(upserting("b", "c"));
      writer.accept(upserting("d"));
      writer.accept(upserting("e"));
      writer.accept(upserting("f"));
      target.release.countDown();
      writer.accept(upserting("g"));
      writer.close();
    }
    assertThat(target.writes.get(0)).containsExactly("a", "b", "c", "d");
    assertThat(target.writes.get(1)).startsWith("e", "f");
    assertThat(target.writes.stream().flatMap(List::stream))
        .containsExactly("a", "b", "c", "d", "e", "f", "g");
  }

  @Test
  void aBatchThatDeletesStartsANewWrite() {
    Recorder target = new Recorder();
    try (AsyncBatchWriter writer = new AsyncBatchWriter(target, 6)) {
      writer.accept(upserting("a"));
      writer.accept(upserting("b", "c"));
      writer.accept(deleting("b"));
      writer.accept(upserting("d"));
      writer.accept(upserting("e"));
      target.release.countDown();
      writer.close();
    }
    assertThat(target.writes).containsExactly(List.of("a", "b", "c"), List.of("-b", "d", "e"));
  }

  @Test
  void aLoadShorterThanTheWaitIsWrittenAtItsEnd() {
    Recorder target = new Recorder();
    target.release.countDown();
    try (AsyncBatchWriter writer = new AsyncBatchWriter(target, 10)) {
      writer.accept(upserting("a"));
      writer.accept(upserting("b"));
      writer.close();
    }
    assertThat(target.writes).containsExactly(List.of("a", "b"));
  }
}
