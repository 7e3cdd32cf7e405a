package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The order {@link Sorting#argsort} sorts rows in, as a comparison between a row of one frame and
 * a row of another with the same key columns: a distributed sort compares its rows with splitter
 * rows that came from other ranks. Keys compare first to last; in each, missing values (null,
 * NaN) come after every value whatever the direction, and values compare in the direction asked.
 * Numeric keys use {@link Sorting}'s own order-preserving encoding (it depends on the value only),
 * strings compare by code point as {@link Sorting}'s ranks do, so the two orders are one.
 */
public final class KeyOrder {
  private final boolean ascending;
  /** Per key: encoded values of a numeric key, else null. */
  private final long[][] encoded;
  /** Per key: missing rows, or null when the key has none. */
  private final boolean[][] missing;
  /** Per key: the strings of a string key, else null. */
  private final StringColumn[] strings;
  /** The number of rows. */
  private final int size;

  private KeyOrder(int size, boolean ascending, long[][] encoded, boolean[][] missing, StringColumn[] strings) {
    this.size = size;
    this.ascending = ascending;
    this.encoded = encoded;
    this.missing = missing;
    this.strings = strings;
  }

  /** The order of rows by {@code keys} (first key most significant); copies what it needs. */
  public static KeyOrder of(List<FieldVector> keys, boolean ascending) {
    int nk = keys.size();
    long[][] encoded = new long[nk][];
    boolean[][] missing = new boolean[nk][];
    StringColumn[] strings = new StringColumn[nk];
    for (int k = 0; k < nk; k++) {
      FieldVector v = keys.get(k);
      int n = v.getValueCount();
      boolean[] m = new boolean[n];
      if (DType.of(v) == DType.STRING) {
        strings[k] = StringColumn.of(v);
        for (int i = 0; i < n; i++) m[i] = !Vectors.isValid(v, i);
      } else {
        encoded[k] = Sorting.numericKeys(v, ascending, m);
      }
      missing[k] = anyTrue(m) ? m : null;
    }
    return new KeyOrder(nk == 0 ? 0 : keys.get(0).getValueCount(), ascending, encoded, missing, strings);
  }

  /**
   * Negative, zero or positive as row {@code row} sorts before, with, or after row {@code otherRow}
   * of {@code other} (an order of the same key columns and direction).
   */
  public int compare(int row, KeyOrder other, int otherRow) {
    for (int k = 0; k < encoded.length; k++) {
      boolean ma = missing[k] != null && missing[k][row];
      boolean mb = other.missing[k] != null && other.missing[k][otherRow];
      if (ma || mb) {
        if (ma != mb) {
          return ma ? 1 : -1;
        }
        continue; // both missing: equal here
      }
      int c = encoded[k] != null
          ? Long.compareUnsigned(encoded[k][row], other.encoded[k][otherRow])
          : ascending ? StringColumn.compare(strings[k], row, other.strings[k], otherRow)
          : StringColumn.compare(other.strings[k], otherRow, strings[k], row);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * For each row {@code i < n} of {@code rows} (an order of the same key columns and direction), how
   * many of this order's rows, which must be sorted in it, come before row {@code i}. A row equal to
   * row {@code i} comes before it when its number in {@code rowNumbers} is below
   * {@code firstRow + i} (the stable order's tie-break); with {@code rowNumbers} null, never.
   */
  public int[] countBefore(KeyOrder rows, int n, long[] rowNumbers, long firstRow) {
    int count = size;
    int[] out = new int[n];
    if (encoded.length == 1 && encoded[0] != null && missing[0] == null && rows.missing[0] == null && count <= LINEAR_COUNT) {
      countBeforeOneNumericKey(encoded[0], rows.encoded[0], out, rowNumbers, firstRow, count);
      return out;
    }
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = count;
      while (lo < hi) { // sorted: "before row i" holds for a prefix of this order's rows
        int mid = (lo + hi) >>> 1;
        int c = compare(mid, rows, i);
        if (c < 0 || (c == 0 && rowNumbers != null && rowNumbers[mid] < firstRow + i)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      out[i] = lo;
    }
    return out;
  }

  /** Up to this many rows, {@link #countBefore} of one numeric key compares a row with each. */
  private static final int LINEAR_COUNT = 7;

  /**
   * {@link #countBefore} of one numeric key without missing values, free of branches on the data:
   * whether a key is below a row's is as unpredictable as the data, and a mispredicted branch per
   * row costs more than the arithmetic.
   */
  private static void countBeforeOneNumericKey(long[] mine, long[] theirs, int[] out, long[] rowNumbers, long firstRow,
      int count) {
    for (int i = 0; i < out.length; i++) {
      long y = theirs[i];
      int before = 0;
      for (int s = 0; s < count; s++) {
        long x = mine[s];
        long below = ((~x & y) | (~(x ^ y) & (x - y))) >>> 63; // x < y unsigned (Hacker's Delight 2-12)
        long diff = x ^ y;
        long equal = ~(diff | -diff) >>> 63;
        long tie = rowNumbers == null ? 0 : (rowNumbers[s] - (firstRow + i)) >>> 63; // row numbers are not negative
        before += (int) (below | (equal & tie));
      }
      out[i] = before;
    }
  }

  private static boolean anyTrue(boolean[] m) {
    for (boolean b : m) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
