package org.datenraum.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datenraum.federation.audit.AuditChain;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;

/**
 * The node's audit log: one JSON entry per line, hash-chained, each line forced to disk before
 * the call returns. One writer process. Thread-safe.
 */
public final class FileAuditLog implements AutoCloseable {

  private final FileChannel out;
  private final Clock clock;
  private AuditEntry last;

  private FileAuditLog(FileChannel out, Clock clock, AuditEntry last) {
    this.out = out;
    this.clock = clock;
    this.last = last;
  }

  public static FileAuditLog open(Path file, Clock clock) {
    try {
      List<AuditEntry> entries = Files.exists(file) ? read(file) : List.of();
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      return new FileAuditLog(ch, clock, entries.isEmpty() ? null : entries.get(entries.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file, e);
    }
  }

  public synchronized void append(String actor, String action, String request, String detail) {
    AuditEntry e = AuditChain.next(last, clock.instant(), actor, action, request, detail);
    try {
      out.write(ByteBuffer.wrap((WireJson.write(e) + "\n").getBytes(StandardCharsets.UTF_8)));
      out.force(false);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot append to the audit log", ex);
    }
    last = e;
  }

  /** The first broken link of the log in this file, or empty when it is intact. */
  public static Optional<String> verify(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no node audit log at " + file + ".");
    }
    try {
      return AuditChain.verify(read(file));
    } catch (WireFormatException e) {
      return Optional.of("a line is not an audit entry: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All entries, oldest first. */
  public static List<AuditEntry> read(Path file) throws IOException {
    List<AuditEntry> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(WireJson.read(line, AuditEntry.class));
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
