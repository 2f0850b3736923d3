package org.datenraum.registry.imaging;

import static java.util.Objects.requireNonNull;

/** A model's name, version and the SHA-256 of its file (hex), recorded with every fact it derives. Immutable. */
public record ModelInfo(String name, String version, String sha256) {

  public ModelInfo {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(sha256, "sha256");
  }

  /** {@code name/version}, the code of the model's attribute. */
  public String id() {
    return name + "/" + version;
  }
}
