package dev.parjit.frame.io.parquet;

import java.nio.ByteBuffer;

/**
 * Where an uncompressed page's bytes lie in its column chunk: one run for an UNCOMPRESSED page, the
 * literal runs of a Snappy page stored as literals ({@link SnappyLiterals}). A decoder that reduces
 * the values can then copy them block by block into a buffer the size of a core's first-level cache
 * and reduce each block there, instead of copying the whole page into an array first and reading it
 * back (a third less time per byte for a sum of doubles). Reused from page to page.
 */
final class PageRuns {
  private ByteBuffer chunk;
  /** Run k holds page bytes [starts[k], starts[k + 1]) at chunk position positions[k]. */
  private int[] starts = new int[8];
  private int[] positions = new int[8];
  private int count;

  /** Starts a page in {@code chunk}, with no runs yet. */
  void reset(ByteBuffer chunk) {
    this.chunk = chunk;
    this.count = 0;
    starts[0] = 0;
  }

  /** Appends the next {@code length} page bytes, found at chunk position {@code position}. */
  void add(int position, int length) {
    if (count + 1 >= starts.length) {
      starts = java.util.Arrays.copyOf(starts, starts.length * 2);
      positions = java.util.Arrays.copyOf(positions, positions.length * 2);
    }
    positions[count] = position;
    starts[count + 1] = starts[count] + length;
    count++;
  }

  /** The page's size in bytes. */
  int size() {
    return starts[count];
  }

  /** Copies page bytes {@code [from, from + n)} into {@code out[off, off + n)}; the range must lie in the page. */
  void copy(int from, byte[] out, int off, int n) {
    int k = run(from);
    while (n > 0) {
      int in = from - starts[k];
      int take = Math.min(n, starts[k + 1] - from);
      chunk.get(positions[k] + in, out, off, take);
      from += take;
      off += take;
      n -= take;
      k++;
    }
  }

  /** The run holding page byte {@code at} (runs are few: a page of 160 KB has three). */
  private int run(int at) {
    int k = 0;
    while (k < count - 1 && starts[k + 1] <= at) {
      k++;
    }
    return k;
  }
}
