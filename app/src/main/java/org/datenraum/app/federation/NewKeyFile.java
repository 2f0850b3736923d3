package org.datenraum.app.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.datenraum.app.IoErrors;

/**
 * A key file about to be written: reserved as an owner-only temporary file beside the target
 * before the broker issues the key, published under its name only if no file of that name
 * exists by then, and removed if the key never comes. Not thread-safe; one per command run.
 */
final class NewKeyFile implements AutoCloseable {

  private final Path target;
  private final Path temporary;
  private boolean published;

  private NewKeyFile(Path target, Path temporary) {
    this.target = target;
    this.temporary = temporary;
  }

  /**
   * Reserves the key file, or says why it cannot be written; nothing is registered before this
   * succeeds, so a refusal leaves the broker untouched.
   */
  static NewKeyFile reserve(Path target) {
    Path file = target.toAbsolutePath();
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("DR-5850 --out `" + target + "` is a directory: give the path of a new"
          + " file, e.g. `" + target.resolve("NAME.key") + "`.");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("DR-5850 --out `" + target + "` already exists: a key file is never"
          + " overwritten; give a new file name or remove the old file first.");
    }
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("DR-5851 --out `" + target + "`: `" + dir + "` "
          + (Files.exists(dir) ? "is not a directory" : "does not exist") + "; give a path in an existing directory.");
    }
    try {
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      return new NewKeyFile(target, tmp);
    } catch (IOException e) {
      throw new IllegalArgumentException("DR-5851 --out `" + target + "` cannot be written (" + IoErrors.reason(e)
          + "): give a path in a directory you may write to.", e);
    }
  }

  /** Writes the key and gives the file its name; fails rather than replace a file created meanwhile. */
  void publish(String key) {
    try {
      Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
      Files.createLink(target.toAbsolutePath(), temporary);
      published = true;
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("DR-5852 --out `" + target + "` appeared while the key was issued: it was"
          + " left as it is.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key file `" + target + "`", e);
    } finally {
      close();
    }
  }

  /** True once the key is in place under its name. */
  boolean published() {
    return published;
  }

  /** Removes the temporary file (the published name, a second link, stays). */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the temporary key file `" + temporary + "`", e);
    }
  }
}
