package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Stable argsort over one or more key columns on primitive index arrays (a merge sort on
 * {@code int[]}, no boxed comparators). Missing values (nulls, NaN) sort last whatever the
 * direction, as pandas' {@code na_position='last'}; strings sort by code point.
 */
public final class Sorting {
  private Sorting() {}

  /** Compares two rows by index. */
  @FunctionalInterface
  interface RowOrder {
    int compare(int a, int b);
  }

  /** The row permutation that sorts the rows by {@code keys} (first key most significant). */
  public static int[] argsort(List<FieldVector> keys, boolean ascending) {
    int n = keys.isEmpty() ? 0 : keys.get(0).getValueCount();
    RowOrder order = null;
    for (int k = keys.size() - 1; k >= 0; k--) {
      RowOrder key = keyOrder(keys.get(k), ascending);
      RowOrder next = order;
      order = next == null ? key : (a, b) -> {
        int c = key.compare(a, b);
        return c != 0 ? c : next.compare(a, b);
      };
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    if (order != null && n > 1) mergeSort(idx, new int[n], 0, n, order);
    return idx;
  }

  private static RowOrder keyOrder(FieldVector v, boolean ascending) {
    DType t = DType.of(v);
    int dir = ascending ? 1 : -1;
    boolean[] valid = Vectors.validity(v);
    if (t == DType.STRING) {
      StringColumn s = StringColumn.of(v);
      return (a, b) -> {
        boolean va = valid == null || valid[a];
        boolean vb = valid == null || valid[b];
        if (va && vb) return dir * StringColumn.compare(s, a, s, b);
        return va == vb ? 0 : va ? -1 : 1;
      };
    }
    if (t == DType.FLOAT64) {
      double[] x = Vectors.doubles(v); // nulls are NaN here
      return (a, b) -> {
        double p = x[a];
        double q = x[b];
        boolean va = p == p;
        boolean vb = q == q;
        if (va && vb) return dir * Double.compare(p == 0 ? 0.0 : p, q == 0 ? 0.0 : q);
        return va == vb ? 0 : va ? -1 : 1;
      };
    }
    long[] x = Vectors.longs(v);
    if (valid == null) return (a, b) -> dir * Long.compare(x[a], x[b]);
    return (a, b) -> {
      boolean va = valid[a];
      boolean vb = valid[b];
      if (va && vb) return dir * Long.compare(x[a], x[b]);
      return va == vb ? 0 : va ? -1 : 1;
    };
  }

  /** Stable top-down merge sort of {@code a[lo, hi)}; {@code tmp} is scratch of the same length. */
  private static void mergeSort(int[] a, int[] tmp, int lo, int hi, RowOrder order) {
    if (hi - lo <= 24) {
      for (int i = lo + 1; i < hi; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= lo && order.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid, order);
    mergeSort(a, tmp, mid, hi, order);
    if (order.compare(a[mid - 1], a[mid]) <= 0) return; // already in order
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && order.compare(tmp[i], tmp[j]) <= 0)) a[k] = tmp[i++];
      else a[k] = tmp[j++];
    }
  }
}
