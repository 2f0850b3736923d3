package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Strings decoded through the table are the strings UTF-8 decoding gives, remembered or not. */
class DecodedStringsTest {

  @Test
  void everyDecodedStringEqualsItsBytesDecoded() {
    Random random = new Random(42);
    DecodedStrings strings = new DecodedStrings();
    String[] alphabet = {"a", "b", "7", "-", "/", ".", "ä", "€", "中", " "};
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(i % 10 == 0 ? 120 : 24);
      for (int k = 0; k < n; k++) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      values.add(s.toString());
    }
    for (int round = 0; round < 40_000; round++) {
      String expected = values.get(random.nextInt(round % 2 == 0 ? 50 : values.size()));
      byte[] utf8 = expected.getBytes(StandardCharsets.UTF_8);
      int from = random.nextInt(5);
      byte[] line = new byte[from + utf8.length + random.nextInt(9)];
      random.nextBytes(line);
      System.arraycopy(utf8, 0, line, from, utf8.length);

      assertThat(strings.decode(line, from, utf8.length)).isEqualTo(expected);
    }
  }

  @Test
  void aStringSeenAgainIsRememberedAndBytesOfTheSameHashAreNotTakenForIt() {
    DecodedStrings strings = new DecodedStrings();
    byte[] a = "http://loinc.org/a/valueset".getBytes(StandardCharsets.UTF_8);
    String first = strings.decode(a, 0, a.length);
    String second = strings.decode(a, 0, a.length);
    String third = strings.decode(a.clone(), 0, a.length);

    assertThat(third).isSameAs(second).isNotSameAs(first)
        .isEqualTo("http://loinc.org/a/valueset");
    // same first and last eight bytes and length: the same slot, told apart by the bytes
    byte[] b = "http://LOINC.org/a/valueset".getBytes(StandardCharsets.UTF_8);
    byte[] c = "http://lxxxxxxxxxxxvalueset".getBytes(StandardCharsets.UTF_8);
    assertThat(DecodedStrings.hash(a, 0, a.length)).isEqualTo(DecodedStrings.hash(c, 0, c.length));
    assertThat(strings.decode(b, 0, b.length)).isEqualTo("http://LOINC.org/a/valueset");
    assertThat(strings.decode(c, 0, c.length)).isEqualTo("http://lxxxxxxxxxxxvalueset");
    assertThat(strings.decode(a, 0, a.length)).isEqualTo("http://loinc.org/a/valueset");
  }
}
