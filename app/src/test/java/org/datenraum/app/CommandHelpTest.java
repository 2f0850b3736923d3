package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help: an example that parses, described arguments, required options starred, one default style. */
class CommandHelpTest {

  private static final Pattern EXAMPLE = Pattern.compile("Example:\\R  datenraum ((?:.*\\\\\\R)*.+)");

  private static List<CommandLine> all(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>(List.of(cl));
    cl.getSubcommands().values().stream().filter(s -> s.getCommandSpec().parent() == cl.getCommandSpec())
        .forEach(s -> out.addAll(all(s)));
    return out;
  }

  private static String name(CommandLine cl) {
    return cl.getCommandSpec().qualifiedName(" ");
  }

  @Test
  void everyCommandShowsAnExampleThatParsesAsThatCommand() {
    List<CommandLine> commands = all(Main.commandLine());
    assertThat(commands).hasSizeGreaterThan(30);
    for (CommandLine cl : commands) {
      String usage = cl.getUsageMessage(Ansi.OFF);
      Matcher m = EXAMPLE.matcher(usage);
      assertThat(m.find()).as("example in the help of `%s`", name(cl)).isTrue();
      List<String> args = words(m.group(1).replaceAll("\\\\\\R", " "));
      CommandLine fresh = Main.commandLine();
      assertThatCode(() -> fresh.parseArgs(args.toArray(String[]::new))).as("example of `%s`", name(cl))
          .doesNotThrowAnyException();
      String invoked = name(fresh.getParseResult().asCommandLineList().get(
          fresh.getParseResult().asCommandLineList().size() - 1));
      String expected = name(cl).equals("datenraum") ? invoked : name(cl);
      assertThat(invoked).as("the example of `%s` runs that command", name(cl)).startsWith(expected);
    }
  }

  @Test
  void everyArgumentIsDescribedAndRequiredOptionsAreStarred() {
    for (CommandLine cl : all(Main.commandLine())) {
      String usage = cl.getUsageMessage(Ansi.OFF);
      for (ArgSpec arg : cl.getCommandSpec().args()) {
        String label = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
        assertThat(String.join(" ", arg.description())).as("description of %s in `%s`", label, name(cl))
            .isNotBlank();
        if (arg.isOption() && arg.required() && arg.group() == null) {
          assertThat(usage).as("%s of `%s` starred as required", label, name(cl))
              .containsPattern("(?m)^\\*.*" + Pattern.quote(label));
        }
      }
      assertThat(usage).as("exit statuses of `%s`", name(cl)).contains("Exit status:").containsPattern("(?m)^  0 ");
    }
  }

  @Test
  void defaultsAreShownInOneStyle() {
    Pattern anyDefault = Pattern.compile("(?i)default");
    for (CommandLine cl : all(Main.commandLine())) {
      for (OptionSpec o : cl.getCommandSpec().options()) {
        String text = String.join(" ", o.description());
        Matcher m = anyDefault.matcher(text);
        while (m.find()) {
          assertThat(text.substring(Math.max(0, m.start() - 1))).as("%s of `%s`", o.longestName(), name(cl))
              .startsWith("(default: ");
        }
        boolean valued = o.defaultValue() != null && !o.defaultValue().isEmpty() && o.arity().max() > 0
            && !o.usageHelp() && !o.versionHelp();
        if (valued) {
          assertThat(text).as("%s of `%s` names its default", o.longestName(), name(cl)).contains("(default: ");
        }
      }
    }
  }

  /** Words of a command line as a shell splits them, double quotes grouping. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }
}
