package org.datenraum.store.duckdb;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * How much memory and how many threads DuckDB may use for a site store. DuckDB's own default is
 * 80 % of the machine's memory and a thread per core: a load of a million patients then grew to
 * 21 GB resident. The default here is a quarter of the machine's memory (at least 1 GiB) and a
 * thread per core; DuckDB spills what does not fit to a temporary directory beside the store.
 * Immutable.
 *
 * @param memoryLimitBytes DuckDB's {@code memory_limit}, at least {@link #MIN_MEMORY_BYTES}
 * @param threads          DuckDB's {@code threads}, 1 to {@link #MAX_THREADS}
 */
public record StoreSettings(long memoryLimitBytes, int threads) {

  /** The smallest memory limit accepted: 128 MiB. */
  public static final long MIN_MEMORY_BYTES = 128L << 20;

  /** The most threads accepted. */
  public static final int MAX_THREADS = 256;

  private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)");

  public StoreSettings {
    if (memoryLimitBytes < MIN_MEMORY_BYTES) {
      throw new IllegalArgumentException("memory limit " + memoryLimitBytes + " bytes is below 128 MiB");
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads " + threads + " is not between 1 and " + MAX_THREADS);
    }
  }

  /** A quarter of the machine's memory (at least 1 GiB), a thread per core. */
  public static StoreSettings defaults(long physicalMemoryBytes, int processors) {
    return new StoreSettings(Math.max(1L << 30, physicalMemoryBytes / 4), Math.max(1, Math.min(MAX_THREADS, processors)));
  }

  /** The defaults of this machine. */
  public static StoreSettings defaults() {
    return defaults(machineMemory(), Runtime.getRuntime().availableProcessors());
  }

  /** This machine's memory in bytes (4 GiB when the platform does not tell). */
  public static long machineMemory() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 4L << 30;
  }

  /**
   * Settings from a memory limit ({@code 4GiB}, {@code 512MB}, {@code 25%} of the machine's memory;
   * null: the default) and a thread count (null: the default).
   */
  public static Result<StoreSettings> parse(String memory, String threads, long physicalMemoryBytes, int processors) {
    StoreSettings d = defaults(physicalMemoryBytes, processors);
    long bytes = d.memoryLimitBytes();
    if (memory != null) {
      Matcher m = SIZE.matcher(memory.trim().toUpperCase(Locale.ROOT));
      long value = m.matches() ? Long.parseLong(m.group(1)) : -1;
      bytes = value < 0 ? -1 : m.group(2).equals("%") ? (value >= 1 && value <= 90 ? physicalMemoryBytes / 100 * value : -1)
          : times(value, unit(m.group(2)));
      if (bytes < MIN_MEMORY_BYTES || bytes > physicalMemoryBytes) {
        return Result.fail(Problem.invalid("DR-7700", "DuckDB memory limit `" + memory + "` is not a size between"
            + " 128MiB and this machine's memory (" + (physicalMemoryBytes >> 20) + " MiB) nor a share of 1% to 90%:"
            + " give e.g. `4GiB`, `512MB` or `25%`."));
      }
    }
    int count = d.threads();
    if (threads != null) {
      count = threads.trim().matches("\\d{1,3}") ? Integer.parseInt(threads.trim()) : -1;
      if (count < 1 || count > MAX_THREADS) {
        return Result.fail(Problem.invalid("DR-7701", "DuckDB thread count `" + threads + "` is not a whole number"
            + " from 1 to " + MAX_THREADS + ": give e.g. `2`, or leave it unset for one thread per core."));
      }
    }
    return Result.ok(new StoreSettings(bytes, count));
  }

  private static long times(long value, long unit) {
    return value > Long.MAX_VALUE / unit ? Long.MAX_VALUE : value * unit;
  }

  private static long unit(String unit) {
    return switch (unit) {
      case "KB" -> 1000L;
      case "MB" -> 1000L * 1000;
      case "GB" -> 1000L * 1000 * 1000;
      case "TB" -> 1000L * 1000 * 1000 * 1000;
      case "KIB" -> 1L << 10;
      case "MIB" -> 1L << 20;
      case "GIB" -> 1L << 30;
      case "TIB" -> 1L << 40;
      default -> 1L;
    };
  }

  /** The settings as DuckDB configuration options, for the connection that opens the file. */
  void applyTo(java.util.Properties properties) {
    properties.setProperty("memory_limit", (memoryLimitBytes >> 20) + "MiB");
    properties.setProperty("threads", Integer.toString(threads));
  }
}
