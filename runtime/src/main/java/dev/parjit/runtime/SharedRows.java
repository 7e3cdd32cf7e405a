package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.lang.reflect.Array;

/**
 * After a parallel loop that wrote fixed rows of a replicated array at its index
 * ({@code c[0][i] = e}, {@code c} whole on every rank): each rank wrote only elements of its own part
 * of the loop's range, so the ranks exchange those parts and every copy of the row ends as the
 * sequential loop leaves it. Elements of a part the loop did not write (a step over 1, a store under
 * an {@code if}) hold the value every rank had before the loop, so sending them is harmless.
 */
public final class SharedRows {

  private SharedRows() { }

  /**
   * Collective: this rank's part {@code [from, to)} of the loop's range (its first index and
   * exclusive end), clipped to the row {@code holder[row]}, from this rank's copy into every rank's.
   * A missing holder or row (a loop that ran no iteration anywhere, over {@code null}) shares nothing:
   * every rank holds the same replicated holder, so every rank returns alike.
   */
  public static void shareBlocks(Object[] holder, int rowIndex, int from, int to) {
    Communicator c = ParallelRuntime.communicator();
    if (c.size() == 1 || holder == null || rowIndex < 0 || rowIndex >= holder.length || holder[rowIndex] == null) {
      return;
    }
    Object row = holder[rowIndex];
    int n = Array.getLength(row);
    int lo = (int) Math.max(0, Math.min(n, from));
    int len = (int) Math.max(0, Math.min(n, (long) to) - lo);
    long[] starts = c.allgather(lo);
    long[] lengths = c.allgather(len);
    Object all = gather(c, row, lo, len);
    int at = 0;
    for (int r = 0; r < starts.length; r++) {
      if (r != c.rank()) {
        put(all, at, row, (int) starts[r], (int) lengths[r]);
      }
      at += (int) lengths[r];
    }
  }

  /** Every rank's slice, concatenated in rank order, in a transport array (double, long, int or byte). */
  static Object gather(Communicator c, Object row, int lo, int len) {
    if (row instanceof double[] a) {
      return c.allgatherv(java.util.Arrays.copyOfRange(a, lo, lo + len));
    } else if (row instanceof long[] a) {
      return c.allgatherv(java.util.Arrays.copyOfRange(a, lo, lo + len));
    } else if (row instanceof int[] a) {
      return c.allgatherv(java.util.Arrays.copyOfRange(a, lo, lo + len));
    } else if (row instanceof byte[] a) {
      return c.allgatherv(java.util.Arrays.copyOfRange(a, lo, lo + len));
    } else if (row instanceof boolean[] a) {
      byte[] v = new byte[len];
      for (int k = 0; k < len; k++) {
        v[k] = (byte) (a[lo + k] ? 1 : 0);
      }
      return c.allgatherv(v);
    }
    int[] v = new int[len]; // float bits, short, char
    for (int k = 0; k < len; k++) {
      v[k] = row instanceof float[] f ? Float.floatToRawIntBits(f[lo + k])
          : row instanceof short[] s ? s[lo + k] : ((char[]) row)[lo + k];
    }
    return c.allgatherv(v);
  }

  /** Copies {@code len} gathered elements from {@code at} into {@code row} at {@code start}. */
  static void put(Object all, int at, Object row, int start, int len) {
    if (row instanceof boolean[] a) {
      byte[] v = (byte[]) all;
      for (int k = 0; k < len; k++) {
        a[start + k] = v[at + k] != 0;
      }
    } else if (row instanceof float[] a) {
      int[] v = (int[]) all;
      for (int k = 0; k < len; k++) {
        a[start + k] = Float.intBitsToFloat(v[at + k]);
      }
    } else if (row instanceof short[] a) {
      int[] v = (int[]) all;
      for (int k = 0; k < len; k++) {
        a[start + k] = (short) v[at + k];
      }
    } else if (row instanceof char[] a) {
      int[] v = (int[]) all;
      for (int k = 0; k < len; k++) {
        a[start + k] = (char) v[at + k];
      }
    } else {
      System.arraycopy(all, at, row, start, len);
    }
  }
}
