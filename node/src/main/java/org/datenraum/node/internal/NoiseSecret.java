package org.datenraum.node.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.datenraum.files.OwnerOnly;
import org.datenraum.privacy.CellKey;

/**
 * The site's secret for disclosure noise ({@code SITE/node/noise.key}, 32 random bytes, created
 * owner-only at the node's first start). Whoever holds it can compute the noise of any cell, so it
 * never leaves the site and is never logged; a new secret changes every released answer. Stateless.
 */
public final class NoiseSecret {

  private static final int BYTES = 32;

  private NoiseSecret() {}

  /** The cell keys under the secret in this file, creating the file first if it does not exist. */
  public static CellKey readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        try {
          OwnerOnly.writeNew(file, secret);
          return CellKey.of(secret);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      }
      byte[] secret = Files.readAllBytes(file);
      if (secret.length < CellKey.MIN_SECRET_BYTES) {
        throw new IllegalStateException("the noise secret `" + file + "` has " + secret.length
            + " bytes, fewer than " + CellKey.MIN_SECRET_BYTES + ": restore it from the backup.");
      }
      return CellKey.of(secret);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the noise secret " + file + ": " + e.getMessage(), e);
    }
  }
}
