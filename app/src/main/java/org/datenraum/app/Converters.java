package org.datenraum.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Conversions of option values that say what was expected in words: dates, addresses and whole
 * numbers, which are counts, ports, sizes or durations here and so never negative.
 */
final class Converters {

  private Converters() {}

  /** Registers the conversions with the command and every subcommand added so far. */
  static void register(CommandLine cl) {
    cl.registerConverter(LocalDate.class, Converters::date);
    cl.registerConverter(URI.class, Converters::uri);
    cl.registerConverter(Integer.class, Converters::count);
    cl.registerConverter(Integer.TYPE, Converters::count);
    cl.registerConverter(Long.class, Converters::size);
    cl.registerConverter(Long.TYPE, Converters::size);
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("`" + text + "` is not a date: expected YYYY-MM-DD, e.g. 2024-03-01.");
    }
  }

  static URI uri(String text) {
    try {
      URI uri = new URI(text.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new TypeConversionException("`" + text + "` is not an address: expected e.g. http://127.0.0.1:8080.");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new TypeConversionException("`" + text + "` is not an address (" + e.getReason().toLowerCase(
          java.util.Locale.ROOT) + " at character " + (e.getIndex() + 1) + "): expected e.g. http://127.0.0.1:8080.");
    }
  }

  static Integer count(String text) {
    long n = size(text);
    if (n > Integer.MAX_VALUE) {
      throw new TypeConversionException("`" + text + "` is too large: give at most " + Integer.MAX_VALUE + ".");
    }
    return (int) n;
  }

  static Long size(String text) {
    long n = signed(text);
    if (n < 0) {
      throw new TypeConversionException("`" + text + "` is negative: give 0 or more.");
    }
    return n;
  }

  static long signed(String text) {
    try {
      return Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("`" + text + "` is not a whole number: give digits only, e.g. 10.");
    }
  }

  /** Any whole number, negative ones too (a random seed). */
  static final class AnyLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      return signed(text);
    }
  }
}
