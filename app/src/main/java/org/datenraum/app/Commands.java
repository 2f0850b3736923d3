package org.datenraum.app;

import picocli.CommandLine;

/** The place where every subcommand of {@code datenraum} is registered. */
final class Commands {

  private Commands() {}

  static void register(CommandLine cl) {
    cl.addSubcommand(new DemoCommand());
    cl.addSubcommand(new IngestCommand());
    cl.addSubcommand(new org.datenraum.app.emergency.CdaCommand());
    cl.addSubcommand(new org.datenraum.app.imaging.DicomCommand());
    cl.addSubcommand(new org.datenraum.app.imaging.ImagingCommand());
    cl.addSubcommand(new StatsCommand());
    cl.addSubcommand(new QueryCommand());
    cl.addSubcommand(new org.datenraum.app.biosamples.BiosamplesCommand());
    cl.addSubcommand(new QuarantineCommand());
    cl.addSubcommand(new GenerateCommand());
    cl.addSubcommand(new org.datenraum.app.surveillance.SurveillanceCommand());
    cl.addSubcommand(new org.datenraum.app.report.ReportCommand());
    cl.addSubcommand(new org.datenraum.app.bench.BenchCommand());
    cl.addSubcommand(new org.datenraum.app.federation.BrokerCommand());
    cl.addSubcommand(new org.datenraum.app.federation.AdminCommand());
    cl.addSubcommand(new org.datenraum.app.federation.NodeCommand());
    cl.addSubcommand(new org.datenraum.app.federation.SubmitCommand());
    cl.addSubcommand(new org.datenraum.app.federation.AuditCommand());
  }
}
