package org.datenraum.store.duckdb.feasibility;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.core.Coding;
import org.datenraum.core.Sex;
import org.datenraum.query.ccdl.Comparator;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.FactTest;
import org.datenraum.query.plan.NumberTest;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.query.plan.TimeWindow;
import org.datenraum.query.plan.ValueTest;

/** Random plans over the vocabulary of {@link RandomFacts}, using every kind of predicate and test. */
final class RandomPlans {

  private final SplittableRandom random;

  RandomPlans(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  Plan plan() {
    List<List<PatientPredicate>> inclusion = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      inclusion.add(group());
    }
    List<List<PatientPredicate>> exclusion = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      exclusion.add(group());
    }
    return new Plan(inclusion, exclusion);
  }

  private List<PatientPredicate> group() {
    List<PatientPredicate> out = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      out.add(predicate(true));
    }
    return out;
  }

  private PatientPredicate predicate(boolean nest) {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return new PatientPredicate.SexIn(new HashSet<>(List.of(pick(List.of(Sex.values())), pick(List.of(Sex.values())))));
    }
    if (kind == 1) {
      ChronoUnit unit = pick(List.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.WEEKS, ChronoUnit.DAYS));
      double scale = unit == ChronoUnit.YEARS ? 1 : unit == ChronoUnit.MONTHS ? 12 : unit == ChronoUnit.WEEKS ? 52 : 365;
      return new PatientPredicate.AgeIs(number(scale * 100), unit);
    }
    if (kind == 2 && nest) {
      return new PatientPredicate.AnyOf(List.of(predicate(false), predicate(false)));
    }
    return new PatientPredicate.HasFact(pattern(true));
  }

  private FactPattern pattern(boolean references) {
    Set<String> types = new HashSet<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      types.add(pick(RandomFacts.TYPES));
    }
    String codeKey = random.nextInt(6) == 0 ? pick(List.of("category", "bodySite")) : null;
    CodeSet codes = random.nextInt(12) == 0 ? null : codes();
    ValueTest value = random.nextInt(3) == 0 ? value() : null;
    List<FactTest> tests = new ArrayList<>();
    for (int i = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
      tests.add(test(references));
    }
    return new FactPattern(types, codeKey, codes, value, tests, window());
  }

  private CodeSet codes() {
    Set<Coding> exact = new HashSet<>();
    Set<Coding> prefixes = new HashSet<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      Coding c = new Coding(pick(RandomFacts.SYSTEMS), pick(RandomFacts.CODES));
      if (random.nextInt(4) == 0) {
        prefixes.add(new Coding(c.system(), c.code().substring(0, 1 + random.nextInt(c.code().length()))));
      } else {
        exact.add(c);
      }
    }
    return new CodeSet(exact, prefixes);
  }

  private ValueTest value() {
    if (random.nextBoolean()) {
      return new ValueTest.InConcepts(codes());
    }
    String unit = random.nextInt(4) == 0 ? null : pick(RandomFacts.UNITS);
    return new ValueTest.Quantity(number(20), unit);
  }

  private NumberTest number(double scale) {
    double a = Math.round(random.nextDouble() * scale * 10) / 10.0;
    if (random.nextInt(3) == 0) {
      return new NumberTest.Between(a, a + Math.round(random.nextDouble() * scale * 10) / 10.0);
    }
    return new NumberTest.Compare(pick(List.of(Comparator.values())), a);
  }

  private FactTest test(boolean references) {
    return switch (random.nextInt(references ? 6 : 4)) {
      case 0 -> new FactTest.AttributeIn(pick(List.of("category", "bodySite", "route", "collection.bodySite")), codes());
      case 1 -> new FactTest.CodeIn(codes());
      case 2 -> new FactTest.StatusIn(Set.of(pick(RandomFacts.STATUSES)));
      case 3 -> new FactTest.Sibling(codes(), random.nextBoolean() ? null : value());
      case 4 -> new FactTest.References(List.of(pattern(false), pattern(false)));
      default -> near();
    };
  }

  private TimeWindow window() {
    if (random.nextInt(3) > 0) {
      return TimeWindow.ALWAYS;
    }
    Instant from = random.nextInt(4) == 0 ? null : RandomFacts.BASE.plusSeconds(random.nextLong(3 * 365 * 86400L));
    Instant until = random.nextInt(4) == 0 ? null
        : (from == null ? RandomFacts.BASE : from).plusSeconds(1 + random.nextLong(400 * 86400L));
    return new TimeWindow(from, until);
  }

  /** A time relation with bounds in whole or fractional days, one of them possibly open. */
  private FactTest near() {
    List<java.time.Duration> bounds = List.of(java.time.Duration.ofDays(-400), java.time.Duration.ofDays(-30),
        java.time.Duration.ZERO, java.time.Duration.ofHours(36), java.time.Duration.ofDays(30),
        java.time.Duration.ofDays(400));
    int a = random.nextInt(bounds.size());
    int b = a + random.nextInt(bounds.size() - a);
    java.time.Duration min = random.nextInt(4) == 0 ? null : bounds.get(a);
    java.time.Duration max = min != null && random.nextInt(4) == 0 ? null : bounds.get(b);
    return new FactTest.Near(List.of(pattern(false)), min, max);
  }
}
