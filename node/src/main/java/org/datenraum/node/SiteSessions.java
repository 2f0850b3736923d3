package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.PatientNumbering;
import org.datenraum.surveillance.syndromic.ReleasedCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's data opened per task: each request answered and each surveillance round opens the
 * store, reads, and closes it, so that loads, queries and reports can open the store between the
 * node's tasks. While another process holds the store, a task waits and retries with backoff up to
 * a bound, and logs that once; past the bound the task fails with the reason. Tasks run one at a
 * time. Thread-safe.
 */
public final class SiteSessions implements Cohorts, DailyCountsSource {

  private static final Logger LOG = LoggerFactory.getLogger(SiteSessions.class);

  private final SiteOpener opener;
  private final String dailyPolicy;
  private final Duration maxWait;
  private final Backoff retry;
  private final ReentrantLock lock = new ReentrantLock(true);
  private SiteOpener.SiteData open;

  private SiteSessions(SiteOpener opener, String dailyPolicy, Duration maxWait, Backoff retry) {
    this.opener = requireNonNull(opener, "opener");
    this.dailyPolicy = requireNonNull(dailyPolicy, "dailyPolicy");
    this.maxWait = requireNonNull(maxWait, "maxWait");
    this.retry = requireNonNull(retry, "retry");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("the wait for a busy site store `" + maxWait + "` must not be negative.");
    }
  }

  /**
   * Sessions that open the site's data with {@code opener}.
   *
   * @param dailyPolicy the release rule of the daily counts, as {@link DailyCountsSource#policy()}
   * @param maxWait     how long a task waits for a store that another process holds
   * @param retry       the pauses between attempts to open it
   */
  public static SiteSessions of(SiteOpener opener, String dailyPolicy, Duration maxWait, Backoff retry) {
    return new SiteSessions(opener, dailyPolicy, maxWait, retry);
  }

  @Override
  public <T> Result<T> during(String task, Supplier<T> work) {
    if (lock.isHeldByCurrentThread()) {
      return Result.ok(work.get());
    }
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.fail(stopped(task));
    }
    try {
      Result<SiteOpener.SiteData> data = awaitOpen(task);
      if (!data.isOk()) {
        return Result.fail(data.problem());
      }
      try (SiteOpener.SiteData d = data.value()) {
        open = d;
        return Result.ok(work.get());
      } finally {
        open = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private Result<SiteOpener.SiteData> awaitOpen(String task) {
    long start = System.nanoTime();
    for (int failures = 1; ; failures++) {
      Optional<SiteOpener.SiteData> data = opener.open();
      long waited = System.nanoTime() - start;
      if (data.isPresent()) {
        if (failures > 1) {
          LOG.info("{}: the site store is free again after {} s; continuing", task, Duration.ofNanos(waited).toSeconds());
        }
        return Result.ok(data.get());
      }
      long left = maxWait.toNanos() - waited;
      if (left <= 0) {
        LOG.warn("{}: the site store was still in use by another process after {} s; giving up", task,
            maxWait.toSeconds());
        return Result.fail(new Problem(Problem.Category.FAULT, "DR-5630", "the site store was in use by another"
            + " process (a load or a query) for " + maxWait.toSeconds() + " s, longer than the node waits:"
            + " ask again when the load at the site is done."));
      }
      if (failures == 1) {
        LOG.warn("{}: the site store is in use by another process (a load or a query); waiting up to {} s,"
            + " retrying", task, maxWait.toSeconds());
      }
      long pause = Math.min(retry.delay(failures, ThreadLocalRandom.current()).toNanos(), left);
      try {
        Thread.sleep(Math.max(1, pause / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.fail(stopped(task));
      }
    }
  }

  private static Problem stopped(String task) {
    return new Problem(Problem.Category.FAULT, "DR-5631", task + " was stopped with the node before the site"
        + " store could be opened: start the node again to answer it.");
  }

  /** The data of the task running on this thread, or of one opened just for this call. */
  private <T> T read(String what, java.util.function.Function<SiteOpener.SiteData, T> f) {
    Result<T> r = during(what, () -> f.apply(open));
    if (!r.isOk()) {
      throw new IllegalStateException(r.problem().text());
    }
    return r.value();
  }

  @Override
  public List<PatientRecord> select(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    return read("a cohort", d -> d.cohorts().select(plan, queryDate, consent));
  }

  @Override
  public Cohort cohort(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    return read("a cohort", d -> d.cohorts().cohort(plan, queryDate, consent));
  }

  /** The numbering of data the opener holds open across tasks; none for data opened per task. */
  @Override
  public Optional<PatientNumbering> numbering() {
    return opener.heldNumbering();
  }

  @Override
  public Map<String, Integer> firstYear(Set<String> patients, Coding code) {
    return read("the year stratum", d -> d.cohorts().firstYear(patients, code));
  }

  @Override
  public SiteReports reports() {
    return (report, parameters, today, consent) -> during("report " + report,
        () -> open.reports().cells(report, parameters, today, consent)).flatMap(r -> r);
  }

  @Override
  public Result<Optional<ReleasedCounts>> released(LocalDate from, LocalDate through) {
    return during("surveillance round", () -> open.daily().released(from, through)).flatMap(r -> r);
  }

  @Override
  public String policy() {
    return dailyPolicy;
  }
}
