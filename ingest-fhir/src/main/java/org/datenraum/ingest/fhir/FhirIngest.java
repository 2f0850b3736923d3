package org.datenraum.ingest.fhir;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.fhir.internal.BatchBuilder;
import org.datenraum.ingest.fhir.internal.ChunkMapper;
import org.datenraum.ingest.fhir.internal.EntryMapper;
import org.datenraum.ingest.fhir.internal.EntrySink;
import org.datenraum.ingest.fhir.internal.FileReader;
import org.datenraum.ingest.fhir.internal.InputFiles;
import org.datenraum.ingest.fhir.internal.JsonLine;
import org.datenraum.ingest.fhir.internal.Outcome;
import org.datenraum.ingest.fhir.internal.Pseudonyms;
import org.datenraum.ingest.fhir.internal.RawEntry;
import org.datenraum.ingest.fhir.internal.StreamMapper;
import org.datenraum.privacy.KeyedPseudonymizer;

/**
 * Loads HL7 FHIR R4 (Bundles and resources in JSON or XML, NDJSON, plain or compressed, files or
 * directories) into write batches for the site store: pseudonymised, de-identified, flattened to
 * facts, with every rejected record in quarantine. One load at a time per instance.
 */
public final class FhirIngest {

  /** Resources per write batch: the unit that is wholly in the store or not at all. */
  public static final int BATCH_SIZE = 10_000;

  private final Pseudonyms pseudonyms;
  private final boolean streaming;
  private StreamingCounts lastStreaming = new StreamingCounts(0, Map.of());
  private final ObjectMapper json = new ObjectMapper();
  private final Supplier<FhirContext> fhir = new Supplier<>() {
    private FhirContext ctx;

    @Override
    public synchronized FhirContext get() {
      if (ctx == null) {
        ctx = FhirContext.forR4();
      }
      return ctx;
    }
  };

  private FhirIngest(Pseudonyms pseudonyms, boolean streaming) {
    this.pseudonyms = pseudonyms;
    this.streaming = streaming;
  }

  /**
   * This ingest with the streaming reader for NDJSON lines of the frequent types on (the
   * default) or off (every line parsed into a tree); both map every input alike.
   */
  public FhirIngest withStreaming(boolean on) {
    return new FhirIngest(pseudonyms, on);
  }

  /** How the last load's NDJSON lines were read. */
  public StreamingCounts streamingCounts() {
    return lastStreaming;
  }

  /** The resource types that yield facts; others are kept as JSON only. */
  public static java.util.Set<String> factTypes() {
    return org.datenraum.ingest.fhir.internal.FactExtractor.FACT_TYPES;
  }

  public static FhirIngest of(KeyedPseudonymizer keyed) {
    return new FhirIngest(new Pseudonyms(requireNonNull(keyed, "keyed")), true);
  }

  /**
   * Loads the paths. Batches go to {@code sink} in order; the sink writes each atomically.
   *
   * @param earlier  what was loaded before, for references into it
   */
  public IngestReport load(List<Path> paths, Lookups earlier, Consumer<WriteBatch> sink,
      IngestProgress progress) {
    long started = System.nanoTime();
    List<Path> files = InputFiles.expand(paths);
    EntryMapper mapper = new EntryMapper(json, pseudonyms, earlier);
    StreamMapper stream = streaming ? new StreamMapper(json.getFactory(), mapper, pseudonyms) : null;
    Run run = new Run(new Mappers(json, mapper, stream), sink, progress, total(files));
    FileReader reader = new FileReader(json, fhir);
    int unreadable = 0;
    for (Path f : files) {
      run.startFile(size(f));
      if (reader.read(f, run) != null) {
        unreadable++;
      }
      run.endFile();
    }
    run.finish();
    lastStreaming = stream == null ? new StreamingCounts(0, Map.of())
        : new StreamingCounts(stream.streamed(), stream.handedOver());
    return new IngestReport(files.size(), unreadable, run.stored, run.deleted, run.quarantined,
        (System.nanoTime() - started) / 1e9);
  }

  private static long total(List<Path> files) {
    return files.stream().mapToLong(FhirIngest::size).sum();
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The mappers of one load; {@code stream} is null when streaming is off. */
  private record Mappers(ObjectMapper json, EntryMapper entries, StreamMapper stream) {}

  /** The state of one load. */
  private static final class Run implements EntrySink {
    final ChunkMapper chunks;
    final EntryMapper mapper;
    final Consumer<WriteBatch> sink;
    final IngestProgress progress;
    final long bytesTotal;
    final BatchBuilder batch = new BatchBuilder();
    final Map<String, Long> stored = new HashMap<>();
    final Map<String, Long> quarantined = new HashMap<>();
    long deleted;
    long bytesDone;
    long fileSize;
    long filePosition;
    long mapped;

    Run(Mappers m, Consumer<WriteBatch> sink, IngestProgress progress, long bytesTotal) {
      this.chunks = new ChunkMapper(m.json(), m.entries(), m.stream(), this::accept);
      this.mapper = m.entries();
      this.sink = sink;
      this.progress = progress;
      this.bytesTotal = bytesTotal;
    }

    @Override
    public void entry(RawEntry entry) {
      chunks.add(entry);
    }

    @Override
    public void line(JsonLine line) {
      chunks.add(line);
    }

    @Override
    public void reject(QuarantineEntry rejected) {
      chunks.add(new Outcome.Reject(rejected));
    }

    /** Never backwards: for compressed files the position is an estimate that may dip. */
    @Override
    public void position(long fileBytes) {
      filePosition = Math.max(filePosition, Math.min(fileBytes, fileSize));
    }

    void startFile(long size) {
      fileSize = size;
      filePosition = 0;
    }

    void endFile() {
      bytesDone += fileSize;
      fileSize = 0;
      filePosition = 0;
      progress();
    }

    private void accept(Outcome o) {
      if (o instanceof Outcome.Upsert u) {
        stored.merge(u.record().key().type(), 1L, Long::sum);
      } else if (o instanceof Outcome.Delete) {
        deleted++;
      } else if (o instanceof Outcome.Reject r) {
        quarantined.merge(r.entry().problem().code(), 1L, Long::sum);
      }
      batch.add(o);
      mapped++;
      if ((mapped & 0xFFF) == 0) {
        progress();
      }
      if (batch.size() >= BATCH_SIZE) {
        sink.accept(batch.drain());
      }
    }

    /** Maps the entries again, round after round, while a round resolves any; the rest. */
    private List<Outcome.Defer> settle(List<Outcome.Defer> waiting) {
      boolean resolved = true;
      while (resolved && !waiting.isEmpty()) {
        resolved = false;
        List<Outcome.Defer> still = new java.util.ArrayList<>();
        for (Outcome.Defer d : waiting) {
          Outcome again = mapper.map(d.entry());
          if (again instanceof Outcome.Defer later) {
            still.add(later);
          } else {
            resolved = true;
            accept(again);
          }
        }
        waiting = still;
      }
      return waiting;
    }

    void progress() {
      progress.update(bytesDone + filePosition, bytesTotal, mapped);
    }

    /**
     * Maps the deferred entries again until a round resolves none (an aliquot may wait for a
     * parent that itself waited for its patient), then once more without waiting for additives,
     * and quarantines what still waits.
     */
    void finish() {
      chunks.flush();
      List<Outcome.Defer> waiting = settle(new java.util.ArrayList<>(chunks.deferred()));
      mapper.endOfLoad();
      waiting = settle(waiting);
      for (Outcome.Defer still : waiting) {
        RawEntry e = still.entry();
        accept(new Outcome.Reject(new QuarantineEntry(e.file(), e.location(),
            e.resource().path("resourceType").asText(null), e.resource().path("id").asText(null),
            still.ifStillMissing())));
      }
      chunks.deferred().clear();
      WriteBatch last = batch.drain();
      if (!last.isEmpty()) {
        sink.accept(last);
      }
      progress();
    }
  }
}
