package org.datenraum.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.junit.jupiter.api.Test;

class QueryFingerprintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void displayTextOrderAndDuplicatesDoNotChangeTheQuestion() throws Exception {
    Set<String> fingerprints = new HashSet<>();
    for (int v = 0; v < 140; v++) {
      if (v % 5 != 1) {
        fingerprints.add(QueryFingerprint.of(request(AveragingAttackTest.variant(3, v).toString())));
      }
    }
    assertThat(fingerprints).hasSize(1);
    String a = "{\"inclusionCriteria\":[[{\"termCodes\":[{\"system\":\"s\",\"code\":\"A\"},{\"system\":\"s\",\"code\":\"B\"}],"
        + "\"valueFilter\":{\"type\":\"quantity-comparator\",\"comparator\":\"gt\",\"value\":60}}]]}";
    String b = "{\"inclusionCriteria\":[[{\"valueFilter\":{\"value\":60.0,\"comparator\":\"gt\",\"type\":\"quantity-comparator\"},"
        + "\"termCodes\":[{\"code\":\"B\",\"system\":\"s\",\"display\":\"b\"},{\"system\":\"s\",\"code\":\"A\"}]}]]}";
    assertThat(QueryFingerprint.of(request(a))).isEqualTo(QueryFingerprint.of(request(b)));
  }

  @Test
  void aDifferentQuestionHasADifferentFingerprint() throws Exception {
    String a = "{\"inclusionCriteria\":[[{\"termCodes\":[{\"system\":\"s\",\"code\":\"A\"}]}]]}";
    String b = "{\"inclusionCriteria\":[[{\"termCodes\":[{\"system\":\"s\",\"code\":\"B\"}]}]]}";
    String c = "{\"inclusionCriteria\":[[{\"termCodes\":[{\"system\":\"s\",\"code\":\"A\"}]}]],"
        + "\"exclusionCriteria\":[[{\"termCodes\":[{\"system\":\"s\",\"code\":\"B\"}]}]]}";
    assertThat(Set.of(QueryFingerprint.of(request(a)), QueryFingerprint.of(request(b)), QueryFingerprint.of(request(c))))
        .hasSize(3);
  }

  private static RequestDocument request(String ccdl) throws Exception {
    Instant now = Instant.parse("2025-06-01T00:00:00Z");
    return new RequestDocument("r", "alice", RequestType.FEASIBILITY, JSON.readTree(ccdl), List.of(), null, now,
        now.plusSeconds(60));
  }
}
