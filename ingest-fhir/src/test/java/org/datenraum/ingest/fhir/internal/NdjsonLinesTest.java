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

  private static List<String> readAll(byte[] input, int max) throws IOException {
    NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(input));
    List<String> out = new ArrayList<>();
    List<NdjsonLines.Line> chunk;
    while (!(chunk = lines.next(max)).isEmpty()) {
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

    List<String> actual = readAll(text.toString().getBytes(StandardCharsets.UTF_8), 2048);

    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual).isEqualTo(expected);
  }
}
