package org.datenraum.app.surveillance;

import picocli.CommandLine.Command;

/** {@code datenraum surveillance}: outbreak detection on count series. */
@Command(name = "surveillance", mixinStandardHelpOptions = true,
    description = "Outbreak detection on count series (methods of R's surveillance package) and"
        + " syndromic and pathogen surveillance of a site and of the network.",
    subcommands = {DetectCommand.class, CountsCommand.class, SignalsCommand.class,
        ReportCommand.class, NetworkCommand.class, StandingCommand.class, RoundCommand.class})
public final class SurveillanceCommand {}
