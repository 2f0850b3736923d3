package org.datenraum.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.InMemoryVisitStore;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files checked beside the store's writes get the answers of the files one by one, in their order
 * across batches (a document sent again in a later batch is an update), one store write per batch,
 * an unreadable file reported in its place.
 */
class CdaFilesTest {

  private static final CdaImport RECEIVER = CdaImport.of(KeyedPseudonymizer.of(new byte[32]));

  private static final int BATCH = 40;

  @TempDir Path dir;

  @Test
  void theAnswersOfTheFilesOneByOneInTheirOrderOneWritePerBatch() throws IOException {
    SyntheticEdDocuments synthetic = new SyntheticEdDocuments(7, YearMonth.of(2026, 11));
    List<Path> files = new ArrayList<>();
    for (int n = 0; n < BATCH + 30; n++) {
      Path f = dir.resolve("visit-" + n + ".xml");
      Files.writeString(f, synthetic.next(n), StandardCharsets.UTF_8);
      files.add(f);
    }
    files.add(files.get(3));
    files.add(dir.resolve("missing.xml"));
    files.add(files.get(BATCH + 1));

    InMemoryVisitStore alone = new InMemoryVisitStore();
    List<String> expected = new ArrayList<>();
    for (Path f : files) {
      if (Files.exists(f)) {
        expected.add(f.getFileName() + " " + RECEIVER.receive(f.toString(), Files.readAllBytes(f), alone).status());
      } else {
        expected.add(f.getFileName() + " unreadable");
      }
    }
    assertThat(expected.subList(expected.size() - 3, expected.size()))
        .containsExactly("visit-3.xml 200", "missing.xml unreadable", "visit-41.xml 200");

    AtomicInteger writes = new AtomicInteger();
    InMemoryVisitStore target = new InMemoryVisitStore();
    List<String> got = new ArrayList<>();
    CdaFiles.load(RECEIVER, files, BATCH, new Counting(target, writes), new CdaFiles.Answers() {
      @Override
      public void answered(Path file, ImportAnswer a) {
        got.add(file.getFileName() + " " + a.status());
      }

      @Override
      public void unreadable(Path file, IOException e) {
        got.add(file.getFileName() + " unreadable");
      }
    });
    assertThat(got).isEqualTo(expected);
    assertThat(writes).as("one per batch of " + BATCH + " files").hasValue(2);
    assertThat(new HashSet<>(target.keys())).isEqualTo(new HashSet<>(alone.keys()));
    assertThat(new HashSet<>(target.facts())).isEqualTo(new HashSet<>(alone.facts()));
  }

  /** The in-memory store with its writes counted. */
  private record Counting(InMemoryVisitStore target, AtomicInteger writes) implements org.datenraum.ingest.cda.VisitStore {

    @Override
    public java.util.Optional<String> resourceJson(org.datenraum.core.ResourceKey key) {
      return target.resourceJson(key);
    }

    @Override
    public java.util.Optional<String> patientByIdentifier(String identifierPseudonym) {
      return target.patientByIdentifier(identifierPseudonym);
    }

    @Override
    public boolean hasPatient(String pseudonym) {
      return target.hasPatient(pseudonym);
    }

    @Override
    public void write(WriteBatch batch) {
      writes.incrementAndGet();
      target.write(batch);
    }
  }
}
