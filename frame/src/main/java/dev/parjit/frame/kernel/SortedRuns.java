package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Group codes, in key order, of rows that come as a few runs each ascending by key: the partials
 * of a distributed group-by laid end to end in rank order (each rank's partial lists its groups
 * sorted by key). A merge of the runs numbers the distinct key tuples in ascending order, so the
 * combined groups need neither a hash table nor a sort afterwards. Integer-valued keys without
 * nulls only (their order is the order of their values as longs, as {@link Sorting} sorts them);
 * anything else is left to {@link Factorizer} and a sort.
 */
public final class SortedRuns {

  /** More runs than this and a merge that looks at every run's head per row costs more than hashing. */
  static final int MAX_RUNS = 16;

  private SortedRuns() { }

  /**
   * Codes numbering {@code keys}' distinct tuples in ascending key order (every row has one: no key is
   * missing), or {@code null} when a key column is not integer-valued, holds a null, or the rows form
   * more than {@link #MAX_RUNS} strictly ascending runs.
   */
  public static Factorizer.Codes codes(List<FieldVector> keys) {
    int width = keys.size();
    if (width == 0) {
      return null;
    }
    long[][] k = new long[width][];
    for (int c = 0; c < width; c++) {
      FieldVector v = keys.get(c);
      DType t = DType.of(v);
      if (t == DType.FLOAT64 || t == DType.STRING || v.getNullCount() > 0) {
        return null;
      }
      k[c] = Vectors.longs(v);
    }
    int n = k[0].length;
    int[] runStart = new int[MAX_RUNS + 1];
    int runs = n == 0 ? 0 : 1;
    for (int i = 1; i < n; i++) {
      if (compare(k, i - 1, i) >= 0) { // not strictly ascending: a new run starts here
        if (runs == MAX_RUNS) {
          return null;
        }
        runStart[runs++] = i;
      }
    }
    runStart[runs] = n;
    int[] head = new int[runs];
    for (int r = 0; r < runs; r++) {
      head[r] = runStart[r];
    }
    int[] codes = new int[n];
    int groups = 0;
    int last = -1; // a row of the latest group, to tell whether the next smallest head joins it
    for (int done = 0; done < n; done++) {
      int best = -1;
      for (int r = 0; r < runs; r++) {
        if (head[r] < runStart[r + 1] && (best < 0 || compare(k, head[r], head[best]) < 0)) {
          best = r;
        }
      }
      int row = head[best]++;
      if (last < 0 || compare(k, last, row) != 0) {
        groups++;
        last = row;
      }
      codes[row] = groups - 1;
    }
    return new Factorizer.Codes(codes, groups);
  }

  /** Lexicographic order of rows {@code a} and {@code b} of the key columns. */
  private static int compare(long[][] k, int a, int b) {
    for (long[] c : k) {
      int o = Long.compare(c[a], c[b]);
      if (o != 0) {
        return o;
      }
    }
    return 0;
  }
}
