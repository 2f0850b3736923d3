package org.datenraum.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams FHIR JSON resources of one type as NDJSON lines into a {@link ByteBuf}, with helpers
 * for the datatypes the generator uses. Not thread-safe: one per worker and resource type.
 */
final class FhirOut {

  static final String UCUM = "http://unitsofmeasure.org";
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000};

  private final ByteBuf buf;
  private final JsonGenerator g;
  private final char[] chars = new char[320];
  private final Map<String, SerializedString> encoded = new HashMap<>();
  private long count;

  FhirOut(int capacity) {
    buf = new ByteBuf(capacity);
    try {
      g = JSON.createGenerator(buf);
      g.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long count() {
    return count;
  }

  /**
   * The UTF-8 form of a string that recurs (field names, code systems, codes, displays), cached
   * because encoding dominates the cost of writing.
   */
  private SerializedString enc(String s) {
    SerializedString e = encoded.get(s);
    if (e == null) {
      e = new SerializedString(s);
      if (encoded.size() < 20_000) {
        encoded.put(s, e);
      }
    }
    return e;
  }

  private void name(String name) throws IOException {
    g.writeFieldName(enc(name));
  }

  /** Writes a field whose value recurs across resources (a code, a system, a display). */
  FhirOut sym(String name, String value) {
    try {
      name(name);
      g.writeString(enc(value));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rendered NDJSON, complete up to the last finished resource. */
  ByteBuf flush() {
    try {
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf;
  }

  /** Forgets what was flushed, keeping buffers and encoded strings for the next batch. */
  void clear() {
    flush().clear();
    count = 0;
  }

  /** Opens a resource with its type, id and one profile (none when {@code profile} is null). */
  FhirOut begin(String type, String id, String profile) {
    try {
      g.writeStartObject();
      name("resourceType");
      g.writeString(enc(type));
      name("id");
      g.writeString(id);
      if (profile != null) {
        name("meta");
        g.writeStartObject();
        name("profile");
        g.writeStartArray();
        g.writeString(enc(profile));
        g.writeEndArray();
        g.writeEndObject();
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the resource and its NDJSON line. */
  void end() {
    try {
      g.writeEndObject();
      g.writeRaw('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonGenerator json() {
    return g;
  }

  FhirOut str(String name, String value) {
    try {
      name(name);
      g.writeString(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut field(String name) {
    try {
      name(name);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut open(String name) {
    try {
      if (name != null) {
        name(name);
      }
      g.writeStartObject();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut close() {
    try {
      g.writeEndObject();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut array(String name) {
    try {
      name(name);
      g.writeStartArray();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut closeArray() {
    try {
      g.writeEndArray();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "name":{"reference":"type/id"}}. */
  FhirOut ref(String name, String type, String id) {
    try {
      if (name != null) {
        name(name);
      }
      g.writeStartObject();
      name("reference");
      int n = type.length();
      type.getChars(0, n, chars, 0);
      chars[n] = '/';
      id.getChars(0, id.length(), chars, n + 1);
      g.writeString(chars, 0, n + 1 + id.length());
      g.writeEndObject();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut dateTime(String name, long epochSecond) {
    try {
      name(name);
      BerlinTime.formatDateTime(epochSecond, chars);
      g.writeString(chars, 0, BerlinTime.DATE_TIME_LENGTH);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut date(String name, long epochDay) {
    try {
      name(name);
      BerlinTime.formatDate(epochDay, chars, 0);
      g.writeString(chars, 0, 10);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "name":{"start":..,"end":..}}. */
  FhirOut period(String name, long start, long end) {
    open(name);
    dateTime("start", start);
    dateTime("end", end);
    return close();
  }

  /** One Coding object (inside an array). */
  FhirOut coding(String system, String code, String display) {
    try {
      g.writeStartObject();
      name("system");
      g.writeString(enc(system));
      name("code");
      g.writeString(enc(code));
      if (display != null) {
        name("display");
        g.writeString(enc(display));
      }
      g.writeEndObject();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "name":{"coding":[{system, code, display}]}}; no name inside arrays. */
  FhirOut concept(String name, String system, String code, String display) {
    open(name);
    array("coding");
    coding(system, code, display);
    closeArray();
    return close();
  }

  /** {@code "name":[{"coding":[...]}]}. */
  FhirOut concepts(String name, String system, String code, String display) {
    array(name);
    concept(null, system, code, display);
    return closeArray();
  }

  /** A UCUM quantity rounded to {@code decimals}. */
  FhirOut quantity(String name, double value, int decimals, String unit, String code) {
    open(name);
    field("value").number(value, decimals);
    sym("unit", unit);
    sym("system", UCUM);
    sym("code", code);
    return close();
  }

  FhirOut number(double value, int decimals) {
    try {
      long scaled = Math.round(value * POW10[decimals]);
      if (decimals == 0) {
        g.writeNumber(scaled);
        return this;
      }
      g.writeNumber(chars, 0, decimal(scaled, decimals));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut integer(String name, long value) {
    try {
      name(name);
      g.writeNumber(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FhirOut bool(String name, boolean value) {
    try {
      name(name);
      g.writeBoolean(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int decimal(long scaled, int decimals) {
    int n = 0;
    if (scaled < 0) {
      chars[n++] = '-';
      scaled = -scaled;
    }
    long whole = scaled / POW10[decimals];
    long frac = scaled % POW10[decimals];
    String w = Long.toString(whole);
    w.getChars(0, w.length(), chars, n);
    n += w.length();
    chars[n++] = '.';
    for (int i = decimals - 1; i >= 0; i--) {
      chars[n + i] = (char) ('0' + frac % 10);
      frac /= 10;
    }
    return n + decimals;
  }
}
