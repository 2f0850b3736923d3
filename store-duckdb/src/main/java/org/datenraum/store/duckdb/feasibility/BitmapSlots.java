package org.datenraum.store.duckdb.feasibility;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.roaringbitmap.RoaringBitmap;

/**
 * The bitmaps of an index by slot: either all decoded, or serialised one after the other in one
 * buffer and each decoded at its first use (a saved index of a million patients holds about
 * 190,000 bitmaps, of which a query needs a handful). Thread-safe.
 */
final class BitmapSlots {

  private final AtomicReferenceArray<RoaringBitmap> decoded;
  private final ByteBuffer serialised;
  private final int[] offsets;

  private BitmapSlots(AtomicReferenceArray<RoaringBitmap> decoded, ByteBuffer serialised, int[] offsets) {
    this.decoded = decoded;
    this.serialised = serialised;
    this.offsets = offsets;
  }

  static BitmapSlots of(RoaringBitmap[] bitmaps) {
    return new BitmapSlots(new AtomicReferenceArray<>(bitmaps), null, null);
  }

  /**
   * Bitmaps serialised in {@code buffer}: slot {@code i} from {@code offsets[i]} up to
   * {@code offsets[i + 1]} (relative to the buffer's position 0).
   */
  static BitmapSlots packed(ByteBuffer buffer, int[] offsets) {
    return new BitmapSlots(new AtomicReferenceArray<>(offsets.length - 1), buffer.asReadOnlyBuffer(), offsets);
  }

  int size() {
    return decoded.length();
  }

  RoaringBitmap get(int slot) {
    RoaringBitmap b = decoded.get(slot);
    if (b == null) {
      b = decode(slot);
      decoded.compareAndSet(slot, null, b);
      b = decoded.get(slot);
    }
    return b;
  }

  private RoaringBitmap decode(int slot) {
    ByteBuffer slice = serialised.duplicate();
    slice.limit(offsets[slot + 1]).position(offsets[slot]);
    RoaringBitmap b = new RoaringBitmap();
    try {
      b.deserialize(slice.slice());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("bitmap " + slot + " of the packed index does not decode although its"
          + " checksum matched: " + e.getMessage(), e);
    }
    return b;
  }

  /** The serialised size of the first {@code count} bitmaps. */
  long serializedBytes(int count) {
    if (offsets != null) {
      return offsets[count] - (long) offsets[0];
    }
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      bytes += decoded.get(i).serializedSizeInBytes();
    }
    return bytes;
  }
}
