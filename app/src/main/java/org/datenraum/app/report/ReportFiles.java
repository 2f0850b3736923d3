package org.datenraum.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.datenraum.files.OwnerOnly;

/** Writes a report owner-only (it holds a site's exact counts), replacing the file whole. */
final class ReportFiles {

  private ReportFiles() {}

  static void write(Path out, byte[] content) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path temp = OwnerOnly.createTempFile(dir, ".report-", ".tmp");
    try {
      Files.write(temp, content);
      Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
