package dev.parjit.frame.dist;

import dev.parjit.runtime.DistributedArrays;

/**
 * Where a distributed frame, series or group-by sits among the ranks: its global row count and this
 * rank's first global row. Kept in the runtime's weak identity registry, as for array chunks, so
 * {@code ParallelRuntime.ownedStart/ownedEnd/length} work on frames too and a chunk that becomes
 * garbage leaves the registry with it.
 */
public final class Placements {

  private Placements() { }

  /** Records {@code local} as rows {@code [start, start + local rows)} of {@code globalRows}. */
  public static <T> T register(T local, long globalRows, long start) {
    long rows = local instanceof dev.parjit.frame.DataFrame df ? df.numRows()
        : local instanceof dev.parjit.frame.Series s ? s.size() : 0;
    DistributedArrays.register(local, globalRows, start, rows);
    return local;
  }

  /** Whether {@code value} is a chunk of distributed data. */
  public static boolean isDistributed(Object value) {
    return value != null && DistributedArrays.lookup(value) != null;
  }

  /** Global rows of a distributed value. */
  public static long globalRows(Object value) {
    return chunk(value).globalLength();
  }

  /** This rank's first global row. */
  public static long start(Object value) {
    return chunk(value).start();
  }

  private static DistributedArrays.Chunk chunk(Object value) {
    DistributedArrays.Chunk c = DistributedArrays.lookup(value);
    if (c == null) {
      throw new IllegalStateException("not a distributed value: " + value.getClass().getSimpleName());
    }
    return c;
  }
}
