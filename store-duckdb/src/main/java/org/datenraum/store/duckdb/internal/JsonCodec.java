package org.datenraum.store.duckdb.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.nio.charset.StandardCharsets;

/**
 * Resource JSON as the store keeps it: UTF-8, compressed with Zstandard at its fastest level.
 * DuckDB leaves long strings uncompressed, and Synthea-like resources run to kilobytes each.
 * One compression context per thread: creating one costs more than compressing a resource.
 */
public final class JsonCodec {

  private static final int LEVEL = 1;
  private static final ThreadLocal<ZstdCompressCtx> CONTEXTS = ThreadLocal.withInitial(() -> {
    ZstdCompressCtx ctx = new ZstdCompressCtx();
    ctx.setLevel(LEVEL);
    ctx.setContentSize(true);
    return ctx;
  });

  private JsonCodec() {}

  public static byte[] compress(String json) {
    return CONTEXTS.get().compress(json.getBytes(StandardCharsets.UTF_8));
  }

  public static String decompress(byte[] stored) {
    long size = Zstd.getFrameContentSize(stored);
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new IllegalStateException("stored resource JSON is corrupt");
    }
    return new String(Zstd.decompress(stored, (int) size), StandardCharsets.UTF_8);
  }
}
