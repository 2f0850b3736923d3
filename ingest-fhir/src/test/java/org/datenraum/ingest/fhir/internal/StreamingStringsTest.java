package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strings the streaming reader copies as bytes (printable ASCII without escapes) and strings it
 * decodes and encodes again (escapes, non-ASCII, control and delete characters, a string too long
 * to copy) are stored exactly as the tree-based mapping stores them, in kept elements, in kept
 * arrays and in the values facts are made of.
 */
class StreamingStringsTest {

  /** Written as JSON string contents: each with what makes it take one path or the other. */
  private static final List<String> CONTENTS = List.of(
      "Heart rate",
      "http://loinc.org/with/slashes",
      "escaped \\/ slash",
      "quote \\\" and backslash \\\\",
      "unicode escape \\u00e9 and \\u0041",
      "raw UTF-8 Schläge/min, Körper",
      "tab \\t newline \\n return \\r",
      "control \\u0001 escaped",
      "delete \u007f raw",
      "emoji \uD83D\uDE00 raw and \\ud83d\\ude00 escaped",
      "line separator \u2028 raw",
      "",
      "x".repeat(70_000));

  @Test
  void everyKindOfStringIsStoredAsTheTreeStoresIt() {
    StreamingComparison c = new StreamingComparison();
    List<JsonLine> lines = new ArrayList<>();
    lines.add(line(0, "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\"}"));
    for (int i = 0; i < CONTENTS.size(); i++) {
      lines.add(line(i + 1, observation(i, CONTENTS.get(i))));
    }

    c.compare(lines);

    assertThat(c.differences).isEmpty();
    assertThat(c.streamedByType).containsEntry("Observation", (long) CONTENTS.size());
  }

  @Test
  void aPlainStringEndsAtItsClosingQuote() {
    byte[] b = "\"abc\",\"d\\\"e\",\"f\u00e9\"".getBytes(StandardCharsets.UTF_8);

    assertThat(TokenDeidentifier.plainEnd(b, 1, b.length)).isEqualTo(4);
    assertThat(TokenDeidentifier.plainEnd(b, 7, b.length)).isEqualTo(-1);
    assertThat(TokenDeidentifier.plainEnd(b, 14, b.length)).isEqualTo(-1);
    assertThat(TokenDeidentifier.plainEnd(b, 1, 3)).isEqualTo(-1);
  }

  /** Eight bytes at a time find what one at a time finds, wherever it is. */
  @Test
  void theWordWiseScanAgreesWithTheByteWiseOne() {
    java.util.Random random = new java.util.Random(16);
    byte[] special = {'"', '\\', 0x1F, 0x00, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, '\n'};
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[1 + random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (0x20 + random.nextInt(0x7F - 0x20));
      }
      if (random.nextInt(4) > 0) {
        b[random.nextInt(b.length)] = special[random.nextInt(special.length)];
      }
      int from = random.nextInt(b.length);
      int limit = from + random.nextInt(b.length - from + 1);

      assertThat(TokenDeidentifier.plainEnd(b, from, limit)).as("round %d", round)
          .isEqualTo(byteWise(b, from, limit));
    }
  }

  private static int byteWise(byte[] b, int from, int limit) {
    for (int i = from; i < limit; i++) {
      int c = b[i] & 0xFF;
      if (c == '"') {
        return i;
      }
      if (c < 0x20 || c == '\\' || c >= 0x7F) {
        return -1;
      }
    }
    return -1;
  }

  /** An Observation holding the string in a kept element, a kept array and its value. */
  private static String observation(int i, String s) {
    return "{\"resourceType\":\"Observation\",\"id\":\"o" + i + "\",\"meta\":{\"profile\":[\"" + s
        + "\",\"p\"]},\"status\":\"final\",\"subject\":{\"reference\":\"Patient/p1\"},"
        + "\"effectiveDateTime\":\"2024-06-18T16:21:31+02:00\",\"code\":{\"coding\":[{"
        + "\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":\"" + s + "\"}],"
        + "\"text\":\"" + s + "\"},\"valueString\":\"" + s + "\"}";
  }

  private static JsonLine line(int number, String text) {
    byte[] b = ("  " + text + "  ").getBytes(StandardCharsets.UTF_8);
    return new JsonLine("strings.ndjson", number, b, 2, b.length - 4);
  }
}
