package org.datenraum.app.emergency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.datenraum.files.OwnerOnly;
import org.datenraum.ingest.cda.CdaImport;

/**
 * The documents answered 201 or 200 that are not in the site store yet, in the order they were
 * answered: a file ({@code rw-------}) of records (source length, document length, source, document,
 * CRC-32C of all before it), appended and forced to disk before the callers are answered, and
 * emptied once the store has committed them. A record cut short or damaged at the end (a crash while
 * it was written, so before its caller was answered) is dropped when the journal is read. Written
 * through a {@link RandomAccessFile}, which an interrupted thread does not close (a file channel
 * would be closed for every later caller). Not thread-safe: its owner serialises calls.
 */
final class CdaJournal implements AutoCloseable {

  /** The file's name in the site directory. */
  static final String FILE = "cda-journal";

  private static final int HEADER = 2 * Integer.BYTES;

  private final RandomAccessFile file;

  private CdaJournal(RandomAccessFile file) {
    this.file = file;
  }

  /** Opens (creating if needed) the journal in {@code dir}; appends go after its last whole record. */
  static CdaJournal open(Path dir) {
    Path path = dir.resolve(FILE);
    try {
      OwnerOnly.createIfAbsent(path);
      RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw");
      CdaJournal journal = new CdaJournal(f);
      try {
        long end = journal.scan(null);
        f.setLength(end);
        f.seek(end);
      } catch (IOException e) {
        f.close();
        throw e;
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("DR-7215 cannot open the import journal `" + path + "`: " + e.getMessage()
          + "; give the node's user write access to the site directory.", e);
    }
  }

  /** The documents in the journal, oldest first. */
  List<CdaImport.Incoming> read() throws IOException {
    List<CdaImport.Incoming> out = new ArrayList<>();
    scan(out);
    return out;
  }

  /** Whether the journal holds no document. */
  boolean isEmpty() throws IOException {
    return file.length() == 0;
  }

  /** Appends the documents and forces them to disk; returns once they are durable. */
  void append(List<CdaImport.Incoming> documents) throws IOException {
    if (documents.isEmpty()) {
      return;
    }
    long start = file.getFilePointer();
    try {
      for (CdaImport.Incoming d : documents) {
        file.write(record(d));
      }
      file.getFD().sync();
    } catch (IOException e) {
      file.setLength(start);
      file.seek(start);
      throw e;
    }
  }

  /** Empties the journal once its documents are in the store. */
  void clear() throws IOException {
    file.setLength(0);
    file.seek(0);
    file.getFD().sync();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  private static byte[] record(CdaImport.Incoming d) {
    byte[] source = d.source().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(HEADER + source.length + d.bytes().length + Long.BYTES);
    b.putInt(source.length).putInt(d.bytes().length).put(source).put(d.bytes());
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putLong(crc.getValue());
    return b.array();
  }

  /** Reads whole, intact records into {@code into} (when given); returns where the last one ends. */
  private long scan(List<CdaImport.Incoming> into) throws IOException {
    long size = file.length();
    long at = 0;
    byte[] header = new byte[HEADER];
    while (at + HEADER <= size) {
      file.seek(at);
      file.readFully(header);
      int sourceLength = ByteBuffer.wrap(header).getInt(0);
      int documentLength = ByteBuffer.wrap(header).getInt(Integer.BYTES);
      long length = (long) HEADER + sourceLength + documentLength + Long.BYTES;
      if (sourceLength < 0 || documentLength < 0 || at + length > size) {
        break;
      }
      byte[] body = new byte[(int) length];
      file.seek(at);
      file.readFully(body);
      CRC32C crc = new CRC32C();
      crc.update(body, 0, body.length - Long.BYTES);
      if (crc.getValue() != ByteBuffer.wrap(body).getLong(body.length - Long.BYTES)) {
        break;
      }
      if (into != null) {
        String source = new String(body, HEADER, sourceLength, StandardCharsets.UTF_8);
        byte[] document = new byte[documentLength];
        System.arraycopy(body, HEADER + sourceLength, document, 0, documentLength);
        into.add(new CdaImport.Incoming(source, document));
      }
      at += length;
    }
    return at;
  }

  /** Whether {@code dir} holds a journal with at least one document. */
  static boolean hasDocuments(Path dir) {
    try {
      Path f = dir.resolve(FILE);
      return Files.isRegularFile(f) && Files.size(f) > 0;
    } catch (IOException e) {
      return true;
    }
  }
}
