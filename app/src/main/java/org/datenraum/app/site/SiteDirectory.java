package org.datenraum.app.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.datenraum.core.Result;
import org.datenraum.files.OwnerOnly;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.StoreLockedException;
import org.datenraum.store.duckdb.StoreSettings;

/**
 * A site's data directory (created readable by the owner only): the DuckDB store
 * ({@code site.duckdb}) and the pseudonymisation secret ({@code secret.key}, created at first use,
 * readable by the owner only). Immutable.
 */
public record SiteDirectory(Path root) {

  /** How long a command waits for a site store that another process holds. */
  public static final Duration COMMAND_WAIT = Duration.ofSeconds(60);
  private static final Duration RETRY = Duration.ofMillis(200);
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

  /** What a command that reads the store says when the {@code --site} it was given does not exist. */
  public static String noStore(String command, Path site) {
    return "datenraum " + command + ": DR-1100 no site store in `" + site
        + "`: load data first with `datenraum ingest --site " + site + " PATH`.";
  }

  /**
   * Opens the site store; while another process holds it (the running node answering a request
   * holds it for about a second), waits up to {@link #COMMAND_WAIT} with a notice on stderr.
   */
  public DuckDbSiteStore openStore(Clock clock) {
    return openStore(clock, new PrintWriter(System.err, true));
  }

  /** Opens the site store, waiting as {@link #openStore(Clock)} does, with the notice to {@code notices}. */
  public DuckDbSiteStore openStore(Clock clock, PrintWriter notices) {
    long deadline = System.nanoTime() + COMMAND_WAIT.toNanos();
    boolean told = false;
    while (true) {
      Optional<DuckDbSiteStore> store = tryOpenStore(clock);
      if (store.isPresent()) {
        return store.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("DR-1120 the site store `" + storeFile() + "` was still in use by"
            + " another process after " + COMMAND_WAIT.toSeconds() + " s: wait for the load or query there to"
            + " end, then run the command again.");
      }
      if (!told) {
        notices.println("The site store `" + storeFile() + "` is in use by another process (the node answering"
            + " a request, or a load); waiting up to " + COMMAND_WAIT.toSeconds() + " s.");
        notices.flush();
        told = true;
      }
      try {
        Thread.sleep(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the site store `" + storeFile() + "`.", e);
      }
    }
  }

  /** The environment variable with DuckDB's memory limit for the store ({@code 4GiB}, {@code 25%}). */
  public static final String MEMORY_VARIABLE = "DATENRAUM_DUCKDB_MEMORY";

  /** The environment variable with DuckDB's thread count for the store. */
  public static final String THREADS_VARIABLE = "DATENRAUM_DUCKDB_THREADS";

  /**
   * DuckDB's memory limit and threads from {@value #MEMORY_VARIABLE} and {@value #THREADS_VARIABLE}
   * (unset: a quarter of the machine's memory, a thread per core).
   *
   * @throws IllegalArgumentException with the problem's code and text when a value is not valid
   */
  public static StoreSettings storeSettings() {
    return storeSettings(System.getenv(), StoreSettings.machineMemory(), Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #storeSettings()}, from these variables on a machine of this memory and these cores. */
  public static StoreSettings storeSettings(java.util.Map<String, String> environment, long machineMemory,
      int processors) {
    Result<StoreSettings> parsed = StoreSettings.parse(environment.get(MEMORY_VARIABLE),
        environment.get(THREADS_VARIABLE), machineMemory, processors);
    if (!parsed.isOk()) {
      throw new IllegalArgumentException(parsed.problem().code() + " " + parsed.problem().message() + " (environment"
          + " variable " + (parsed.problem().code().equals("DR-7700") ? MEMORY_VARIABLE : THREADS_VARIABLE) + ")");
    }
    return parsed.value();
  }

  /** Opens the site store, or nothing while another process holds it. */
  public Optional<DuckDbSiteStore> tryOpenStore(Clock clock) {
    try {
      return Optional.of(DuckDbSiteStore.open(storeFile(), clock, storeSettings()));
    } catch (StoreLockedException held) {
      return Optional.empty();
    }
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
