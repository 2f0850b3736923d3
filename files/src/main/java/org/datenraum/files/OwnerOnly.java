package org.datenraum.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that only their owner may read: files {@code rw-------}, directories
 * {@code rwx------}, given at creation (the open call that creates a file sets its mode, so there
 * is no moment in which others may open it). For secrets, keys, exact counts and row-level data.
 * On file systems without POSIX permissions the files are created with the platform's defaults.
 * Stateless.
 */
public final class OwnerOnly {

  private static final Set<PosixFilePermission> FILE =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> DIRECTORY = Set.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private OwnerOnly() {}

  /** Creates the directory and its missing parents, each {@code rwx------}; existing ones are left as they are. */
  public static Path createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    return posix(dir) ? Files.createDirectories(dir, attribute(DIRECTORY)) : Files.createDirectories(dir);
  }

  /** Creates a new, empty {@code rw-------} file; fails with {@link FileAlreadyExistsException} if it exists. */
  public static Path createFile(Path file) throws IOException {
    return posix(file) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
  }

  /** Creates the file {@code rw-------} unless it exists; returns whether it created it. */
  public static boolean createIfAbsent(Path file) throws IOException {
    try {
      createFile(file);
      return true;
    } catch (FileAlreadyExistsException exists) {
      return false;
    }
  }

  /** Opens a file; when the options create it, it is created {@code rw-------}. */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> set = Set.of(options);
    return posix(file) ? FileChannel.open(file, set, attribute(FILE)) : FileChannel.open(file, set);
  }

  /** Writes a new file {@code rw-------} with this content; fails if it exists. */
  public static void writeNew(Path file, byte[] content) throws IOException {
    try (FileChannel out = open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
  }

  /** A temporary {@code rw-------} file in the directory, for content moved into place afterwards. */
  public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
    return posix(dir) ? Files.createTempFile(dir, prefix, suffix, attribute(FILE))
        : Files.createTempFile(dir, prefix, suffix);
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
    return PosixFilePermissions.asFileAttribute(perms);
  }
}
