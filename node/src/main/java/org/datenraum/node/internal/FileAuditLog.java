package org.datenraum.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.datenraum.core.Problem;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditChain;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.audit.AuditKey;
import org.datenraum.federation.audit.AuditReport;
import org.datenraum.federation.audit.AuditVerifier;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.files.OwnerOnly;

/**
 * The node's audit log: one JSON entry per line, chained and sealed with the site's audit key
 * (a file of its own), each line forced to disk before the call returns; the newest head is also
 * written to a head file beside it. One writer process. Thread-safe. The file is written on a
 * thread of its own that nobody interrupts: an interrupted caller (a request cancelled, a node
 * stopping) still gets its entry written, and the log stays open for the next one, where an
 * interrupt during a channel write would close it for good.
 */
public final class FileAuditLog implements AutoCloseable {

  private final FileChannel out;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "audit-log-writer");
    t.setDaemon(true);
    return t;
  });
  private final Clock clock;
  private final AuditKey key;
  private final Path headFile;
  private AuditEntry last;

  private FileAuditLog(FileChannel out, Clock clock, AuditKey key, Path headFile, AuditEntry last) {
    this.out = out;
    this.clock = clock;
    this.key = key;
    this.headFile = headFile;
    this.last = last;
  }

  /**
   * Opens the log for appending, creating the key at first start and starting the keyed part of
   * the log (after the entries of an unkeyed log, if any). Refuses a keyed log whose key is missing.
   *
   * @param file     the JSON-lines log
   * @param keyFile  the audit key
   * @param headFile where the newest head is kept
   */
  public static FileAuditLog open(Path file, Path keyFile, Path headFile, Clock clock) {
    try {
      List<AuditEntry> entries = Files.exists(file) ? read(file) : List.of();
      boolean keyed = AuditChain.keyedFrom(entries) >= 0;
      AuditKey key = AuditKey.forLog(entries, keyFile, new SecureRandom());
      FileChannel ch = OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      AuditEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
      FileAuditLog log = new FileAuditLog(ch, clock, key, headFile, last);
      if (!keyed) {
        log.write(AuditChain.startKeyed(last, key, clock.instant(), "node"));
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void append(String actor, String action, String request, String detail) {
    write(AuditChain.next(last, key, clock.instant(), actor, action, request, detail));
  }

  /** One entry to append: who did what to which request, and the detail. */
  public record Line(String actor, String action, String request, String detail) {}

  /**
   * Appends the lines in order as consecutive entries, written together and forced to disk once:
   * all of them are on disk when the call returns.
   */
  public synchronized void append(List<Line> lines) {
    List<AuditEntry> entries = new java.util.ArrayList<>();
    AuditEntry previous = last;
    for (Line l : lines) {
      previous = AuditChain.next(previous, key, clock.instant(), l.actor(), l.action(), l.request(), l.detail());
      entries.add(previous);
    }
    write(entries);
  }

  /** The newest entry's number and seal. */
  public synchronized AuditHead head() {
    return last.head();
  }

  private void write(AuditEntry e) {
    write(List.of(e));
  }

  private void write(List<AuditEntry> es) {
    Future<?> done = writer.submit(() -> writeNow(es));
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException ie) {
          interrupted = true;
        } catch (ExecutionException ee) {
          if (ee.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("the audit log writer failed: " + ee.getCause(), ee.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void writeNow(List<AuditEntry> es) {
    if (es.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    es.forEach(e -> text.append(WireJson.write(e)).append('\n'));
    try {
      ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        out.write(b);
      }
      out.force(false);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot append to the audit log: " + ex.getMessage(), ex);
    }
    AuditEntry e = es.get(es.size() - 1);
    last = e;
    AuditHeadFile.write(headFile, e.head());
  }

  /**
   * Verifies the log in {@code file} with its key, against the head file and the given heads held
   * by others (the broker's).
   */
  public static AuditReport verify(Path file, Path keyFile, Path headFile, List<AuditAnchor> held) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No node audit log at `" + file + "`: pass the site directory of a node.");
    }
    List<AuditEntry> entries;
    try {
      entries = read(file);
    } catch (WireFormatException e) {
      return new AuditReport(0, 0, false, List.of(new Problem(Problem.Category.CONFLICT, "DR-5901",
          "a line of the log is not an audit entry: " + e.getMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
    }
    List<AuditAnchor> anchors = new ArrayList<>();
    AuditHeadFile.read(headFile).ifPresent(h -> anchors.add(
        new AuditAnchor("the site's head file `" + headFile.getFileName() + "`", h)));
    anchors.addAll(held);
    return AuditVerifier.verify(entries, AuditKey.load(keyFile), anchors);
  }

  /** All entries, oldest first. */
  public static List<AuditEntry> read(Path file) throws IOException {
    List<AuditEntry> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (!line.isBlank()) {
        try {
          out.add(WireJson.read(line, AuditEntry.class));
        } catch (WireFormatException e) {
          throw new WireFormatException(e.field(), "line " + n + ": " + e.getMessage());
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    writer.shutdown();
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
