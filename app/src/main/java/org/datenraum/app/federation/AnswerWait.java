package org.datenraum.app.federation;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.RequestView;

/**
 * Waits for a submitted request's answers by long polls, and keeps waiting through a broker that
 * is unreachable or restarting: it says so once, retries with backoff until the deadline and says
 * when the broker answers again. Not thread-safe.
 */
final class AnswerWait {

  /** Short enough that a broker gone silent (no answer, no closed connection) is noticed within 20 s. */
  private static final Duration LONG_POLL = Duration.ofSeconds(10);
  private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

  private final BrokerClient client;
  private final URI broker;
  private final PrintWriter err;
  private final SplittableRandom random = new SplittableRandom();

  AnswerWait(BrokerClient client, URI broker, PrintWriter err) {
    this.client = client;
    this.broker = broker;
    this.err = err;
  }

  /** The request once every site is final, or as last seen when the timeout ends. */
  RequestView until(RequestView submitted, Duration timeout) {
    RequestView view = submitted;
    long deadline = System.nanoTime() + timeout.toNanos();
    int failures = 0;
    while (!view.done() && System.nanoTime() < deadline) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      String trouble;
      try {
        Reply<RequestView> r = client.request(view.id(), Duration.ofMillis(Math.min(left, LONG_POLL.toMillis())));
        if (r.isOk()) {
          if (failures > 0) {
            say("the broker answers again; still waiting for request " + view.id() + ".");
          }
          failures = 0;
          view = r.value();
          continue;
        }
        if (r.status() < 500) {
          say(r.problem().text());
          return view;
        }
        trouble = "the broker at " + broker + " answered HTTP " + r.status();
      } catch (UncheckedIOException e) {
        trouble = "the broker at " + broker + " cannot be reached";
      }
      failures++;
      if (failures == 1) {
        say(trouble + "; retrying with backoff until the timeout (request " + view.id() + ").");
      }
      if (!pause(BACKOFF.delay(failures, random), deadline)) {
        return view;
      }
    }
    return view;
  }

  private void say(String line) {
    err.println("datenraum submit: " + line);
    err.flush();
  }

  /** Sleeps for the delay, but not past the deadline; false when interrupted. */
  private static boolean pause(Duration delay, long deadline) {
    long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    try {
      Thread.sleep(Math.min(delay.toMillis(), left));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
