package org.datenraum.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The German Biobank Alliance sample locator's sample kinds and their SNOMED CT specimen types:
 * a specimen coded only with a kind counts as the kind's SNOMED CT type, and a SNOMED CT type
 * falls under at most one kind (the first kind that names it). Immutable and thread-safe.
 */
public final class SampleKinds {

  /** The sample locator's code system of sample kinds. */
  public static final String SYSTEM = "https://fhir.bbmri.de/CodeSystem/SampleMaterialType";
  /** SNOMED CT. */
  public static final String SNOMED = "http://snomed.info/sct";

  /** A kind: its code, its category (liquid, tissue, derivative), the SNOMED CT type it counts as. */
  public record Kind(String code, String category, Optional<String> snomed) {
    public Kind {
      java.util.Objects.requireNonNull(code, "code");
      java.util.Objects.requireNonNull(category, "category");
      java.util.Objects.requireNonNull(snomed, "snomed");
    }
  }

  private static final SampleKinds TABLE = read();

  private final Map<String, Kind> kinds;
  private final Map<String, Kind> bySnomed;

  private SampleKinds(Map<String, Kind> kinds, Map<String, Kind> bySnomed) {
    this.kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    this.bySnomed = Map.copyOf(bySnomed);
  }

  public static SampleKinds table() {
    return TABLE;
  }

  /** Every kind, in the order the sample locator lists them. */
  public List<Kind> kinds() {
    return List.copyOf(kinds.values());
  }

  /** The kind with this code. */
  public Optional<Kind> kind(String code) {
    return Optional.ofNullable(kinds.get(code));
  }

  /** The kind a SNOMED CT specimen type falls under. */
  public Optional<Kind> ofSnomed(String code) {
    return Optional.ofNullable(bySnomed.get(code));
  }

  /** The SNOMED CT type a coding counts as: itself, a kind's type, or none. */
  public Optional<String> snomedOf(Coding type) {
    if (type.system().equals(SNOMED)) {
      return Optional.of(type.code());
    }
    return type.system().equals(SYSTEM) ? kind(type.code()).flatMap(Kind::snomed) : Optional.empty();
  }

  private static SampleKinds read() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    Map<String, Kind> bySnomed = new HashMap<>();
    try (InputStream in = SampleKinds.class.getResourceAsStream("sample-kinds.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        Kind k = new Kind(c[0], c[1], c[2].equals("-") ? Optional.empty() : Optional.of(c[2]));
        kinds.put(k.code(), k);
        List<String> types = new ArrayList<>();
        k.snomed().ifPresent(types::add);
        for (String also : c.length > 3 ? c[3].split(",") : new String[0]) {
          if (!also.isBlank()) {
            types.add(also.strip());
          }
        }
        types.forEach(t -> bySnomed.putIfAbsent(t, k));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the sample kinds table could not be read", e);
    }
    return new SampleKinds(kinds, bySnomed);
  }
}
