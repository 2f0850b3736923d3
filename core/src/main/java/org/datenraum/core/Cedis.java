package org.datenraum.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CEDIS presenting complaint list 3.0 as AKTIN publishes it: codes, their groups and German
 * names. Immutable and thread-safe.
 */
public final class Cedis {

  /** A complaint code's group (empty for codes in no group) and name. */
  public record Entry(String code, String group, String name) {}

  private static final Cedis LIST = read();

  private final Map<String, Entry> codes;
  private final Map<String, String> groups;

  private Cedis(Map<String, Entry> codes, Map<String, String> groups) {
    this.codes = Map.copyOf(codes);
    this.groups = Map.copyOf(groups);
  }

  public static Cedis list() {
    return LIST;
  }

  /** The entry of a code, or null when the code is not in the list. */
  public Entry code(String code) {
    return code == null ? null : codes.get(code);
  }

  /** The German name of a group code, or null. */
  public String groupName(String group) {
    return groups.get(group);
  }

  private static Cedis read() {
    Map<String, Entry> codes = new LinkedHashMap<>();
    Map<String, String> groups = new LinkedHashMap<>();
    try (InputStream in = Cedis.class.getResourceAsStream("/org/datenraum/core/cedis30.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("group")) {
          groups.put(f[1], f[2]);
        } else if (f[0].equals("code")) {
          codes.put(f[1], new Entry(f[1], f[2], f[3]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the CEDIS list is missing from the ingest-cda module", e);
    }
    return new Cedis(codes, groups);
  }
}
