package org.datenraum.app.federation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum broker}: runs the central broker until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run the broker: sites poll it for requests, researchers submit to it. State in DIR/broker.db.")
public final class BrokerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "The broker's data directory.")
  Path data;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--expiry-minutes", defaultValue = "60",
      description = "Minutes sites may take when a request names no expiry (default ${DEFAULT-VALUE}).")
  long expiryMinutes;

  @Override
  public Integer call() throws InterruptedException {
    BrokerConfig config = BrokerConfig.of(data, port).withHost(host).withExpiry(Duration.ofMinutes(expiryMinutes));
    Broker broker = Broker.start(config);
    var out = spec.commandLine().getOut();
    broker.newOperatorKey().ifPresent(k -> out.println("Wrote the operator key to " + k
        + " (readable by you only): use it with `datenraum admin --key-file " + k + "`."));
    out.println("Broker listening on " + host + ":" + broker.port() + "; API at /v1, description at /v1/openapi.json.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stopped.countDown();
    }, "broker-shutdown"));
    stopped.await();
    return 0;
  }
}
