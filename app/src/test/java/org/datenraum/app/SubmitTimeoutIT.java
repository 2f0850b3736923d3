package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit --wait} that runs out of time is not a success. */
class SubmitTimeoutIT {

  @TempDir Path root;

  @Test
  void aWaitThatTimesOutExitsOneAndNamesTheOpenRequest() throws Exception {
    Path data = root.resolve("broker");
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(30));
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      Path alice = root.resolve("alice.key");
      assertThat(Cli.run(FederationCliIT.concat(new String[] {"admin", "add-site", "quiet", "--out",
          root.resolve("quiet.key").toString()}, operator)).status()).isZero();
      assertThat(Cli.run(FederationCliIT.concat(new String[] {"admin", "add-researcher", "alice", "--out",
          alice.toString()}, operator)).status()).isZero();
      Path query = Files.writeString(root.resolve("q.json"), FederationCliIT.DIABETES);

      Cli.Run r = Cli.run("submit", "--broker", url, "--key-file", alice.toString(), "--wait", "--timeout", "1",
          "--json", query.toString());

      assertThat(r.status()).as(r.err()).isEqualTo(1);
      assertThat(r.out()).contains("\"done\":false");
      assertThat(r.err()).contains("within --timeout 1 s").contains("stays open");
      Cli.Run noWait = Cli.run("submit", "--broker", url, "--key-file", alice.toString(), query.toString());
      assertThat(noWait.status()).as("submitted without --wait: done as asked").isZero();
    }
  }
}
