package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strings the streaming reader copies as bytes (printable ASCII and characters of two or three
 * UTF-8 bytes, without escapes) and strings it decodes and encodes again (escapes, characters
 * beyond the BMP, control and delete characters, a string too long to copy) are stored exactly as
 * the tree-based mapping stores them, in kept elements, in kept arrays and in the values facts are
 * made of.
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
      "three bytes raw: € 中 \uFFFF \uD7FF, then \\u20ac escaped",
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
  void aVerbatimStringEndsAtItsClosingQuote() {
    byte[] b = "\"abc\",\"d\\\"e\",\"f\u00e9\"".getBytes(StandardCharsets.UTF_8);

    assertThat(VerbatimStrings.end(b, 1, b.length)).isEqualTo(4);
    assertThat(VerbatimStrings.end(b, 7, b.length)).isEqualTo(-1);
    assertThat(VerbatimStrings.end(b, 14, b.length)).isEqualTo(17);
    assertThat(VerbatimStrings.end(b, 1, 3)).isEqualTo(-1);
    assertThat(VerbatimStrings.end(b, 14, 16)).as("a sequence cut by the limit")
        .isEqualTo(-1);
  }

  @Test
  void onlyWellFormedSequencesOfTwoOrThreeBytesOutsideTheSurrogatesAreVerbatim() {
    assertThat(verbatim(0xC3, 0xA9)).as("é").isTrue();
    assertThat(verbatim(0xE2, 0x82, 0xAC)).as("€").isTrue();
    assertThat(verbatim(0xEF, 0xBF, 0xBF)).as("U+FFFF").isTrue();
    assertThat(verbatim(0xED, 0x9F, 0xBF)).as("U+D7FF").isTrue();
    assertThat(verbatim(0xF0, 0x9F, 0x98, 0x80)).as("beyond the BMP").isFalse();
    assertThat(verbatim(0xC0, 0x80)).as("overlong NUL").isFalse();
    assertThat(verbatim(0xC1, 0xBF)).as("overlong ASCII").isFalse();
    assertThat(verbatim(0xE0, 0x80, 0xAF)).as("overlong three bytes").isFalse();
    assertThat(verbatim(0xED, 0xA0, 0x80)).as("an encoded surrogate").isFalse();
    assertThat(verbatim(0x80)).as("a lone continuation byte").isFalse();
    assertThat(verbatim(0xC3, 0x41)).as("a lead byte without continuation").isFalse();
    assertThat(verbatim(0xE2, 0x82)).as("a truncated sequence").isFalse();
    assertThat(verbatim(0xFF)).isFalse();
  }

  private static boolean verbatim(int... bytes) {
    byte[] b = new byte[bytes.length + 3];
    b[0] = 'a';
    for (int i = 0; i < bytes.length; i++) {
      b[i + 1] = (byte) bytes[i];
    }
    b[bytes.length + 1] = 'z';
    b[bytes.length + 2] = '"';
    int end = VerbatimStrings.end(b, 0, b.length);
    assertThat(end).isIn(-1, b.length - 1);
    return end >= 0;
  }

  /**
   * Eight bytes at a time, sequence by sequence, find what a strict UTF-8 decoder and a look at
   * each character find, wherever the special bytes are.
   */
  @Test
  void theScanAgreesWithAStrictDecoder() throws Exception {
    java.util.Random random = new java.util.Random(16);
    byte[][] special = {{'"'}, {'\\'}, {0x1F}, {0x00}, {0x7F}, {(byte) 0x80}, {(byte) 0xC3},
        {(byte) 0xFF}, {'\n'}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xE2, (byte) 0x82, (byte) 0xAC},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, {(byte) 0xE2},
        {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}};
    int verbatim = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[4 + random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (0x20 + random.nextInt(0x7F - 0x20));
      }
      for (int k = random.nextInt(4); k > 0; k--) {
        byte[] s = special[random.nextInt(special.length)];
        int at = random.nextInt(b.length - s.length + 1);
        System.arraycopy(s, 0, b, at, s.length);
      }
      int from = random.nextInt(b.length);
      int limit = from + random.nextInt(b.length - from + 1);

      int expected = strict(b, from, limit);
      verbatim += expected >= 0 ? 1 : 0;
      assertThat(VerbatimStrings.end(b, from, limit)).as("round %d", round)
          .isEqualTo(expected);
    }
    assertThat(verbatim).as("rounds with a verbatim string").isBetween(500, 18_000);
  }

  /** The first quote, if the bytes before it decode strictly to characters that are all verbatim. */
  private static int strict(byte[] b, int from, int limit) throws Exception {
    int quote = -1;
    for (int i = from; i < limit; i++) {
      if (b[i] == '"') {
        quote = i;
        break;
      }
    }
    if (quote < 0) {
      return -1;
    }
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b, from, quote - from)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '\\' || c == 0x7F || Character.isSurrogate(c)) {
        return -1;
      }
    }
    return quote;
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
