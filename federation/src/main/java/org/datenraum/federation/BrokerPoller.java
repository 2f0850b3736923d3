package org.datenraum.federation;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * or a failed TLS handshake is logged as an error naming what to check, once per run of failures;
 * after {@link #REFUSALS_BEFORE_STOP} refusals of the key in a row polling stops and
 * {@link #refused()} completes. An unreachable broker is reported as an error naming its address
 * after {@link #REPORT_AFTER} attempts, with a reminder every {@link #REMINDER_EVERY} attempts while
 * the poller keeps trying. Thread-safe; stop with {@link #close()}.
 */
public final class BrokerPoller implements AutoCloseable {

  /** Consecutive refusals of the node's key (HTTP 401 or 403) after which polling stops. */
  public static final int REFUSALS_BEFORE_STOP = 5;
  /** Failed attempts in a row to reach the broker after which that is reported as an error. */
  public static final int REPORT_AFTER = 3;
  /** While the broker stays unreachable, a reminder is logged every this many attempts. */
  public static final int REMINDER_EVERY = 10;

  private static final Logger LOG = LoggerFactory.getLogger(BrokerPoller.class);

  private final BrokerClient client;
  private final Duration wait;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final Consumer<RequestDocument> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean connected;
  private final CompletableFuture<String> refused = new CompletableFuture<>();

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

  /**
   * Completes with the reason when the broker refused this node's key {@link #REFUSALS_BEFORE_STOP}
   * times in a row (HTTP 401 or 403) and polling stopped.
   */
  public CompletableFuture<String> refused() {
    return refused;
  }

  private void run() {
    Failures failures = new Failures();
    boolean resume = true;
    while (running) {
      try {
        Reply<List<RequestDocument>> reply = client.poll(wait, resume);
        if (!reply.isOk()) {
          connected = false;
          if (refusedKey(reply, failures)) {
            return;
          }
          pause(reply.waitHint().orElse(backoff.delay(failures.count, random)));
          continue;
        }
        if (failures.unreachable > 0) {
          LOG.warn("reached the broker at {} again after {} failed attempt(s)", client.base(), failures.unreachable);
        }
        connected = true;
        failures = new Failures();
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
        unreachable(e, failures);
        pause(backoff.delay(failures.count, random));
      } catch (RuntimeException e) {
        LOG.error("unexpected failure while polling; retrying", e);
        failures.count++;
        pause(backoff.delay(failures.count, random));
      }
    }
  }

  /** Consecutive failures: all of them, the refusals of the key, the attempts that did not reach the broker. */
  private static final class Failures {
    int count;
    int refusals;
    int unreachable;
  }

  /** Logs a refused poll; true when the key was refused often enough in a row to stop. */
  private boolean refusedKey(Reply<?> reply, Failures failures) {
    failures.count++;
    String reason = reply.problem() == null ? "HTTP " + reply.status() : reply.problem().text();
    if (reply.status() != 401 && reply.status() != 403) {
      failures.refusals = 0;
      LOG.warn("broker refused the poll: {}", reason);
      return false;
    }
    failures.refusals++;
    if (failures.refusals < REFUSALS_BEFORE_STOP) {
      if (failures.refusals == 1) {
        LOG.error("the broker does not accept this node's credentials ({}): check the site key"
            + " file (--key-file) or ask the broker's operator for a new key; retrying", reason);
      }
      return false;
    }
    String why = "DR-5640 the broker at `" + client.base() + "` refused this node's key " + failures.refusals
        + " times in a row (" + reason + "): check the site key file (--key-file) or ask the broker's operator"
        + " for a new key, then start the node again.";
    LOG.error("stopped polling: {}", why);
    running = false;
    refused.complete(why);
    return true;
  }

  /**
   * Logs an attempt that did not reach the broker: an error naming its address at the
   * {@link #REPORT_AFTER}-th failed attempt in a row (a failed TLS handshake at the first), then a
   * reminder every {@link #REMINDER_EVERY} attempts.
   */
  private void unreachable(UncheckedIOException e, Failures failures) {
    failures.count++;
    failures.unreachable++;
    int n = failures.unreachable;
    boolean tls = tlsFailure(e);
    if (n == 1 && tls) {
      LOG.error("the TLS connection to the broker failed; retrying: {}", e.getMessage());
    } else if (n == REPORT_AFTER && !tls) {
      LOG.error("cannot reach the broker at {} ({} attempts failed, the last: {}): check --broker, the network"
          + " and that the broker runs; retrying with backoff up to {} s", client.base(), n, cause(e),
          backoff.max().toSeconds());
    } else if (n % REMINDER_EVERY == 0) {
      LOG.warn("still cannot reach the broker at {} after {} attempts (the last: {}); retrying", client.base(), n,
          cause(e));
    } else {
      LOG.debug("broker at {} unreachable ({} attempts)", client.base(), n);
    }
  }

  /** Why the connection failed, in words. */
  private static String cause(Throwable e) {
    String last = null;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (t instanceof java.net.http.HttpTimeoutException) {
        return "no answer in time";
      }
      if (t.getMessage() != null && !t.getMessage().startsWith("cannot reach the broker")) {
        last = t.getMessage();
      }
    }
    return last != null ? last : "no connection";
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
