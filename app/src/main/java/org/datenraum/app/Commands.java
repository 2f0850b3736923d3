package org.datenraum.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The place where every subcommand of {@code datenraum} is registered, by the name its
 * {@code @Command} gives it. A run that names its command builds only that one: building all of
 * them (their option models and whatever their classes set up) is a noticeable part of a short
 * command's time in a new JVM.
 */
final class Commands {

  private static final Map<String, Supplier<Object>> ALL = all();

  private Commands() {}

  /** The names of the subcommands, in the order of the help. */
  static Set<String> names() {
    return ALL.keySet();
  }

  /** Registers every subcommand. */
  static void register(CommandLine cl) {
    ALL.values().forEach(s -> cl.addSubcommand(s.get()));
  }

  /** Registers only the subcommand of this name, or every subcommand if there is none of this name. */
  static void register(CommandLine cl, String name) {
    Supplier<Object> one = ALL.get(name);
    if (one == null) {
      register(cl);
    } else {
      cl.addSubcommand(one.get());
    }
  }

  private static Map<String, Supplier<Object>> all() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("demo", DemoCommand::new);
    m.put("ingest", IngestCommand::new);
    m.put("cda", org.datenraum.app.emergency.CdaCommand::new);
    m.put("dicom", org.datenraum.app.imaging.DicomCommand::new);
    m.put("imaging", org.datenraum.app.imaging.ImagingCommand::new);
    m.put("stats", StatsCommand::new);
    m.put("query", QueryCommand::new);
    m.put("biosamples", org.datenraum.app.biosamples.BiosamplesCommand::new);
    m.put("quarantine", QuarantineCommand::new);
    m.put("generate", GenerateCommand::new);
    m.put("surveillance", org.datenraum.app.surveillance.SurveillanceCommand::new);
    m.put("report", org.datenraum.app.report.ReportCommand::new);
    m.put("bench", org.datenraum.app.bench.BenchCommand::new);
    m.put("broker", org.datenraum.app.federation.BrokerCommand::new);
    m.put("admin", org.datenraum.app.federation.AdminCommand::new);
    m.put("node", org.datenraum.app.federation.NodeCommand::new);
    m.put("submit", org.datenraum.app.federation.SubmitCommand::new);
    m.put("audit", org.datenraum.app.federation.AuditCommand::new);
    return m;
  }
}
