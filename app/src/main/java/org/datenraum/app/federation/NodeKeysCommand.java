package org.datenraum.app.federation;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.datenraum.core.Result;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.http.LocalKeyEntry;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum node add-key|keys|revoke-key}: the site-local keys of the node's local HTTP port. */
final class NodeKeysCommand {

  private NodeKeysCommand() {}

  static LocalKeys keys(Path site) {
    return LocalKeys.in(new NodeDirectory(site).root());
  }

  @Command(name = "add-key", mixinStandardHelpOptions = true,
      description = "Create a site-local key for the node's local HTTP port and write it to a file.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--site", required = true, description = "The site's data directory.")
    Path site;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "site-admin (the site admin pages) or site-import (a hospital system posting documents).")
    String role;

    @Option(names = "--out", required = true, description = "Where to write the new key (owner-only).")
    Path out;

    @Parameters(index = "0", paramLabel = "NAME", description = "Who holds the key (lower-case letters, digits,"
        + " . _ -).")
    String name;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      var r = LocalRole.ofWire(role);
      if (r.isEmpty()) {
        err.println("datenraum node: DR-7112 --role `" + role + "` is not a local role: give one of "
            + LocalRole.names() + ".");
        return 2;
      }
      try (NewKeyFile file = NewKeyFile.reserve(out)) {
        LocalKeys keys = keys(site);
        Result<String> key = keys.create(name, r.get(), Clock.systemUTC(), new SecureRandom());
        if (!key.isOk()) {
          err.println("datenraum node: " + key.problem().text());
          return 1;
        }
        try {
          file.publish(key.value());
        } catch (RuntimeException e) {
          keys.revoke(name);
          throw e;
        }
      }
      spec.commandLine().getOut().println("Created " + r.get().wire() + " key `" + name + "`; written to " + out
          + " (readable by you only). It is not shown again; a running node accepts it at once.");
      return 0;
    }
  }

  @Command(name = "keys", mixinStandardHelpOptions = true, description = "List the site-local keys (names and"
      + " roles, never the keys).")
  static final class List implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--site", required = true, description = "The site's data directory.")
    Path site;

    @Override
    public Integer call() {
      for (LocalKeyEntry k : keys(site).list()) {
        spec.commandLine().getOut().printf("%-12s %-24s created %s%n", k.role(), k.name(), k.created());
      }
      return 0;
    }
  }

  @Command(name = "revoke-key", mixinStandardHelpOptions = true, description = "Revoke a site-local key; a"
      + " running node refuses it at once.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--site", required = true, description = "The site's data directory.")
    Path site;

    @Parameters(index = "0", paramLabel = "NAME", description = "The key's name, as `node keys` lists it.")
    String name;

    @Override
    public Integer call() {
      if (!keys(site).revoke(name)) {
        spec.commandLine().getErr().println("datenraum node: DR-7113 no site-local key is named `" + name
            + "`: see `datenraum node keys --site " + site + "`.");
        return 1;
      }
      spec.commandLine().getOut().println("Revoked `" + name + "`.");
      return 0;
    }
  }
}
