package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

  private static List<String> readAll(byte[] input) throws IOException {
    NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(input));
    List<String> out = new ArrayList<>();
    List<NdjsonLines.Line> chunk;
    while (!(chunk = lines.next()).isEmpty()) {
      for (NdjsonLines.Line l : chunk) {
        out.add(new String(l.bytes(), l.offset(), l.length(), StandardCharsets.UTF_8));
        assertThat(l.bytes().length).as("block size stays bounded").isLessThanOrEqualTo(1 << 25);
      }
    }
    return out;
  }

  @Test
  void splitsLinesOfEveryLengthAcrossBlocks() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      int len = random.nextInt(10) == 0 ? random.nextInt(20_000) : random.nextInt(60);
      String line = "x".repeat(len) + i;
      expected.add(line);
      text.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
    }
    String longLine = "y".repeat(9_000_000);
    expected.add(longLine);
    text.append(longLine);

    List<String> actual = readAll(text.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual).isEqualTo(expected);
  }

  /** The eight-bytes-at-a-time search finds the first line feed among any bytes, as a plain scan does. */
  @Test
  void findsTheFirstLineFeedAmongArbitraryBytes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(6);
        b[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? 0x8A : kind == 2 ? 0x0B : random.nextInt(256));
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      int expected = -1;
      for (int i = from; i < b.length; i++) {
        if (b[i] == '\n') {
          expected = i;
          break;
        }
      }
      assertThat(NdjsonLines.indexOf(b, from, b.length)).as("round %d", round).isEqualTo(expected);
    }
  }
}
