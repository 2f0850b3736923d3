package org.datenraum.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What every command's help ends with: an example that runs, its exit statuses, and a star on the
 * options it cannot do without.
 */
final class CommandHelp {

  /** Status 2, the same for every command. */
  private static final String USAGE = "a wrong or missing option, or a failure of the environment (a file"
      + " that cannot be read or written, an address that cannot be used)";

  /** One example per command, by its name below {@code datenraum}. */
  static final Map<String, String> EXAMPLES = examples();

  /** What status 1 means, where the command has such a status. */
  static final Map<String, String> REFUSED = refused();

  private CommandHelp() {}

  /** Sets the help of the command and of every subcommand below it. */
  static void apply(CommandLine cl) {
    UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^datenraum ?", "");
    usage.requiredOptionMarker('*');
    String example = EXAMPLES.get(name);
    if (example != null) {
      List<String> footer = new ArrayList<>(shellLines("datenraum " + example.replace("%", "%%")));
      if (cl.getCommandSpec().options().stream().anyMatch(o -> o.required() && o.group() == null)) {
        footer.add("%nOptions marked * are required.");
      }
      usage.footerHeading("%nExample:%n").footer(footer.toArray(String[]::new));
    }
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done as asked");
    if (REFUSED.containsKey(name)) {
      codes.put("1", REFUSED.get(name));
    }
    codes.put("2", USAGE);
    usage.exitCodeListHeading("%nExit status:%n").exitCodeList(codes);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().parent() == cl.getCommandSpec()) {
        apply(sub);
      }
    }
  }

  /** A command line as a shell takes it, broken before 76 characters with a backslash, indented. */
  static List<String> shellLines(String command) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder("  ");
    for (String word : command.split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      if (line.length() + word.length() > 74 && !line.toString().isBlank()) {
        lines.add(line.append("\\").toString());
        line = new StringBuilder("      ");
      }
      line.append(word).append(' ');
    }
    lines.add(line.toString().stripTrailing());
    return lines;
  }

  private static Map<String, String> examples() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("", "generate --out /tmp/fhir --patients 2000");
    m.put("help", "help ingest");
    m.put("demo", "demo --dir demo-data --patients 1000");
    m.put("ingest", "ingest --site /tmp/site /tmp/fhir");
    m.put("stats", "stats --site /tmp/site --json");
    m.put("report emergency", "report emergency --site /tmp/site --month 2015-11 --format html --out /tmp/emergency.html");
    m.put("cda", "cda --site /tmp/site --json ../shared/testdata/aktin/cda/storyboards/aktin_test_storyboard01.xml");
    m.put("dicom", "dicom --site /tmp/site /data/pacs-export");
    m.put("imaging", "imaging biomarkers --site /tmp/site");
    m.put("imaging biomarkers", "imaging biomarkers --site /tmp/site --json");
    m.put("query", "query --site /tmp/site examples/queries/diabetes-60plus.json");
    m.put("biosamples", "biosamples --site /tmp/site --json examples/queries/e11-serum-within-30-days.json");
    m.put("quarantine", "quarantine --site /tmp/site --limit 20");
    m.put("generate", "generate --out /tmp/fhir --patients 2000 --seed 1 --site \"Klinikum Beispielburg\"");
    m.put("surveillance", "surveillance counts --site /tmp/site");
    m.put("surveillance detect", "surveillance detect --method farrington-flexible --input counts.csv"
        + " --output /tmp/alarms.csv");
    m.put("surveillance counts", "surveillance counts --site /tmp/site --csv /tmp/counts.csv");
    m.put("surveillance signals", "surveillance signals --site /tmp/site --method ears-c2");
    m.put("surveillance report", "surveillance report --site /tmp/site --out /tmp/surveillance.html");
    m.put("surveillance network", "surveillance network --broker http://127.0.0.1:8080 --key-file /tmp/alice.key");
    m.put("surveillance standing", "surveillance standing --broker http://127.0.0.1:8080 --key-file"
        + " /tmp/broker/operator.key --start 2025-01-01");
    m.put("surveillance round", "surveillance round --broker http://127.0.0.1:8080 --key-file"
        + " /tmp/broker/operator.key --wait");
    m.put("report", "report icu --site /tmp/site --out /tmp/icu.json");
    m.put("report icu", "report icu --site /tmp/site --from 2025-01-01 --to 2025-12-31 --format html"
        + " --out /tmp/icu.html");
    m.put("bench", "bench query --site /tmp/site");
    m.put("bench ingest", "bench ingest --patients 2000");
    m.put("bench generate", "bench generate --patients 2000 --runs 2");
    m.put("bench surveillance", "bench surveillance --sites 10 --runs 3");
    m.put("bench federation", "bench federation --nodes 5 --requests 20");
    m.put("bench emergency", "bench emergency --visits 10000 --clients 4");
    m.put("bench query", "bench query --site /tmp/site --runs 20");
    m.put("bench cohorts", "bench cohorts --site /tmp/site");
    m.put("bench icu", "bench icu --stays 10000 --days 10");
    m.put("bench dicom", "bench dicom --files 10000");
    m.put("bench biosamples", "bench biosamples --site /tmp/site --runs 50");
    m.put("bench portal", "bench portal --dir /tmp/bench-portal --repeat 10");
    m.put("broker", "broker --data /tmp/broker --port 8080");
    m.put("admin", "admin list --broker http://127.0.0.1:8080 --key-file /tmp/broker/operator.key");
    m.put("admin add-site", "admin add-site beispielburg --broker http://127.0.0.1:8080 --key-file"
        + " /tmp/broker/operator.key --out /tmp/site.key");
    m.put("admin add-researcher", "admin add-researcher alice --broker http://127.0.0.1:8080 --key-file"
        + " /tmp/broker/operator.key --out /tmp/alice.key");
    m.put("admin revoke", "admin revoke alice --broker http://127.0.0.1:8080 --key-file /tmp/broker/operator.key");
    m.put("admin list", "admin list --broker http://127.0.0.1:8080 --key-file /tmp/broker/operator.key");
    m.put("node", "node --site /tmp/site --broker http://127.0.0.1:8080 --key-file /tmp/site.key"
        + " --auto-approve feasibility");
    m.put("node requests", "node requests --site /tmp/site");
    m.put("node approve", "node approve --site /tmp/site 3f2a9c");
    m.put("node reject", "node reject --site /tmp/site --reason \"not covered by our approval\" 3f2a9c");
    m.put("node add-key", "node add-key dora --site /tmp/site --role site-admin --out /tmp/dora.key");
    m.put("node keys", "node keys --site /tmp/site");
    m.put("node revoke-key", "node revoke-key dora --site /tmp/site");
    m.put("submit", "submit --broker http://127.0.0.1:8080 --key-file /tmp/alice.key --wait"
        + " examples/queries/diabetes-60plus.json");
    m.put("audit", "audit verify --site /tmp/site");
    m.put("audit verify", "audit verify --data /tmp/broker");
    return Map.copyOf(m);
  }

  private static Map<String, String> refused() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ingest", "a file could not be read or a record was rejected (the rest is loaded; see `datenraum"
        + " quarantine`), or there was nothing to load");
    m.put("query", "no site store, or the query file or the query is not valid");
    m.put("imaging biomarkers", "no site store, or the data of a study could not be read (the others are"
        + " computed; the study and reason are printed)");
    m.put("dicom", "a file was quarantined (the rest is loaded; see `datenraum quarantine`), or there"
        + " was no DICOM file to read");
    m.put("biosamples", "no site store, or the query file or the query is not valid");
    m.put("stats", "no site store in --site");
    m.put("report icu", "no site store in --site");
    m.put("report emergency", "no site store in --site");
    m.put("cda", "a document was refused (422, 409 or 413; it is quarantined, nothing stored is changed)");
    m.put("bench query", "no site store in --site, or the database engine counted other patients than the"
        + " index (a warning says so)");
    m.put("quarantine", "no site store in --site");
    m.put("generate", "an outbreak or the configuration is not valid");
    m.put("demo", "with --once, a site did not answer a question in time");
    m.put("submit", "the query file is not valid, the broker refused the submission, no site answered, or"
        + " with --wait not every site answered within --timeout (the request stays open)");
    m.put("admin add-site", "the broker refused the registration (the key file is not written)");
    m.put("admin add-researcher", "the broker refused the registration (the key file is not written)");
    m.put("admin revoke", "the broker refused the revocation (unknown name, or not allowed)");
    m.put("admin list", "the broker refused the operator key");
    m.put("node approve", "no such request waits at this site");
    m.put("node reject", "no such request waits at this site");
    m.put("node add-key", "the name is not valid or already in use at this site (no key is written)");
    m.put("node revoke-key", "no key of that name at this site");
    m.put("audit verify", "the audit log is broken: the first broken entry is named");
    m.put("bench biosamples", "no site store in --site, or a query of the mix does not compile");
    m.put("bench cohorts", "a query does not compile, or the indexed cohorts differ from the reference's");
    for (String s : new String[] {"detect", "counts", "signals", "report", "network", "standing", "round"}) {
      m.put("surveillance " + s, "the input, the site's data or the broker's answer does not allow it (the reason"
          + " is printed)");
    }
    return Map.copyOf(m);
  }
}
