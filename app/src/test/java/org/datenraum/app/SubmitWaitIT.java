package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.SiteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code submit --wait} prints the request id first and keeps waiting through a broker restart. */
class SubmitWaitIT {

  private static final Pattern SUBMITTED = Pattern.compile("^Request (\\S+) submitted to 1 site\\(s\\)");

  @TempDir Path root;

  @Test
  void theIdComesFirstAndTheWaitSurvivesABrokerRestart() throws Exception {
    Path data = root.resolve("broker");
    Broker broker = Broker.start(BrokerConfig.of(data, 0).withHost("127.0.0.1"));
    int port = broker.port();
    String url = broker.localUri().toString();
    BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(data.resolve("operator.key")));
    BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
    Path key = Files.writeString(root.resolve("alice.key"), op.addResearcher("alice").orThrow().key());
    Path query = Files.writeString(root.resolve("q.json"), FederationCliIT.DIABETES);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      return cl.execute("submit", "--broker", url, "--key-file", key.toString(), "--wait",
          "--timeout", "120", query.toString());
    });
    try {
      String id = await(() -> first(out), Duration.ofSeconds(20));
      broker.close();
      await(() -> err.toString().contains("retrying with backoff") ? "" : null, Duration.ofSeconds(45));
      broker = Broker.start(BrokerConfig.of(data, port).withHost("127.0.0.1"));
      site.poll(Duration.ofSeconds(2), false).orThrow();
      site.upload(id, SiteResult.total(Count.of(40))).orThrow();
      assertThat(run.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
      assertThat(out.toString()).startsWith("Request " + id + " submitted").contains("(done)").contains("Total: 40");
      assertThat(err.toString()).containsPattern("cannot be reached|answered HTTP 503")
          .contains("the broker answers again").doesNotContain("Exception");
    } finally {
      broker.close();
    }
  }

  private static String first(StringWriter out) {
    Matcher m = SUBMITTED.matcher(out.toString());
    return m.find() ? m.group(1) : null;
  }

  private static String await(Supplier<String> value, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String v = value.get();
      if (v != null) {
        return v;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out");
  }
}
