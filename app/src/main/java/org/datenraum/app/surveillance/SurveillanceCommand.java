package org.datenraum.app.surveillance;

import picocli.CommandLine.Command;

/** {@code datenraum surveillance}: outbreak detection on count series. */
@Command(name = "surveillance", mixinStandardHelpOptions = true,
    description = "Outbreak detection on weekly count series (methods of R's surveillance package).",
    subcommands = {DetectCommand.class})
public final class SurveillanceCommand {}
