package org.datenraum.app.emergency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.CheckedDocument;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.ingest.cda.VisitStore;

/**
 * CDA files into a site store in two stages: the files are read and checked {@link #BATCH} at a
 * time on every core while the batch before is stored (one transaction per batch, in the files'
 * order), so that checking and the store's single writer work at the same time. The answers are
 * those of the files one by one. Stateless.
 */
public final class CdaFiles {

  /** Files read, checked and stored together. */
  public static final int BATCH = 500;

  private CdaFiles() {}

  /** What happened to each file, in the files' order. */
  public interface Answers {
    void answered(Path file, ImportAnswer answer);

    void unreadable(Path file, IOException e);
  }

  /** Imports the files; a failed store write ends the import with its exception. */
  public static void load(CdaImport receiver, List<Path> files, VisitStore store, Answers answers) {
    load(receiver, files, BATCH, store, answers);
  }

  /**
   * Imports the files and says how many of them were stored; an unreadable file ends the import
   * with its exception (for loads whose files were just written, such as benchmarks).
   */
  public static int loadCounting(CdaImport receiver, List<Path> files, VisitStore store) {
    int[] stored = new int[1];
    load(receiver, files, store, new Answers() {
      @Override
      public void answered(Path file, ImportAnswer answer) {
        stored[0] += answer.stored() ? 1 : 0;
      }

      @Override
      public void unreadable(Path file, IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return stored[0];
  }

  /** Imports the files {@code batch} at a time. */
  static void load(CdaImport receiver, List<Path> files, int batchSize, VisitStore store, Answers answers) {
    ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cda-files-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Batch> next = reader.submit(() -> Batch.read(receiver, files, 0, batchSize));
      for (int from = 0; from < files.size(); from += batchSize) {
        Batch batch = await(next);
        int after = from + batchSize;
        next = after < files.size() ? reader.submit(() -> Batch.read(receiver, files, after, batchSize)) : null;
        List<ImportAnswer> stored = receiver.store(batch.checked(), store);
        int answer = 0;
        for (int i = 0; i < batch.files().size(); i++) {
          IOException error = batch.errors().get(i);
          if (error == null) {
            answers.answered(batch.files().get(i), stored.get(answer++));
          } else {
            answers.unreadable(batch.files().get(i), error);
          }
        }
      }
    } finally {
      reader.shutdownNow();
    }
  }

  private static Batch await(Future<Batch> next) {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the files were read", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** A batch's files, the read errors by position in it, and the read ones checked. */
  private record Batch(List<Path> files, Map<Integer, IOException> errors, List<CheckedDocument> checked) {

    Batch {
      files = List.copyOf(files);
      errors = Map.copyOf(errors);
      checked = List.copyOf(checked);
    }

    static Batch read(CdaImport receiver, List<Path> all, int from, int size) {
      List<Path> files = all.subList(from, Math.min(all.size(), from + size));
      List<CdaImport.Incoming> incoming = new ArrayList<>();
      Map<Integer, IOException> errors = new HashMap<>();
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        try {
          incoming.add(new CdaImport.Incoming(f.toString(), bytes(f, receiver.maxBytes() + 1)));
        } catch (IOException e) {
          errors.put(i, e);
        }
      }
      return new Batch(files, errors, receiver.checkAll(incoming));
    }

    /** At most {@code limit} bytes: a larger file is refused (413) without being read whole. */
    private static byte[] bytes(Path f, int limit) throws IOException {
      try (InputStream in = Files.newInputStream(f)) {
        return in.readNBytes(limit);
      }
    }
  }
}
