package org.datenraum.web.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.LocalRequest;
import org.datenraum.node.LocalState;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.admin.SiteAdmin;
import org.datenraum.node.admin.StoreAccess;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.node.internal.FileAuditLog;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.SiteStore;

/**
 * A site for the page tests: an in-memory store with patients, facts and quarantined records, a
 * request waiting for approval and one answered, an audit log, and the node's local port serving
 * the site admin pages.
 */
final class SiteFixture implements AutoCloseable {

  /** The FHIR ingest's reason for a record whose patient is not loaded (every third quarantined record). */
  static final Problem UNKNOWN_PATIENT = Problem.notFound("DR-1015", "its `subject`/`patient` references a"
      + " Patient that is neither in this load nor in the store: load that Patient, or fix the reference.");
  /** The FHIR ingest's reason for a specimen quantity without unit (the other quarantined records). */
  static final Problem UNIT_MISSING = Problem.invalid("DR-7401", "Specimen quantity `2.5` has no unit: give its"
      + " UCUM code (e.g. `mL`), or leave the quantity out.");

  static final String DIABETES = """
      {"version":"http://to_be_decided.com/draft-2/schema#","inclusionCriteria":[[{"context":{"system":"fdpg.mii.cds",
      "code":"Diagnose","display":"Diagnose"},"termCodes":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm",
      "code":"E11","display":"Diabetes mellitus, Typ 2"}]}]]}""";
  static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  final NodeDirectory dir;
  final LocalKeys keys;
  final String adminKey;
  final String importKey;
  final InMemorySiteStore store = new InMemorySiteStore();
  final NodeHttp http;

  SiteFixture(Path site, int patients, int quarantined) throws IOException {
    dir = new NodeDirectory(site).create();
    keys = LocalKeys.in(dir.root());
    SplittableRandom random = new SplittableRandom(5);
    adminKey = keys.create("dora", LocalRole.SITE_ADMIN, Clock.systemUTC(), random).value();
    importKey = keys.create("kis", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();
    List<ResourceRecord> rs = new ArrayList<>();
    for (int i = 0; i < patients; i++) {
      String p = "p" + i;
      rs.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}".getBytes(),
          new PatientRecord(p, YearMonth.of(1950 + i % 40, 1 + i % 12), Sex.FEMALE, false), List.of()));
      Fact f = new Fact(p, i % 2 == 0 ? "e" + i : null, "Condition", "c" + i, new Coding(i % 10 == 0 ? "urn:local:dx"
          : ICD, "E11.90"), Instant.parse("2024-03-01T00:00:00Z"), null, null, null, List.of());
      rs.add(new ResourceRecord(new ResourceKey("Condition", "c" + i), p, null, List.of(f), "{}".getBytes(), null,
          List.of()));
    }
    List<QuarantineEntry> q = new ArrayList<>();
    for (int i = 0; i < quarantined; i++) {
      q.add(new QuarantineEntry("obs.ndjson", "line " + (i + 1), "Observation", "o" + i,
          i % 3 == 0 ? UNKNOWN_PATIENT : UNIT_MISSING));
    }
    store.write(new WriteBatch(rs, List.of(), Map.of(), q));
    ObjectMapper json = new ObjectMapper();
    Instant now = Instant.now();
    dir.save(new LocalRequest(new RequestDocument("req-waiting", "alice", RequestType.FEASIBILITY,
        json.readTree(DIABETES), List.of(), null, now, now.plusSeconds(3600)), LocalState.AWAITING_APPROVAL, now, null,
        null));
    dir.save(new LocalRequest(new RequestDocument("req-done", "bob", RequestType.FEASIBILITY,
        json.readTree(DIABETES), List.of(), null, now.minusSeconds(60), now.plusSeconds(3600)), LocalState.ANSWERED,
        now.minusSeconds(50), null, null));
    try (FileAuditLog audit = FileAuditLog.open(dir.auditLog(), dir.auditKey(), dir.auditHead(), Clock.systemUTC())) {
      audit.append("node", "node.started", "", "auto-approve=[] policy=x");
      audit.append("alice", "request.received", "req-waiting", "feasibility");
    }
    SiteAdmin admin = new SiteAdmin(dir, held(store), () -> Set.of(RequestType.STRATIFIED), Set.of(ICD),
        Clock.systemUTC());
    http = NodeHttp.start(NodeHttpConfig.loopback(0), keys, List.of(new SitePortal(admin, "Klinikum Test",
        Clock.systemUTC(), new SecureRandom())));
  }

  static StoreAccess held(SiteStore store) {
    return new StoreAccess() {
      @Override
      public <T> Result<T> read(Function<SiteStore, T> reading) {
        return Result.ok(reading.apply(store));
      }
    };
  }

  @Override
  public void close() {
    http.close();
  }
}
