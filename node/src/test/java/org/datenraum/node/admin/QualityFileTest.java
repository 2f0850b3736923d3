package org.datenraum.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.node.NodeDirectory;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data quality a load kept is what the site admin pages read while the store's counts are
 * unchanged; a changed store or an unreadable file is measured afresh and kept.
 */
class QualityFileTest {

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final Instant LOADED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant VIEWED = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path site;

  @Test
  void thePagesReadTheLoadsMeasurementUntilTheStoreChanges() throws Exception {
    NodeDirectory dir = new NodeDirectory(site).create();
    InMemorySiteStore store = new InMemorySiteStore();
    store.write(batch(0, 3, ICD));
    QualityFile.atLoad(dir, store, Set.of(ICD), LOADED);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(QualityFile.of(dir))))
        .isEqualTo("rw-------");

    SiteAdmin admin = admin(dir, store);
    assertThat(admin.quality().value().measured()).isEqualTo(LOADED);
    assertThat(admin.quality().value().facts()).isEqualTo(3);
    assertThat(admin.lastLoad()).contains(LOADED);

    store.write(batch(3, 2, "urn:local:x"));
    var afresh = admin.quality().value();
    assertThat(afresh.measured()).isEqualTo(VIEWED);
    assertThat(afresh.facts()).isEqualTo(5);
    assertThat(afresh.unknownSystems()).isEqualTo(Map.of("urn:local:x", 2L));
    assertThat(admin.lastLoad()).as("a change no load measured: its time is unknown").isEmpty();
    assertThat(QualityFile.read(dir).orElseThrow().report()).isEqualTo(afresh);
    assertThat(admin(dir, store).quality().value().measured()).isEqualTo(VIEWED);
  }

  @Test
  void anUnreadableFileIsMeasuredAgain() throws Exception {
    NodeDirectory dir = new NodeDirectory(site).create();
    InMemorySiteStore store = new InMemorySiteStore();
    store.write(batch(0, 2, ICD));
    Files.writeString(QualityFile.of(dir), "{\"stats\": 7}");
    assertThat(QualityFile.read(dir)).isEmpty();
    assertThat(admin(dir, store).quality().value().measured()).isEqualTo(VIEWED);
    assertThat(QualityFile.read(dir).orElseThrow().report().facts()).isEqualTo(2);
  }

  private static SiteAdmin admin(NodeDirectory dir, SiteStore store) {
    StoreAccess held = new StoreAccess() {
      @Override
      public <T> Result<T> read(Function<SiteStore, T> reading) {
        return Result.ok(reading.apply(store));
      }
    };
    return new SiteAdmin(dir, held, Set::of, Set.of(ICD), Clock.fixed(VIEWED, ZoneOffset.UTC));
  }

  private static WriteBatch batch(int first, int n, String system) {
    List<ResourceRecord> rs = new java.util.ArrayList<>();
    for (int i = first; i < first + n; i++) {
      String p = "p" + i;
      rs.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}".getBytes(),
          new PatientRecord(p, YearMonth.of(1960, 5), Sex.MALE, false), List.of()));
      Fact f = new Fact(p, null, "Condition", "c" + i, new Coding(system, "E11.9"),
          Instant.parse("2024-01-01T00:00:00Z"), null, null, null, List.of());
      rs.add(new ResourceRecord(new ResourceKey("Condition", "c" + i), p, null, List.of(f), "{}".getBytes(), null,
          List.of()));
    }
    return new WriteBatch(rs, List.of(), Map.of(), List.of());
  }
}
