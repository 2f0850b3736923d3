package org.datenraum.store.duckdb.feasibility;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.Coding;
import org.roaringbitmap.RoaringBitmap;

/**
 * The index and the patients by sex and birth month in one byte array that a new process reads
 * without a row or an object per key: keys, strings and bitmaps are made at their first use.
 * Layout (big-endian): magic, format, store version; the distinct strings (count, end offsets,
 * UTF-8 bytes); the key groups (count; per group its path's string number and key count); per key
 * three string numbers (resource type, system, code), group after group; per patient bitmap two
 * (kind, value); the end offset of every serialised bitmap, keys first; the bitmaps; a CRC-32 of
 * everything before it. A byte array that is cut, altered or of another version is not read.
 */
final class PackedIndex {

  private static final int MAGIC = 0x44525049;
  private static final int FORMAT = 2;

  /** An index with its patients, read back at the version it names. */
  record Unpacked(CodeIndex index, PatientTable patients) {}

  private PackedIndex() {}

  static byte[] pack(CodeIndex index, PatientTable patients, long version) {
    Strings strings = new Strings();
    Map<String, List<Map.Entry<IndexKey, RoaringBitmap>>> groups = new LinkedHashMap<>();
    index.bitmaps().entrySet().forEach(e -> groups.computeIfAbsent(e.getKey().path(), p -> new ArrayList<>()).add(e));
    List<Integer> ints = new ArrayList<>();
    List<RoaringBitmap> bitmaps = new ArrayList<>();
    groups.forEach((path, keys) -> {
      for (Map.Entry<IndexKey, RoaringBitmap> e : keys) {
        IndexKey k = e.getKey();
        ints.add(strings.of(k.resourceType()));
        ints.add(strings.of(k.coding().system()));
        ints.add(strings.of(k.coding().code()));
        bitmaps.add(e.getValue());
      }
    });
    List<Integer> kinds = new ArrayList<>();
    patients.forEach((kind, value, b) -> {
      kinds.add(strings.of(kind.name()));
      kinds.add(strings.of(value));
      bitmaps.add(b);
    });
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeLong(version);
      groups.keySet().forEach(strings::of);
      strings.write(out);
      out.writeInt(groups.size());
      for (Map.Entry<String, List<Map.Entry<IndexKey, RoaringBitmap>>> g : groups.entrySet()) {
        out.writeInt(strings.of(g.getKey()));
        out.writeInt(g.getValue().size());
      }
      for (int v : ints) {
        out.writeInt(v);
      }
      out.writeInt(kinds.size() / 2);
      for (int v : kinds) {
        out.writeInt(v);
      }
      int end = 0;
      for (RoaringBitmap b : bitmaps) {
        end += b.serializedSizeInBytes();
        out.writeInt(end);
      }
      for (RoaringBitmap b : bitmaps) {
        b.serialize(out);
      }
      out.flush();
      return Checksums.append(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index and patients packed at {@code version}, if these bytes are whole and of it. */
  static Optional<Unpacked> unpack(byte[] packed, long version) {
    Optional<ByteBuffer> opened = Checksums.opened(packed, MAGIC, FORMAT, version);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    ByteBuffer in = opened.get();
    try {
      Strings.Read strings = Strings.read(in);
      int[] groupHeads = ints(in, 2 * in.getInt());
      int keyCount = 0;
      for (int g = 0; g < groupHeads.length; g += 2) {
        keyCount += groupHeads[g + 1];
      }
      int[] keys = ints(in, 3 * keyCount);
      int[] kinds = ints(in, 2 * in.getInt());
      strings.check(groupHeads, 2);
      strings.check(keys, 1);
      strings.check(kinds, 1);
      int[] offsets = new int[keyCount + kinds.length / 2 + 1];
      in.asIntBuffer().get(offsets, 1, offsets.length - 1);
      in.position(in.position() + 4 * (offsets.length - 1));
      ByteBuffer region = in.slice();
      if (region.remaining() != offsets[offsets.length - 1]) {
        return Optional.empty();
      }
      BitmapSlots slots = BitmapSlots.packed(region, offsets);
      List<KeyGroup> groups = new ArrayList<>();
      for (int g = 0, first = 0; g < groupHeads.length; first += groupHeads[g + 1], g += 2) {
        String path = strings.get(groupHeads[g]);
        int base = first;
        groups.add(new KeyGroup(path, first, groupHeads[g + 1], i -> new IndexKey(strings.get(keys[3 * (base + i)]), path,
            new Coding(strings.get(keys[3 * (base + i) + 1]), strings.get(keys[3 * (base + i) + 2])))));
      }
      PatientTable.Saved patients = new PatientTable.Saved();
      for (int i = 0; i < kinds.length; i += 2) {
        patients.put(PatientTable.Kind.valueOf(strings.get(kinds[i])), strings.get(kinds[i + 1]),
            slots.get(keyCount + i / 2));
      }
      return patients.table().map(t -> new Unpacked(CodeIndex.of(groups, slots), t));
    } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
        | IllegalStateException | java.time.DateTimeException unreadable) {
      return Optional.empty();
    }
  }

  private static int[] ints(ByteBuffer in, int count) {
    if (count < 0 || 4L * count > in.remaining()) {
      throw new IndexOutOfBoundsException("a table of " + count + " numbers runs past the end");
    }
    int[] out = new int[count];
    in.asIntBuffer().get(out);
    in.position(in.position() + 4 * count);
    return out;
  }

  /** The distinct strings of the keys, numbered in order of first use. */
  private static final class Strings {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<byte[]> inOrder = new ArrayList<>();

    int of(String s) {
      return numbers.computeIfAbsent(s, k -> {
        inOrder.add(k.getBytes(StandardCharsets.UTF_8));
        return inOrder.size() - 1;
      });
    }

    void write(DataOutputStream out) throws IOException {
      out.writeInt(inOrder.size());
      int end = 0;
      for (byte[] s : inOrder) {
        end += s.length;
        out.writeInt(end);
      }
      for (byte[] s : inOrder) {
        out.write(s);
      }
    }

    static Read read(ByteBuffer in) {
      int[] ends = ints(in, in.getInt());
      int length = ends.length == 0 ? 0 : ends[ends.length - 1];
      if (length < 0 || length > in.remaining()) {
        throw new IndexOutOfBoundsException("the strings run past the end");
      }
      Read out = new Read(in.array(), in.arrayOffset() + in.position(), ends);
      in.position(in.position() + length);
      return out;
    }

    /** Strings made from their bytes at their first use. */
    static final class Read {
      private final byte[] bytes;
      private final int start;
      private final int[] ends;
      private final String[] made;

      Read(byte[] bytes, int start, int[] ends) {
        this.bytes = bytes;
        this.start = start;
        this.ends = ends;
        this.made = new String[ends.length];
      }

      /** Checks that every {@code step}-th number, from the first, names a string. */
      void check(int[] numbers, int step) {
        for (int i = 0; i < numbers.length; i += step) {
          if (numbers[i] < 0 || numbers[i] >= ends.length) {
            throw new IndexOutOfBoundsException("string number " + numbers[i] + " of " + ends.length);
          }
        }
      }

      synchronized String get(int i) {
        if (made[i] == null) {
          int from = i == 0 ? 0 : ends[i - 1];
          if (ends[i] < from) {
            throw new IndexOutOfBoundsException("string " + i + " ends before it starts");
          }
          made[i] = new String(bytes, start + from, ends[i] - from, StandardCharsets.UTF_8);
        }
        return made[i];
      }
    }
  }
}
