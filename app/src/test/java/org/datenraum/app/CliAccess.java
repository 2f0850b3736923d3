package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;

/** What tests in the command's subpackages use of this package's test helpers. */
public final class CliAccess {

  private CliAccess() {}

  /** {@code shared/testdata} beside the repository. */
  public static Path testData(String relative) {
    return Cli.testData(relative);
  }

  /** Loads FHIR into a new site store through the real ingest; nothing may be quarantined. */
  public static void ingest(Path site, Path data) {
    var report = IngestCommand.load(new SiteDirectory(site).create(), List.of(data), true);
    assertThat(report.failed()).as("ingest of %s", data).isFalse();
    assertThat(report.quarantinedTotal()).as("quarantined from %s", data).isZero();
  }

  /** Runs {@code datenraum} in this JVM: status, stdout, stderr. */
  public static String[] run(String... args) {
    Cli.Run r = Cli.run(args);
    return new String[] {Integer.toString(r.status()), r.out(), r.err()};
  }
}
