package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads and writes the v1 documents as JSON. Reading is strict: one JSON value and nothing after
 * it, every key once per object, numbers as JSON numbers (not text), whole numbers where the field
 * is whole, text as JSON strings. It fails with a {@link WireFormatException} that names the
 * offending field in words of the wire format, never of the parser. Unknown fields are ignored,
 * so newer peers may add some. Thread-safe.
 */
public final class WireJson {

  private static final ObjectMapper MAPPER = configured();

  private WireJson() {}

  /** The JSON text of a document (or a list of documents). */
  public static String write(Object document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }

  /** A document of the given type from JSON text. */
  public static <T> T read(String json, Class<T> type) {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new WireFormatException("$", "The body is `null`: expected a JSON object.");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw WireErrors.of(e, json);
    }
  }

  /** A JSON array of documents. */
  public static <T> List<T> readList(String json, Class<T> type) {
    try {
      List<T> list = MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
      if (list == null) {
        throw new WireFormatException("$", "The body is `null`: expected a JSON list.");
      }
      return List.copyOf(list);
    } catch (JsonProcessingException e) {
      throw WireErrors.of(e, json);
    }
  }

  /** The shared mapper, for tree manipulation of CCDL documents. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper configured() {
    SimpleModule time = new SimpleModule("v1-time");
    iso(time, Instant.class, Instant::parse, "an ISO-8601 instant such as 2025-01-31T12:00:00Z");
    iso(time, LocalDate.class, LocalDate::parse, "an ISO-8601 date such as 2025-01-31");
    JsonMapper mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(time)
        .build();
    only(mapper, LogicalType.Integer, CoercionInputShape.Integer);
    only(mapper, LogicalType.Float, CoercionInputShape.Integer, CoercionInputShape.Float);
    only(mapper, LogicalType.Boolean, CoercionInputShape.Boolean);
    only(mapper, LogicalType.Textual, CoercionInputShape.String, CoercionInputShape.EmptyString);
    only(mapper, LogicalType.Enum, CoercionInputShape.String);
    return mapper;
  }

  /** Values of {@code type} are read from these JSON shapes only: no numbers from text, no text from numbers. */
  private static void only(JsonMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    List<CoercionInputShape> natural = List.of(shapes);
    for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(shape, natural.contains(shape) ? CoercionAction.TryConvert
          : CoercionAction.Fail);
    }
  }

  /** Writes {@code type} as its ISO-8601 text and reads it back, naming the expected form on error. */
  private static <T> void iso(SimpleModule module, Class<T> type,
      java.util.function.Function<String, T> parse, String expected) {
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider p) throws IOException {
        gen.writeString(value.toString());
      }
    });
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        try {
          return parse.apply(p.getValueAsString());
        } catch (DateTimeParseException | NullPointerException e) {
          throw new IllegalArgumentException("expected " + expected);
        }
      }
    });
  }
}
