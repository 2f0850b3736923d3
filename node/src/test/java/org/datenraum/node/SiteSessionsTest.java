package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.federation.Backoff;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;

/** The node opens the site's data per task, waits while another process holds it, and closes it after. */
class SiteSessionsTest {

  private static final Plan DIABETES = CcdlParser.parse(TestSites.DIABETES_QUERY)
      .flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value();
  private static final LocalDate DATE = LocalDate.of(2025, 6, 1);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20));

  /** A site whose store is held by another process for the first {@code busy} attempts. */
  private static final class Site implements SiteOpener {
    final InMemorySiteStore store = TestSites.site(3, 12, 0);
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> events = new ArrayList<>();
    final int busy;

    Site(int busy) {
      this.busy = busy;
    }

    @Override
    public Optional<SiteData> open() {
      if (attempts.incrementAndGet() <= busy) {
        return Optional.empty();
      }
      events.add("open");
      Cohorts cohorts = Cohorts.reference(store);
      return Optional.of(new SiteData() {
        @Override
        public Cohorts cohorts() {
          return cohorts;
        }

        @Override
        public DailyCountsSource daily() {
          return DailyCountsSource.none();
        }

        @Override
        public void close() {
          events.add("close");
        }
      });
    }
  }

  @Test
  void aTaskOpensTheStoreOnceAndClosesItAfter() {
    Site site = new Site(0);
    SiteSessions sessions = SiteSessions.of(site, "", Duration.ofSeconds(5), FAST);
    Result<Integer> counted = sessions.during("request r1", () -> {
      List<PatientRecord> cohort = sessions.select(DIABETES, DATE, ConsentPolicy.EXCLUDE_DENIED);
      site.events.add("read");
      sessions.firstYear(java.util.Set.of(cohort.get(0).pseudonym()), TestSites.DIABETES);
      site.events.add("read");
      return cohort.size();
    });
    assertThat(counted.value()).isEqualTo(12);
    assertThat(site.events).containsExactly("open", "read", "read", "close");
  }

  @Test
  void aTaskWaitsWhileAnotherProcessHoldsTheStore() {
    Site site = new Site(4);
    SiteSessions sessions = SiteSessions.of(site, "", Duration.ofSeconds(10), FAST);
    Result<Integer> counted = sessions.during("request r2",
        () -> sessions.select(DIABETES, DATE, ConsentPolicy.EXCLUDE_DENIED).size());
    assertThat(counted.isOk()).isTrue();
    assertThat(counted.value()).isEqualTo(12);
    assertThat(site.attempts).hasValue(5);
    assertThat(site.events).containsExactly("open", "close");
  }

  @Test
  void aTaskFailsWithTheReasonWhenTheStoreStaysBusyPastTheBound() {
    Site site = new Site(Integer.MAX_VALUE);
    SiteSessions sessions = SiteSessions.of(site, "", Duration.ofMillis(150), FAST);
    long start = System.nanoTime();
    Result<Integer> counted = sessions.during("request r3", () -> 1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
    assertThat(counted.isOk()).isFalse();
    assertThat(counted.problem().code()).isEqualTo("DR-5630");
    assertThat(counted.problem().message()).contains("in use by another process");
    assertThat(site.attempts.get()).isGreaterThan(2);
    assertThat(site.events).isEmpty();
  }

  @Test
  void aSurveillanceRoundReadsItsCountsInItsOwnOpening() {
    Site site = new Site(1);
    SiteSessions sessions = SiteSessions.of(site, "rule", Duration.ofSeconds(5), FAST);
    assertThat(sessions.released(DATE, DATE).problem().code()).isEqualTo("DR-5620");
    assertThat(sessions.policy()).isEqualTo("rule");
    assertThat(site.events).containsExactly("open", "close");
  }
}
