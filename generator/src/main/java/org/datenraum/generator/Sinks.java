package org.datenraum.generator;

import java.util.zip.Deflater;

/** One {@link FhirOut} per resource type for a batch of patients; not thread-safe. */
final class Sinks {

  private final FhirOut[] outs = new FhirOut[ResourceType.values().length];
  private final ByteBuf[] compressed = new ByteBuf[outs.length];
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
  private boolean gzip;

  Sinks(int capacityPerType) {
    for (ResourceType t : ResourceType.values()) {
      outs[t.ordinal()] = new FhirOut(t == ResourceType.Observation ? capacityPerType * 8 : capacityPerType);
    }
  }

  void clear() {
    for (int i = 0; i < outs.length; i++) {
      outs[i].clear();
      if (compressed[i] != null) {
        compressed[i].clear();
      }
    }
  }

  /** Completes the batch; with {@code gzip} each type's output becomes one gzip member. */
  void finish(boolean gzip) {
    this.gzip = gzip;
    for (int i = 0; i < outs.length; i++) {
      ByteBuf raw = outs[i].flush();
      if (gzip) {
        if (compressed[i] == null) {
          compressed[i] = new ByteBuf(64 * 1024);
        }
        GzipMember.write(raw, compressed[i], deflater);
      }
    }
  }

  /** The bytes to append to the type's file. */
  ByteBuf output(ResourceType type) {
    return gzip ? compressed[type.ordinal()] : outs[type.ordinal()].flush();
  }

  FhirOut of(ResourceType type) {
    return outs[type.ordinal()];
  }
}
