package org.datenraum.app.surveillance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datenraum.core.Result;
import org.datenraum.surveillance.syndromic.MinimumCellSize;
import org.datenraum.surveillance.syndromic.ReleasedCounts;
import org.datenraum.surveillance.syndromic.SiteCounts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance counts}: daily syndrome and pathogen counts of a site. */
@Command(name = "counts", mixinStandardHelpOptions = true,
    description = {"Daily counts per syndrome and pathogen and age group (0-4, 5-14, 15-34,"
        + " 35-59, 60+, all) with their denominators (ED visits; patients tested).",
        "Without --json/--csv it prints the totals of the period. Files carry the counts as they"
            + " may leave the site: values 1 to MIN-1 withheld (see docs/surveillance.md)."})
final class CountsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SiteOptions site = new SiteOptions();

  @ArgGroup(exclusive = true) Output output;

  static final class Output {
    @Option(names = "--json", description = "Print the released counts as JSON.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the released counts as CSV.")
    Path csv;
  }

  @Option(names = "--min-cell", paramLabel = "MIN", defaultValue = "" + MinimumCellSize.DEFAULT,
      description = "Minimum cell size of released counts (default: ${DEFAULT-VALUE}; 1 = exact).")
  int minCell;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (minCell < 1) {
      err.println("datenraum surveillance counts: DR-6322 --min-cell " + minCell
          + " is below 1: give 1 (no suppression) or more.");
      return 1;
    }
    Result<SiteCounts> counts = site.load().map(SiteOptions.Loaded::counts);
    if (!counts.isOk()) {
      err.println("datenraum surveillance counts: " + counts.problem().text());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    ReleasedCounts released = counts.value().release(new MinimumCellSize(minCell));
    if (output != null && output.json) {
      out.println(CountsOutput.json(released));
    } else if (output != null && output.csv != null) {
      CountsOutput.csv(released, output.csv);
      out.printf("datenraum surveillance counts: %,d cells (%,d counts withheld, minimum cell"
          + " size %d) written to %s%n", released.cells().size(), released.suppressedCounts(),
          minCell, output.csv);
    } else {
      CountsOutput.summary(counts.value(), out);
    }
    return 0;
  }
}
