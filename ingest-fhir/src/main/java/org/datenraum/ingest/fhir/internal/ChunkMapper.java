package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;

/**
 * Maps entries and NDJSON lines in parallel chunks (a line is parsed and mapped by the same task)
 * and hands the outcomes on in input order, except that a record whose Patient comes later in
 * the same chunk waits for it. An NDJSON line goes to the streaming reader first and is parsed
 * into a tree only when that hands it over. Entries that need a resource not seen yet are kept for the end of
 * the load. Bundles found on NDJSON lines are split and mapped in order when their turn comes.
 */
public final class ChunkMapper {

  /** Items mapped in parallel at a time. */
  private static final int CHUNK = 4096;

  private final ObjectMapper json;
  private final EntryMapper mapper;
  private final StreamMapper stream;
  private final Consumer<Outcome> accepted;
  private final List<Object> chunk = new ArrayList<>(CHUNK);
  private final List<Outcome.Defer> deferred = new ArrayList<>();

  /** A Bundle read from an NDJSON line, to be split in order. */
  private record Bundle(String file, String location, ObjectNode bundle) {}

  /**
   * @param stream the streaming reader tried first for each NDJSON line, or null to map every
   *               line through its tree
   */
  public ChunkMapper(ObjectMapper json, EntryMapper mapper, StreamMapper stream,
      Consumer<Outcome> accepted) {
    this.json = json;
    this.mapper = mapper;
    this.stream = stream;
    this.accepted = accepted;
  }

  /** Adds a {@link RawEntry}, a {@link JsonLine} or an {@link Outcome.Reject}. */
  public void add(Object item) {
    chunk.add(item);
    if (chunk.size() >= CHUNK) {
      flush();
    }
  }

  /** Maps and hands on everything added so far. */
  public void flush() {
    Object[] mapped = chunk.parallelStream().map(this::map).toArray();
    chunk.clear();
    Set<String> pendingPatients = new HashSet<>();
    for (Object x : mapped) {
      if (x instanceof Outcome.Upsert u && u.record().demographics() != null) {
        pendingPatients.add(u.record().key().id());
      }
    }
    List<Outcome> waiting = new ArrayList<>();
    for (Object x : mapped) {
      if (x instanceof Bundle b) {
        List<Object> entries = new ArrayList<>();
        BundleEntries.emit(b.file(), b.location(), b.bundle(), new Collect(entries));
        for (Object e : entries) {
          apply(e instanceof RawEntry r ? mapper.map(r) : (Outcome) e, pendingPatients, waiting);
        }
      } else if (x != null) {
        apply((Outcome) x, pendingPatients, waiting);
      }
    }
    waiting.forEach(accepted);
  }

  /** The entries still waiting for a resource; the caller maps them once more at the end. */
  public List<Outcome.Defer> deferred() {
    return deferred;
  }

  private Object map(Object item) {
    if (item instanceof RawEntry e) {
      return mapper.map(e);
    }
    if (item instanceof JsonLine line) {
      return mapLine(line);
    }
    return item;
  }

  private Object mapLine(JsonLine line) {
    Outcome.Upsert streamed = stream == null ? null : stream.map(line);
    if (streamed != null) {
      return streamed;
    }
    Object parsed = line.parse(json);
    if (parsed instanceof Problem p) {
      return new Outcome.Reject(new QuarantineEntry(line.file(), line.location(), null, null, p));
    }
    if (!(parsed instanceof ObjectNode o)) {
      return null;
    }
    if ("Bundle".equals(o.path("resourceType").asText())) {
      return new Bundle(line.file(), line.location(), o);
    }
    return mapper.map(new RawEntry(line.file(), line.location(), o, null, null, Map.of()));
  }

  private void apply(Outcome mapped, Set<String> pendingPatients, List<Outcome> waiting) {
    Outcome o = mapped instanceof Outcome.Defer d ? mapper.map(d.entry()) : mapped;
    if (o instanceof Outcome.Defer d) {
      deferred.add(d);
    } else if (o instanceof Outcome.Upsert u && u.record().demographics() == null
        && pendingPatients.contains(u.record().patient())) {
      waiting.add(o);
    } else {
      if (o instanceof Outcome.Upsert u && u.record().demographics() != null) {
        pendingPatients.remove(u.record().key().id());
      }
      accepted.accept(o);
    }
  }

  /** Collects what a Bundle splits into: a sink that fills the caller's list, so it is not copied. */
  private record Collect(List<Object> into) implements EntrySink {
    @Override
    public void entry(RawEntry entry) {
      into.add(entry);
    }

    @Override
    public void line(JsonLine line) {
      throw new IllegalStateException("a Bundle holds no NDJSON lines");
    }

    @Override
    public void reject(QuarantineEntry rejected) {
      into.add(new Outcome.Reject(rejected));
    }
  }
}
