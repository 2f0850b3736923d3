package org.datenraum.app.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.datenraum.files.OwnerOnly;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * A site's data directory (created readable by the owner only): the DuckDB store
 * ({@code site.duckdb}) and the pseudonymisation secret ({@code secret.key}, created at first use,
 * readable by the owner only). Immutable.
 */
public record SiteDirectory(Path root) {

  private static final int SECRET_BYTES = 32;

  public SiteDirectory {
    root = root.toAbsolutePath().normalize();
  }

  public Path storeFile() {
    return root.resolve("site.duckdb");
  }

  public Path secretFile() {
    return root.resolve("secret.key");
  }

  /** Creates the directory if needed; fails with a clear message if it is a file. */
  public SiteDirectory create() {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IllegalArgumentException("--site `" + root
          + "` is a file, not a directory: give a directory for the site's data.");
    }
    try {
      OwnerOnly.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the site directory " + root, e);
    }
    return this;
  }

  /** Whether the site has been set up (its store exists). */
  public boolean exists() {
    return Files.isRegularFile(storeFile());
  }

  /** Opens the site store. */
  public DuckDbSiteStore openStore(Clock clock) {
    return DuckDbSiteStore.open(storeFile(), clock);
  }

  /** The site's pseudonymizer, creating its secret on first use. */
  public KeyedPseudonymizer pseudonymizer() {
    try {
      return KeyedPseudonymizer.of(readOrCreateSecret());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the site secret " + secretFile(), e);
    }
  }

  private byte[] readOrCreateSecret() throws IOException {
    Path f = secretFile();
    if (!Files.exists(f)) {
      byte[] secret = new byte[SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
      try {
        OwnerOnly.writeNew(f, secret);
        return secret;
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs
      }
    }
    byte[] secret = Files.readAllBytes(f);
    if (secret.length < KeyedPseudonymizer.MIN_SECRET_BYTES) {
      throw new IllegalStateException("the site secret " + f + " has " + secret.length
          + " bytes, fewer than " + KeyedPseudonymizer.MIN_SECRET_BYTES
          + ": restore it from the backup; a new secret would change every pseudonym.");
    }
    return secret;
  }
}
