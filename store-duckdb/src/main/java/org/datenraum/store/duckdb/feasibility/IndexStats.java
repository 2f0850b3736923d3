package org.datenraum.store.duckdb.feasibility;

/**
 * Sizes of a feasibility index. Immutable.
 *
 * @param storeVersion    the store version the index reflects (-1 before the first query)
 * @param keys            bitmaps (codes and coded attributes by resource type)
 * @param bitmapBytes     serialised size of all bitmaps, patients by sex and birth month included
 * @param cachedKeys      codes whose fact rows are cached
 * @param cachedRowBytes  approximate heap bytes of the cached rows
 * @param rebuilt         whether the last refresh rebuilt the index from the whole fact table
 * @param updated         whether the last refresh updated the index for the patients changed
 *                        since it was saved (neither: it was loaded as saved)
 */
public record IndexStats(long storeVersion, int keys, long bitmapBytes, int cachedKeys,
    long cachedRowBytes, boolean rebuilt, boolean updated) {}
