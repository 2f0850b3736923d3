package org.datenraum.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.federation.v1.WireJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's keyed audit log attacked the way someone with write access to the site directory but
 * without {@code audit.key} would: lines edited and re-hashed, lines appended with a recomputed
 * hash, the tail cut off.
 */
class FileAuditLogTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private Path log;
  private Path key;
  private Path head;

  @BeforeEach
  void fiveEntries() {
    log = dir.resolve("audit.log");
    key = dir.resolve("audit.key");
    head = dir.resolve("audit-head.json");
    try (FileAuditLog audit = FileAuditLog.open(log, key, head, CLOCK)) {
      for (int i = 1; i <= 4; i++) {
        audit.append("alice", "request.received", "r" + i, "type=feasibility");
      }
    }
  }

  private List<String> found(List<AuditAnchor> held) {
    return FileAuditLog.verify(log, key, head, held).problems().stream().map(Problem::text).toList();
  }

  private List<ObjectNode> lines() throws Exception {
    List<ObjectNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(log)) {
      out.add((ObjectNode) WireJson.mapper().readTree(l));
    }
    return out;
  }

  private void write(List<ObjectNode> lines) throws Exception {
    StringBuilder b = new StringBuilder();
    for (ObjectNode n : lines) {
      b.append(WireJson.mapper().writeValueAsString(n)).append('\n');
    }
    Files.writeString(log, b);
  }

  /** SHA-256 over the fields as the unkeyed chain sealed them: what anyone can recompute. */
  private static void rehash(ObjectNode n, String previous) throws Exception {
    n.put("previous", previous);
    String canonical = String.join("\u001f", n.get("seq").asText(), n.get("at").asText(), n.get("actor").asText(),
        n.get("action").asText(), n.get("request").asText(), n.get("detail").asText(), previous);
    n.put("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonical.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void anInterruptedCallerStillAppendsAndTheLogStaysOpenForTheNext() throws Exception {
    try (FileAuditLog audit = FileAuditLog.open(log, key, head, CLOCK)) {
      Thread.currentThread().interrupt();
      try {
        audit.append("node", "request.answered", "r5", "type=feasibility");
        assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt is kept").isTrue();
      } finally {
        Thread.interrupted();
      }
      audit.append("node", "request.answered", "r6", "type=feasibility");
    }
    assertThat(lines()).extracting(n -> n.get("request").asText()).endsWith("r5", "r6");
    assertThat(found(List.of())).isEmpty();
  }

  @Test
  void linesAppendedTogetherAreConsecutiveChainedEntriesAndTheHeadIsTheLast() throws Exception {
    try (FileAuditLog audit = FileAuditLog.open(log, key, head, CLOCK)) {
      audit.append(List.of(new FileAuditLog.Line("bob", "request.received", "r5", "type=feasibility"),
          new FileAuditLog.Line("rule:auto-approve", "request.approved", "r5", "type=feasibility")));
      audit.append("node", "result.released", "r5", "{}");
    }
    List<ObjectNode> lines = lines();
    assertThat(lines).hasSize(8);
    assertThat(lines.subList(5, 8)).extracting(n -> n.get("seq").asInt() + " " + n.get("action").asText())
        .containsExactly("6 request.received", "7 request.approved", "8 result.released");
    assertThat(found(List.of())).isEmpty();
    assertThat(AuditHeadFile.read(head).orElseThrow().seq()).isEqualTo(8);
    lines.remove(6);
    write(lines);
    assertThat(found(List.of())).isNotEmpty();
  }

  @Test
  void anIntactLogVerifiesAndItsKeyIsOwnerOnly() throws Exception {
    assertThat(found(List.of())).isEmpty();
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(log)).doesNotContain(Files.readString(key).strip());
    assertThat(AuditHeadFile.read(head).orElseThrow().seq()).isEqualTo(5);
  }

  @Test
  void anEditFollowedByRehashingIsDetectedWithTheEntryNumber() throws Exception {
    List<ObjectNode> lines = lines();
    lines.get(2).put("actor", "bob");
    String previous = lines.get(1).get("hash").asText();
    for (ObjectNode n : lines.subList(2, lines.size())) {
      rehash(n, previous);
      previous = n.get("hash").asText();
    }
    write(lines);
    assertThat(found(List.of())).first().isEqualTo("DR-5901 entry 3 was altered or added without the audit key:"
        + " its MAC does not match its content.");
  }

  @Test
  void aLineAppendedWithARecomputedHashIsDetected() throws Exception {
    List<ObjectNode> lines = lines();
    ObjectNode forged = lines.get(4).deepCopy();
    forged.put("seq", 6).put("request", "r9").put("actor", "rule:auto-approve").put("action", "request.approved");
    rehash(forged, lines.get(4).get("hash").asText());
    lines.add(forged);
    write(lines);
    assertThat(found(List.of())).containsExactly("DR-5901 entry 6 was altered or added without the audit key:"
        + " its MAC does not match its content.");
  }

  @Test
  void aCutTailIsDetectedByTheHeadFileAndByTheHeadTheBrokerHolds() throws Exception {
    AuditHead held = AuditHeadFile.read(head).orElseThrow();
    write(lines().subList(0, 3));
    assertThat(found(List.of())).containsExactly("DR-5903 the log ends at entry 3, but the site's head file"
        + " `audit-head.json` holds entry 5 as its head: entries 4 to 5 were cut off.");
    Files.delete(head);
    assertThat(found(List.of())).as("the chain alone cannot see a cut tail").isEmpty();
    assertThat(found(List.of(new AuditAnchor("the broker", held)))).containsExactly("DR-5903 the log ends at entry 3,"
        + " but the broker holds entry 5 as its head: entries 4 to 5 were cut off.");
  }

  @Test
  void anUnkeyedLogIsContinuedKeyedAndItsEntriesArePinned() throws Exception {
    List<ObjectNode> legacy = lines().subList(1, 4);
    String previous = "0".repeat(64);
    for (int i = 0; i < legacy.size(); i++) {
      legacy.get(i).put("seq", i + 1);
      rehash(legacy.get(i), previous);
      previous = legacy.get(i).get("hash").asText();
    }
    write(legacy);
    Files.delete(key);
    Files.delete(head);
    assertThat(FileAuditLog.verify(log, key, head, List.of()).keyed()).isFalse();
    try (FileAuditLog audit = FileAuditLog.open(log, key, head, CLOCK)) {
      audit.append("node", "node.started", "", "");
    }
    var report = FileAuditLog.verify(log, key, head, List.of());
    assertThat(report.intact()).isTrue();
    assertThat(report.legacy()).isEqualTo(3);
    assertThat(lines().get(3).get("action").asText()).isEqualTo("audit.keyed");
    assertThat(lines().get(3).get("detail").asText()).isEqualTo("legacy=3");

    List<ObjectNode> lines = lines();
    lines.get(1).put("detail", "type=stratified");
    rehash(lines.get(1), lines.get(0).get("hash").asText());
    rehash(lines.get(2), lines.get(1).get("hash").asText());
    write(lines);
    assertThat(found(List.of())).first().asString().startsWith("DR-5902 entry 4 does not follow entry 3");
  }

  @Test
  void anUnkeyedLogPutInPlaceOfTheKeyedOneIsNotPinnedByTheNextStart() throws Exception {
    List<ObjectNode> lines = lines().subList(1, 5);
    String previous = "0".repeat(64);
    for (int i = 0; i < lines.size(); i++) {
      lines.get(i).put("seq", i + 1);
      rehash(lines.get(i), previous);
      previous = lines.get(i).get("hash").asText();
    }
    write(lines);
    Files.delete(head);
    assertThat(found(List.of())).singleElement().asString().startsWith("DR-5905 the log has no `audit.keyed` entry");
    assertThatThrownBy(() -> FileAuditLog.open(log, key, head, CLOCK)).hasMessageContaining("DR-5905")
        .hasMessageContaining("no `audit.keyed` entry although its key");
    assertThat(Files.readAllLines(log)).hasSize(4);
  }

  @Test
  void aKeyedLogWhoseKeyIsGoneIsNotReopened() throws Exception {
    Files.delete(key);
    assertThatThrownBy(() -> FileAuditLog.open(log, key, head, CLOCK))
        .hasMessageContaining("DR-5905").hasMessageContaining("audit.key");
    assertThat(found(List.of())).singleElement().asString().startsWith("DR-5905 entries from 1 on are keyed");
  }
}
