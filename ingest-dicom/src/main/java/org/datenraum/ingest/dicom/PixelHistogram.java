package org.datenraum.ingest.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datenraum.ingest.dicom.internal.DicomElement;
import org.datenraum.ingest.dicom.internal.DicomObject;
import org.datenraum.ingest.dicom.internal.Part10Reader;
import org.datenraum.ingest.dicom.internal.Tags;

/**
 * The attenuation histogram of a series' files, read at the site for the models: native 16-bit
 * pixel data (signed or unsigned) through Rescale Slope and Intercept, counted in {@code bins}
 * bins of {@code width} from {@code low} (values outside count in the first or last bin). The
 * pixel data are read file by file and dropped; only the counts leave this class.
 */
public final class PixelHistogram {

  private PixelHistogram() {}

  /** The counts over all files; a file that cannot be read gives an exception naming the reason. */
  public static long[] of(List<Path> files, int low, int width, int bins)
      throws IOException, Part10Reader.Unreadable {
    long[] counts = new long[bins];
    for (Path f : files) {
      DicomObject d;
      try (InputStream in = Files.newInputStream(f)) {
        d = Part10Reader.readWithPixels(in);
      }
      add(d, counts, low, width);
    }
    return counts;
  }

  private static void add(DicomObject d, long[] counts, int low, int width) throws Part10Reader.Unreadable {
    DicomElement pixels = d.get(Tags.PIXEL_DATA);
    Double bits = d.number(Tags.BITS_ALLOCATED);
    if (pixels == null || pixels.bytes() == null || bits == null || bits.intValue() != 16) {
      throw new Part10Reader.Unreadable("DR-7511", "the file has no native 16-bit pixel data:"
          + " the models read CT images stored uncompressed.");
    }
    boolean signed = d.number(Tags.PIXEL_REPRESENTATION) != null && d.number(Tags.PIXEL_REPRESENTATION) == 1;
    double slope = d.number(Tags.RESCALE_SLOPE) == null ? 1 : d.number(Tags.RESCALE_SLOPE);
    double intercept = d.number(Tags.RESCALE_INTERCEPT) == null ? 0 : d.number(Tags.RESCALE_INTERCEPT);
    ByteBuffer b = ByteBuffer.wrap(pixels.bytes())
        .order(pixels.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    int n = pixels.bytes().length / 2;
    for (int i = 0; i < n; i++) {
      short raw = b.getShort();
      double hu = (signed ? raw : raw & 0xFFFF) * slope + intercept;
      int bin = (int) Math.floor((hu - low) / width);
      counts[Math.max(0, Math.min(counts.length - 1, bin))]++;
    }
  }
}
