package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader's writer makes the bytes Jackson's generator makes of the same calls:
 * random documents of nested objects and arrays with every kind of value, strings with escapes,
 * control characters, non-ASCII and characters beyond the BMP, one writer reused throughout.
 */
class JsonBytesTest {

  private final JsonFactory factory = new ObjectMapper().getFactory();

  /** Written both ways: the writer under test and Jackson's generator. */
  private static final class Both {
    final JsonBytes bytes;
    final JsonGenerator g;

    Both(JsonBytes bytes, JsonGenerator g) {
      this.bytes = bytes;
      this.g = g;
    }
  }

  @Test
  void randomDocumentsAreWrittenAsJacksonWritesThem() throws IOException {
    Random random = new Random(16);
    JsonBytes bytes = new JsonBytes();
    for (int round = 0; round < 3_000; round++) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      bytes.reset(factory);
      try (JsonGenerator g = factory.createGenerator(expected)) {
        Both both = new Both(bytes, g);
        object(both, random, 0);
      }
      assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).as("round %d", round)
          .isEqualTo(expected.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aNameThatNeedsEscapingOrANumberThatIsNotFiniteIsLeftToTheTree() {
    JsonBytes bytes = new JsonBytes();
    bytes.reset(factory);
    bytes.startObject();
    assertThatThrownBy(() -> bytes.fieldName("a\"b")).isInstanceOf(StreamFallback.class);
    bytes.fieldName("n");
    assertThatThrownBy(() -> bytes.number(Double.POSITIVE_INFINITY))
        .isInstanceOf(StreamFallback.class);
    assertThatThrownBy(() -> JsonBytes.quoted("é")).isInstanceOf(IllegalArgumentException.class);
  }

  private void object(Both w, Random random, int depth) throws IOException {
    w.bytes.startObject();
    w.g.writeStartObject();
    int members = random.nextInt(depth == 0 ? 8 : 5);
    for (int i = 0; i < members; i++) {
      String name = NAMES[random.nextInt(NAMES.length)] + i;
      if (random.nextBoolean()) {
        w.bytes.fieldName(JsonBytes.quoted(name));
      } else {
        w.bytes.fieldName(name);
      }
      w.g.writeFieldName(name);
      value(w, random, depth + 1);
    }
    w.bytes.endObject();
    w.g.writeEndObject();
  }

  private void array(Both w, Random random, int depth) throws IOException {
    w.bytes.startArray();
    w.g.writeStartArray();
    for (int i = random.nextInt(5); i > 0; i--) {
      value(w, random, depth + 1);
    }
    w.bytes.endArray();
    w.g.writeEndArray();
  }

  private void value(Both w, Random random, int depth) throws IOException {
    int kind = random.nextInt(depth > 4 ? 9 : 11);
    switch (kind) {
      case 0 -> {
        int n = random.nextInt(3) == 0 ? random.nextInt(100) : random.nextInt();
        w.bytes.number(n);
        w.g.writeNumber(n);
      }
      case 1 -> {
        long n = random.nextLong();
        w.bytes.number(n);
        w.g.writeNumber(n);
      }
      case 2 -> {
        BigInteger n = new BigInteger(90, random).negate();
        w.bytes.number(n);
        w.g.writeNumber(n);
      }
      case 3 -> {
        double d = random.nextInt(3) == 0 ? random.nextInt(1000) / 8.0
            : Double.longBitsToDouble(random.nextLong());
        d = Double.isFinite(d) ? d : 1e-7;
        w.bytes.number(d);
        w.g.writeNumber(d);
      }
      case 4 -> {
        boolean b = random.nextBoolean();
        w.bytes.bool(b);
        w.g.writeBoolean(b);
      }
      case 5 -> {
        w.bytes.nul();
        w.g.writeNull();
      }
      case 6 -> {
        String s = text(random);
        w.bytes.string(s);
        w.g.writeString(s);
      }
      case 7 -> {
        char[] c = ("<" + text(random) + ">").toCharArray();
        w.bytes.string(c, 1, c.length - 2);
        w.g.writeString(c, 1, c.length - 2);
      }
      case 8 -> {
        String s = "plain and é € 中";
        byte[] b = ("x" + s + "y").getBytes(StandardCharsets.UTF_8);
        w.bytes.rawString(b, 1, b.length - 2);
        w.g.writeString(s);
      }
      case 9 -> object(w, random, depth);
      default -> array(w, random, depth);
    }
  }

  private static final String[] NAMES = {"code", "value", "_birthDate", "x"};
  private static final String[] PIECES = {"Heart rate", "Schläge/min", "\"", "\\", "\n", "\t",
      "\u0001", "\u007f", "\uD83D\uDE00", "\u2028", "€", "Patient/abc-DEF_123", "", "/"};

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }
}
