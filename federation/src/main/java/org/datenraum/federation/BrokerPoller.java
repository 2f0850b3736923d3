package org.datenraum.federation;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.datenraum.federation.v1.RequestDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's outbound-only connection: long-polls the broker for requests on one thread and hands
 * each to a consumer; reconnects with backoff when the broker is unreachable or refuses. The first
 * poll after each (re)connection asks the broker to resend requests the site had retrieved but not
 * finished, so the consumer must ignore ids it already handles. A refusal of the node's credentials
 * or a failed TLS handshake is logged as an error naming what to check, once per run of failures.
 * Thread-safe; stop with {@link #close()}.
 */
public final class BrokerPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerPoller.class);

  private final BrokerClient client;
  private final Duration wait;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final Consumer<RequestDocument> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean connected;

  private BrokerPoller(BrokerClient client, Duration wait, Backoff backoff, RandomGenerator random,
      Consumer<RequestDocument> consumer) {
    this.client = client;
    this.wait = wait;
    this.backoff = backoff;
    this.random = random;
    this.consumer = consumer;
    this.thread = new Thread(this::run, "broker-poller");
    this.thread.setDaemon(true);
  }

  /** Starts polling at once. */
  public static BrokerPoller start(BrokerClient client, Duration wait, Backoff backoff, RandomGenerator random,
      Consumer<RequestDocument> consumer) {
    BrokerPoller p = new BrokerPoller(requireNonNull(client, "client"), requireNonNull(wait, "wait"),
        requireNonNull(backoff, "backoff"), requireNonNull(random, "random"), requireNonNull(consumer, "consumer"));
    p.thread.start();
    return p;
  }

  /** Whether the last poll reached the broker and was accepted. */
  public boolean connected() {
    return connected;
  }

  private void run() {
    int failures = 0;
    boolean resume = true;
    while (running) {
      try {
        Reply<List<RequestDocument>> reply = client.poll(wait, resume);
        if (!reply.isOk()) {
          connected = false;
          failures++;
          String reason = reply.problem() == null ? "HTTP " + reply.status() : reply.problem().text();
          if (failures == 1 && (reply.status() == 401 || reply.status() == 403)) {
            LOG.error("the broker does not accept this node's credentials ({}): check the site key"
                + " file (--key-file) or ask the broker's operator for a new key; retrying", reason);
          } else {
            LOG.warn("broker refused the poll: {}", reason);
          }
          pause(reply.waitHint().orElse(backoff.delay(failures, random)));
          continue;
        }
        connected = true;
        failures = 0;
        resume = false;
        for (RequestDocument d : reply.value()) {
          consumer.accept(d);
        }
      } catch (UncheckedIOException e) {
        if (!running) {
          break;
        }
        connected = false;
        resume = true;
        failures++;
        Duration d = backoff.delay(failures, random);
        if (failures == 1 && tlsFailure(e)) {
          LOG.error("the TLS connection to the broker failed; retrying: {}",
              e.getMessage());
        } else {
          LOG.info("broker unreachable ({} failure(s)); retrying in {} ms", failures, d.toMillis());
        }
        pause(d);
      } catch (RuntimeException e) {
        LOG.error("unexpected failure while polling; retrying", e);
        failures++;
        pause(backoff.delay(failures, random));
      }
    }
  }

  private static boolean tlsFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException) {
        return true;
      }
    }
    return false;
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops polling and waits for the thread to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
