package org.datenraum.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.federation.v1.SurveillanceDays;
import org.datenraum.federation.v1.SurveillanceRound;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.surveillance.syndromic.ReleasedCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the rounds of the broker's standing surveillance request: with the site's rule, the
 * released daily counts of the days after the last day the broker holds of this site (it says so
 * at {@code GET /v1/node/surveillance/days}; the last day it accepted, kept in
 * {@code SITE/node/surveillance-sent.json}, when it does not), uploaded in parts, then the number
 * of days as the round's result; without the rule, the round is rejected. One round at a time.
 * Thread-safe.
 */
final class SurveillanceRounds {

  static final String NO_RULE = "this site takes part in surveillance only by rule: start the node with"
      + " --auto-approve surveillance";
  private static final Logger LOG = LoggerFactory.getLogger(SurveillanceRounds.class);

  /** What the site has delivered: the last day the broker accepted, and the last round with its days. */
  record Sent(LocalDate lastDay, String lastRound, int lastRoundDays) {}

  private final NodeParts parts;
  private final DailyCountsSource source;
  private final boolean approved;
  private final FileAuditLog audit;
  private final Backoff backoff;
  private final Path state;
  private volatile boolean running = true;

  SurveillanceRounds(NodeParts parts, DailyCountsSource source, boolean approved, FileAuditLog audit,
      Backoff backoff) {
    this.parts = parts;
    this.source = source;
    this.approved = approved;
    this.audit = audit;
    this.backoff = backoff;
    this.state = parts.directory().root().resolve("surveillance-sent.json");
  }

  void stop() {
    running = false;
  }

  /** Answers, rejects or fails the round; returns which, for the node's request log. */
  synchronized String handle(RequestDocument d) {
    Sent sent = sent();
    if (d.id().equals(sent.lastRound())) {
      deliver(() -> parts.broker().upload(d.id(), SiteResult.total(Count.of(sent.lastRoundDays()))));
      return "answered";
    }
    SurveillanceRound round;
    try {
      round = SurveillanceRound.of(d.query());
    } catch (WireFormatException e) {
      finish(d, SiteStatus.FAILED, "request.failed", e.getMessage());
      return "failed";
    }
    audit.append(d.researcher(), "request.received", d.id(), "type=surveillance through=" + round.through());
    if (!approved) {
      finish(d, SiteStatus.REJECTED, "request.rejected", NO_RULE);
      return "rejected";
    }
    audit.append("rule:auto-approve", "request.approved", d.id(), "type=surveillance");
    deliver(() -> parts.broker().status(d.id(), new StatusUpdate(SiteStatus.PROCESSING, null)));
    LocalDate last = lastHeld(sent);
    LocalDate from = last == null || last.isBefore(round.start()) ? round.start() : last.plusDays(1);
    Result<Optional<ReleasedCounts>> counts = from.isAfter(round.through())
        ? Result.ok(Optional.empty()) : source.released(from, round.through());
    if (!counts.isOk() && Thread.currentThread().isInterrupted()) {
      return "stopped";
    }
    if (!counts.isOk()) {
      finish(d, SiteStatus.FAILED, "request.failed", counts.problem().text());
      return "failed";
    }
    List<DailyCounts> uploads = counts.value().map(DailyCountsParts::of).orElse(List.of());
    send(d, uploads, sent);
    return "answered";
  }

  /**
   * The last day the broker holds of this site, as it says; the last day this node's record has
   * sent when the broker does not say (an older broker). A broker that lost days (its data deleted,
   * or a new broker over this site's directory) so gets them again, and only them.
   */
  private LocalDate lastHeld(Sent sent) {
    Reply<SurveillanceDays> held;
    try {
      held = parts.broker().surveillanceDays();
    } catch (UncheckedIOException e) {
      LOG.warn("cannot ask the broker which days it holds of this site: sending the days after {}", sent.lastDay());
      return sent.lastDay();
    }
    if (!held.isOk()) {
      LOG.warn("the broker does not say which days it holds of this site ({}): sending the days after {}",
          held.status(), sent.lastDay());
      return sent.lastDay();
    }
    LocalDate last = held.value().last();
    if (sent.lastDay() != null && (last == null || last.isBefore(sent.lastDay()))) {
      LOG.info("the broker holds this site's days through {}, fewer than the {} sent: sending the days after it",
          last, sent.lastDay());
    }
    return last;
  }

  private void send(RequestDocument d, List<DailyCounts> uploads, Sent sent) {
    int days = uploads.stream().mapToInt(DailyCounts::days).sum();
    audit.append("node", "result.released", d.id(), uploads.isEmpty() ? "days=0" : "days=" + uploads.get(0).first()
        + ".." + uploads.get(uploads.size() - 1).last() + " parts=" + uploads.size() + " withheld="
        + withheld(uploads) + " sha256=" + sha256(WireJson.write(uploads)));
    for (DailyCounts part : uploads) {
      if (!deliver(() -> parts.broker().uploadDaily(d.id(), part))) {
        return;
      }
    }
    if (deliver(() -> parts.broker().upload(d.id(), SiteResult.total(Count.of(days))))) {
      LocalDate last = uploads.isEmpty() ? sent.lastDay() : uploads.get(uploads.size() - 1).last();
      save(new Sent(last, d.id(), days));
    }
  }

  private void finish(RequestDocument d, SiteStatus status, String action, String why) {
    audit.append("node", action, d.id(), why);
    deliver(() -> parts.broker().status(d.id(), new StatusUpdate(status, why)));
  }

  private static long withheld(List<DailyCounts> uploads) {
    return uploads.stream().flatMap(u -> u.series().stream()).flatMap(s -> s.counts().stream())
        .filter(v -> v == null).count();
  }

  /** Sends until the broker answers; true when it accepted. */
  private boolean deliver(Supplier<Reply<?>> call) {
    int failures = 0;
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        Reply<?> r = call.get();
        if (!r.isOk()) {
          LOG.warn("broker refused surveillance counts: {}", r.problem().text());
        }
        return r.isOk();
      } catch (UncheckedIOException e) {
        failures++;
        try {
          Thread.sleep(backoff.delay(failures, ThreadLocalRandom.current()).toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return false;
  }

  private Sent sent() {
    try {
      return Files.exists(state) ? WireJson.read(Files.readString(state), Sent.class) : new Sent(null, null, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + state, e);
    }
  }

  private void save(Sent s) {
    NodeDirectory.write(state, WireJson.write(s));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
