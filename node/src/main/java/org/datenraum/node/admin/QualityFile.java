package org.datenraum.node.admin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.files.OwnerOnly;
import org.datenraum.node.NodeDirectory;
import org.datenraum.store.SiteStats;
import org.datenraum.store.SiteStore;
import org.datenraum.store.quality.QualityReport;

/**
 * The data quality measured last, kept in {@code NODE/quality.json} (owner-only) with the store's
 * counts it was measured at: a load measures at its end, so the site admin pages read the figures
 * instead of measuring. A file whose counts differ from the store's is stale.
 */
public final class QualityFile {

  /**
   * One measurement: the store's counts at the time, the figures, and when the load ended that
   * measured them (null when measured later, after another change of the store).
   */
  public record Measured(SiteStats stats, QualityReport report, Instant loaded) {
    public Measured {
      requireNonNull(stats, "stats");
      requireNonNull(report, "report");
    }
  }

  private QualityFile() {}

  /** The file in a site's node directory. */
  public static Path of(NodeDirectory dir) {
    return dir.root().resolve("quality.json");
  }

  /** Measures the store at the end of a load and keeps the result, with the load's end, in the site's file. */
  public static Measured atLoad(NodeDirectory dir, SiteStore store, Set<String> knownSystems, Instant now) {
    return keep(dir, new Measured(store.stats(), store.quality(knownSystems, now), now));
  }

  /** Measures the store now, after a change no load measured, and keeps the result in the site's file. */
  public static Measured measure(NodeDirectory dir, SiteStore store, Set<String> knownSystems, Instant now) {
    return keep(dir, new Measured(store.stats(), store.quality(knownSystems, now), null));
  }

  private static Measured keep(NodeDirectory dir, Measured m) {
    write(dir, m);
    return m;
  }

  /** The kept measurement, if there is a readable one. */
  public static Optional<Measured> read(NodeDirectory dir) {
    Path f = of(dir);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(WireJson.read(Files.readString(f), Measured.class));
    } catch (IOException | WireFormatException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  static void write(NodeDirectory dir, Measured m) {
    Path f = of(dir);
    try {
      OwnerOnly.createDirectories(f.getParent());
      Path tmp = OwnerOnly.createTempFile(f.getParent(), ".tmp-", ".json");
      Files.writeString(tmp, WireJson.write(m));
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f, e);
    }
  }
}
