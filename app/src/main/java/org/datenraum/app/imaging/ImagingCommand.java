package org.datenraum.app.imaging;

import picocli.CommandLine.Command;

/** {@code datenraum imaging}: imaging work at the site. */
@Command(name = "imaging", mixinStandardHelpOptions = true,
    description = "Imaging at the site: biomarkers computed by models from pixel data that stay here.",
    subcommands = {BiomarkersCommand.class})
public final class ImagingCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
