package org.datenraum.ingest.cda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents through the buffer leave the store as they would one by one: updates, conflicts, refusals. */
class BufferedVisitStoreTest {

  private static final String STORY = "storyboards/aktin_test_storyboard01.xml";

  @Test
  void theSameAnswersAndTheSameStoreAsOneByOne() {
    String changed = Cda.text(STORY).replace("code=\"557\"", "code=\"556\"");
    String moved = Cda.text(STORY).replace("extension=\"1234567890\"", "extension=\"42\"");
    List<byte[]> docs = List.of(Cda.bytes(STORY), changed.getBytes(StandardCharsets.UTF_8),
        Cda.bytes("storyboards/aktin_test_storyboard01_error.xml"), moved.getBytes(StandardCharsets.UTF_8),
        Cda.bytes("storyboards/aktin_test_storyboard02.xml"), Cda.bytes(STORY));
    InMemoryVisitStore direct = new InMemoryVisitStore();
    InMemoryVisitStore target = new InMemoryVisitStore();
    List<Integer> one = docs.stream().map(d -> Cda.IMPORT.receive("d", d, direct).status()).toList();
    List<Integer> buffered;
    try (BufferedVisitStore buffer = new BufferedVisitStore(target, 4)) {
      buffered = docs.stream().map(d -> Cda.IMPORT.receive("d", d, buffer).status()).toList();
    }
    assertEquals(List.of(201, 200, 422, 409, 201, 200), one);
    assertEquals(one, buffered);
    assertEquals(new HashSet<>(direct.keys()), new HashSet<>(target.keys()));
    assertEquals(new HashSet<>(direct.facts()), new HashSet<>(target.facts()));
    assertEquals(direct.quarantine().size(), target.quarantine().size());
  }
}
