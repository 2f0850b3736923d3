package org.datenraum.ingest.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;

/**
 * The facts of a streamed resource, made as {@link FactExtractor} makes them from the tree, in
 * the same order. A time that is no FHIR date or a value of the wrong kind ends streaming (the
 * tree-based mapping then quarantines the resource with its reason).
 */
final class StreamedFacts {

  private final StreamedResource r;
  private final FactExtractor.Subject s;
  private final List<Attribute> attributes;
  private final List<Fact> facts = new ArrayList<>(4);

  private StreamedFacts(StreamedResource r, FactExtractor.Subject s) {
    this.r = r;
    this.s = s;
    if (r.attributes.size() < 2) {
      this.attributes = List.copyOf(r.attributes);
    } else {
      List<Attribute> sorted = new ArrayList<>(r.attributes);
      sorted.sort(AttributeWalker.ORDER);
      this.attributes = List.copyOf(sorted);
    }
  }

  static List<Fact> of(StreamedResource r, FactExtractor.Subject s) {
    try {
      return new StreamedFacts(r, s).extract();
    } catch (TimeSpan.BadTime bad) {
      throw StreamFallback.outcome();
    }
  }

  private List<Fact> extract() throws TimeSpan.BadTime {
    switch (r.type) {
      case "Condition" -> codes(r.code, first("onset", "recordedDate"), List.of());
      case "Observation" -> {
        TimeSpan time = first("effective", "issued");
        codes(r.code, time, r.value.values());
        for (TokenReaders.Component c : r.components) {
          codes(c.code, time, c.value.values());
        }
      }
      case "Procedure" -> codes(r.code, of("performed"), duration());
      case "MedicationAdministration" ->
          each(s.medication(), first("effective", "dateAsserted"), rate());
      case "MedicationRequest" -> each(s.medication(), of("authoredOn"), List.of());
      case "Encounter" -> encounter();
      default -> throw new IllegalStateException("not a streamed type: " + r.type);
    }
    // one or two facts as the immutable list the record would copy them into
    return switch (facts.size()) {
      case 1 -> List.of(facts.get(0));
      case 2 -> List.of(facts.get(0), facts.get(1));
      default -> facts;
    };
  }

  private void encounter() throws TimeSpan.BadTime {
    TimeSpan period = of("period");
    each(r.encounterClass, period, List.of());
    for (TokenReaders.Concept t : r.types) {
      codes(t, period, List.of());
    }
    for (TokenReaders.Location l : r.locations) {
      String ref = l.reference == null ? "" : l.reference;
      if (ref.startsWith("Location/")) {
        TimeSpan at = l.period == null ? period
            : TimeSpan.period("location.period", l.period.start, l.period.end);
        each(List.of(new Coding(AttributeWalker.REFERENCE_SYSTEM, ref)), at, List.of());
      }
    }
  }

  private List<FactValue> duration() throws TimeSpan.BadTime {
    Object p = r.time("performed", StreamedResource.AS_PERIOD);
    return p instanceof TokenReaders.Period period
        ? ValueReader.duration(period.start, period.end) : List.of();
  }

  private List<FactValue> rate() {
    TokenReaders.Quantity q = r.rate;
    return q == null || q.value == null ? List.of()
        : List.of(new FactValue.Quantity(q.value, q.unit(), q.comparator));
  }

  /** A time's member names: the prefix, and with DateTime, Instant and Period. */
  private record TimeNames(String plain, String dateTime, String instant, String period) {}

  /** Per prefix of {@link StreamedResource#TIMES}, its member names, made once. */
  private static final java.util.Map<String, TimeNames> TIME_NAMES = timeNames();

  private static java.util.Map<String, TimeNames> timeNames() {
    java.util.Map<String, TimeNames> out = new java.util.HashMap<>();
    for (List<String> prefixes : StreamedResource.TIMES.values()) {
      for (String p : prefixes) {
        out.put(p, new TimeNames(p, p + "DateTime", p + "Instant", p + "Period"));
      }
    }
    return java.util.Map.copyOf(out);
  }

  /** {@link TimeSpan#of} over the times the resource's members held. */
  private TimeSpan of(String prefix) throws TimeSpan.BadTime {
    TimeNames n = TIME_NAMES.get(prefix);
    Object v = r.time(prefix, StreamedResource.DATE_TIME);
    if (v == null) {
      v = r.time(prefix, StreamedResource.INSTANT);
    }
    if (v != null) {
      return TimeSpan.point(n.dateTime(), text(v));
    }
    Object p = r.time(prefix, StreamedResource.AS_PERIOD);
    Object plain = r.time(prefix, StreamedResource.PLAIN);
    if (p == null && plain instanceof TokenReaders.Period) {
      p = plain;
    }
    if (p != null) {
      if (!(p instanceof TokenReaders.Period period)) {
        throw StreamFallback.shape();
      }
      return TimeSpan.period(n.period(), period.start, period.end);
    }
    return plain instanceof String text ? TimeSpan.point(prefix, text) : TimeSpan.NONE;
  }

  private static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw StreamFallback.shape();
  }

  private TimeSpan first(String... prefixes) throws TimeSpan.BadTime {
    for (String prefix : prefixes) {
      TimeSpan t = of(prefix);
      if (!t.isEmpty()) {
        return t;
      }
    }
    return TimeSpan.NONE;
  }

  private void codes(TokenReaders.Concept concept, TimeSpan t, List<FactValue> values) {
    if (concept != null) {
      each(concept.codings, t, values);
    }
  }

  private void each(List<Coding> codes, TimeSpan t, List<FactValue> values) {
    for (int c = 0; c < codes.size(); c++) {
      if (values.isEmpty()) {
        add(codes.get(c), t, null);
      } else {
        for (int v = 0; v < values.size(); v++) {
          add(codes.get(c), t, values.get(v));
        }
      }
    }
  }

  private void add(Coding code, TimeSpan t, FactValue v) {
    facts.add(new Fact(s.patient(), s.encounter(), r.type, s.resourceId(), code, t.start(),
        t.end(), v, r.status, attributes));
  }
}
