package org.datenraum.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run wrote: patients, resources per resource type (in file order) and bytes. Immutable.
 */
public record GenerationSummary(long patients, Map<String, Long> resources, long bytes) {

  public GenerationSummary {
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }

  public long totalResources() {
    return resources.values().stream().mapToLong(Long::longValue).sum();
  }
}
