package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** A command line built for one named command is that command as the whole command line has it. */
class CommandsTest {

  @Test
  void everyListedNameIsTheNameItsCommandIsRegisteredUnder() {
    List<String> registered = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
    registered.remove("help");
    assertThat(registered).containsExactlyElementsOf(Commands.names());
  }

  @Test
  void aNamedCommandAloneHasTheSameHelpAndSubcommandsAsInTheWholeCommandLine() {
    CommandLine whole = Main.commandLine();
    for (String name : Commands.names()) {
      CommandLine alone = Main.commandLine(name);
      assertThat(alone.getSubcommands().keySet()).as(name).containsExactlyInAnyOrder("help", name);
      assertThat(usages(alone.getSubcommands().get(name))).as(name)
          .isEqualTo(usages(whole.getSubcommands().get(name)));
    }
  }

  @Test
  void argumentsThatNameNoCommandGetEveryCommand() {
    for (String first : new String[] {"", "--help", "help", "reprot"}) {
      assertThat(Main.commandLine(first).getSubcommands()).as(first).hasSize(Commands.names().size() + 1);
    }
  }

  @Test
  void aNamedCommandParsesItsArgumentsAsTheWholeCommandLineDoes() {
    String[] args = {"report", "emergency", "--site", "/tmp/s", "--month", "2015-11", "--format", "json", "--out", "/tmp/r"};
    CommandLine alone = Main.commandLine(args[0]);
    alone.parseArgs(args);
    List<CommandLine> parsed = alone.getParseResult().asCommandLineList();
    assertThat(parsed.get(parsed.size() - 1).getCommandSpec().qualifiedName(" ")).isEqualTo("datenraum report emergency");
  }

  private static List<String> usages(CommandLine cl) {
    List<String> out = new ArrayList<>(List.of(cl.getUsageMessage(Ansi.OFF)));
    cl.getSubcommands().values().stream().filter(s -> s.getCommandSpec().parent() == cl.getCommandSpec())
        .forEach(s -> out.addAll(usages(s)));
    return out;
  }
}
