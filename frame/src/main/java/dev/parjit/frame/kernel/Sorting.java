package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Stable argsort over one or more key columns on primitive arrays. Each key is turned into
 * 64-bit sort keys whose unsigned order is the value order (sign bit flipped for integers, the
 * IEEE trick for doubles, ranks for strings), and rows are ordered with a stable LSD radix sort,
 * least significant key first; byte passes where every key agrees are skipped, so small integer
 * keys take two passes. Missing values (nulls, NaN) go last whatever the direction, as pandas'
 * {@code na_position='last'}; strings sort by code point.
 */
public final class Sorting {
  private Sorting() {}

  /** The row permutation that sorts the rows by {@code keys} (first key most significant). */
  public static int[] argsort(List<FieldVector> keys, boolean ascending) {
    int n = keys.isEmpty() ? 0 : keys.get(0).getValueCount();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    boolean[] missing = new boolean[n];
    for (int k = keys.size() - 1; k >= 0; k--) {
      long[] sortKey = sortKeys(keys.get(k), ascending, missing);
      order = sortPass(order, sortKey, missing);
    }
    return order;
  }

  /** Stable pass: rows with a value by key, then rows missing it, each group keeping its order. */
  private static int[] sortPass(int[] order, long[] sortKey, boolean[] missing) {
    int n = order.length;
    int nv = 0;
    for (int r : order) if (!missing[r]) nv++;
    int[] rows = new int[nv];
    long[] keys = new long[nv];
    int[] out = new int[n];
    int v = 0;
    int m = nv;
    for (int r : order) {
      if (missing[r]) {
        out[m++] = r;
      } else {
        rows[v] = r;
        keys[v++] = sortKey[r];
      }
    }
    radixSort(keys, rows);
    System.arraycopy(rows, 0, out, 0, nv);
    return out;
  }

  private static final int DIGIT_BITS = 11;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  /**
   * Sorts {@code rows} by the aligned unsigned {@code keys}, stably, in place (both arrays are
   * permuted): LSD radix with 11-bit digits, six passes at most.
   */
  static void radixSort(long[] keys, int[] rows) {
    int n = keys.length;
    long[] srcK = keys;
    int[] srcR = rows;
    long[] dstK = new long[n];
    int[] dstR = new int[n];
    int[] count = new int[BUCKETS + 1];
    for (int shift = 0; shift < 64; shift += DIGIT_BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) count[(int) ((srcK[i] >>> shift) & (BUCKETS - 1)) + 1]++;
      boolean trivial = false;
      for (int b = 1; b <= BUCKETS; b++) if (count[b] == n) trivial = true;
      if (trivial) continue; // every key has the same digit here
      for (int b = 0; b < BUCKETS; b++) count[b + 1] += count[b];
      for (int i = 0; i < n; i++) {
        int p = count[(int) ((srcK[i] >>> shift) & (BUCKETS - 1))]++;
        dstK[p] = srcK[i];
        dstR[p] = srcR[i];
      }
      long[] tk = srcK;
      srcK = dstK;
      dstK = tk;
      int[] tr = srcR;
      srcR = dstR;
      dstR = tr;
    }
    if (srcK != keys) {
      System.arraycopy(srcK, 0, keys, 0, n);
      System.arraycopy(srcR, 0, rows, 0, n);
    }
  }

  /** Order-preserving unsigned keys of one column; fills {@code missing}. */
  private static long[] sortKeys(FieldVector v, boolean ascending, boolean[] missing) {
    if (DType.of(v) == DType.STRING) {
      Factorizer.Codes c = Factorizer.factorize(List.of(v));
      long[] rank = stringRanks(v, c);
      int n = v.getValueCount();
      long[] key = new long[n];
      for (int i = 0; i < n; i++) {
        missing[i] = c.codes[i] < 0;
        key[i] = missing[i] ? 0 : rank[c.codes[i]];
      }
      if (!ascending) for (int i = 0; i < n; i++) key[i] = ~key[i];
      return key;
    }
    return numericKeys(v, ascending, missing);
  }

  /**
   * Order-preserving unsigned keys of a numeric column (every dtype but strings), filling
   * {@code missing}: unlike string ranks they depend on the value alone, so keys of different
   * frames compare ({@link KeyOrder} relies on it).
   */
  static long[] numericKeys(FieldVector v, boolean ascending, boolean[] missing) {
    DType t = DType.of(v);
    int n = v.getValueCount();
    long[] key = new long[n];
    if (t == DType.FLOAT64 && v.getNullCount() == 0 && n > 0) {
      // Read in the buffer (its size checked once), not through a copy: the hot case of a sort.
      long at = Vectors.address(v.getDataBuffer(), v, n);
      for (int i = 0; i < n; i++) {
        double d = Double.longBitsToDouble(MemoryUtil.getLong(at + 8L * i));
        missing[i] = d != d;
        key[i] = doubleKey(d);
      }
    } else if (t == DType.FLOAT64) {
      double[] x = Vectors.doubles(v); // nulls are NaN here
      for (int i = 0; i < n; i++) {
        double d = x[i];
        missing[i] = d != d;
        key[i] = doubleKey(d);
      }
    } else if (t == DType.STRING) {
      throw new IllegalArgumentException("column '" + v.getName() + "' holds strings: their keys are ranks, see sortKeys");
    } else {
      long[] x = Vectors.longs(v);
      boolean[] valid = Vectors.validity(v);
      for (int i = 0; i < n; i++) {
        missing[i] = valid != null && !valid[i];
        key[i] = x[i] ^ Long.MIN_VALUE;
      }
    }
    if (!ascending) for (int i = 0; i < n; i++) key[i] = ~key[i];
    return key;
  }

  /** The unsigned key of a double, ascending: -0.0 as 0.0, negatives below positives. */
  private static long doubleKey(double d) {
    long bits = Double.doubleToLongBits(d == 0 ? 0.0 : d);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  /** Rank of each distinct string (by code point order), indexed by factorizer code. */
  private static long[] stringRanks(FieldVector v, Factorizer.Codes c) {
    StringColumn s = StringColumn.of(v);
    int[] first = c.firstRows();
    Integer[] groups = new Integer[c.groups]; // one object per distinct value, not per row
    for (int g = 0; g < groups.length; g++) groups[g] = g;
    java.util.Arrays.sort(groups, (a, b) -> StringColumn.compare(s, first[a], s, first[b]));
    long[] rank = new long[c.groups];
    for (int r = 0; r < groups.length; r++) rank[groups[r]] = r;
    return rank;
  }
}
