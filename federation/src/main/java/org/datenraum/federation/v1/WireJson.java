package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads and writes the v1 documents as JSON. Reading fails with a {@link WireFormatException}
 * that names the offending field. Unknown fields are ignored, so newer peers may add some.
 * Thread-safe.
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
        throw new WireFormatException("$", "The body is empty: expected a JSON object.");
      }
      return value;
    } catch (JsonMappingException e) {
      throw fieldError(e);
    } catch (JsonProcessingException e) {
      throw new WireFormatException("$", "The body is not valid JSON: " + e.getOriginalMessage() + ".");
    }
  }

  /** A JSON array of documents. */
  public static <T> List<T> readList(String json, Class<T> type) {
    try {
      return List.copyOf(MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, type)));
    } catch (JsonMappingException e) {
      throw fieldError(e);
    } catch (JsonProcessingException e) {
      throw new WireFormatException("$", "The body is not valid JSON: " + e.getOriginalMessage() + ".");
    }
  }

  /** The shared mapper, for tree manipulation of CCDL documents. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static WireFormatException fieldError(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof Fields.Invalid) && cause.getCause() != null && cause != cause.getCause()) {
      cause = cause.getCause();
    }
    if (cause instanceof Fields.Invalid invalid) {
      return new WireFormatException(path + "." + invalid.field(), invalid.getMessage());
    }
    String message = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
        ? cause.getMessage() : e.getOriginalMessage();
    return new WireFormatException(path.toString(), "Field `" + path + "` is invalid: " + message);
  }

  private static ObjectMapper configured() {
    SimpleModule time = new SimpleModule("v1-time");
    iso(time, Instant.class, Instant::parse, "an ISO-8601 instant such as 2025-01-31T12:00:00Z");
    iso(time, LocalDate.class, LocalDate::parse, "an ISO-8601 date such as 2025-01-31");
    return new ObjectMapper()
        .registerModule(time)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
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
