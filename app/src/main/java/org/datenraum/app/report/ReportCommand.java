package org.datenraum.app.report;

import picocli.CommandLine.Command;

/** {@code datenraum report}: the registries' standard reports of a site. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Registry reports of a site: intensive care indicators (icu), the emergency department's"
        + " monthly report (emergency).",
    subcommands = {IcuReportCommand.class, EmergencyReportCommand.class})
public final class ReportCommand {}
