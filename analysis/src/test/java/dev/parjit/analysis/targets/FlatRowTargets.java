package dev.parjit.analysis.targets;

/**
 * Row-major 2-D data in 1-D arrays accessed at {@code k * i + c}: blocks of 8 bytes at constant
 * offsets, pairs stepping by 2, pairs at {@code 2 * b}, and the shapes that must stay sequential.
 */
public final class FlatRowTargets {

  private int width = 2;
  private int cols = 3;

  private FlatRowTargets() { }

  /** Blocks of 8 read and written in place at {@code base + c}, {@code base = 8 * b}. */
  public static void blocks(byte[] data) {
    int blocks = data.length / 8;
    for (int b = 0; b < blocks; b++) {
      int base = 8 * b;
      int x = data[base] + data[base + 7];
      for (int c = 0; c < 8; c++) {
        x += data[base + c];
      }
      data[base] = (byte) x;
      data[base + 3] = (byte) (x >> 3);
      data[base + 7] = (byte) (x >> 7);
    }
  }

  /** Pairs {@code v[i], v[i + 1]} with {@code i += 2}, swapped in place. */
  public static void pairs(int[] v) {
    for (int i = 0; i + 1 < v.length; i += 2) {
      int t = v[i];
      v[i] = v[i + 1];
      v[i + 1] = t;
    }
  }

  /** Pairs read at {@code 2 * b, 2 * b + 1} into a fresh array written at the same places. */
  public static int[] pairsInto(int[] v) {
    int[] out = new int[v.length];
    for (int b = 0; b < v.length / 2; b++) {
      out[2 * b] = v[2 * b + 1];
      out[2 * b + 1] = v[2 * b];
    }
    return out;
  }

  /** A block read at {@code base + 8}: the next block, another row. */
  public static void readsNextBlock(byte[] data) {
    int blocks = data.length / 8 - 1;
    for (int b = 0; b < blocks; b++) {
      int base = 8 * b;
      data[base] = data[base + 8];
    }
  }

  /** {@code v[i] += v[i + 2]} stepping by 2: rows of 2 that overlap. */
  public static void overlapping(int[] v) {
    for (int i = 0; i + 2 < v.length; i += 2) {
      v[i] += v[i + 2];
    }
  }

  /** Rows of a width read from a field the loop changes. */
  public void fieldWidth(double[] a) {
    for (int i = 0; i < a.length / 4; i++) {
      a[width * i] = i;
      width = 2 + i % 2;
    }
  }

  /** A step-2 loop touching only {@code v[i]}: plain elements, split as any 1D array. */
  public static void evens(double[] v) {
    for (int i = 0; i < v.length; i += 2) {
      v[i] = 2 * v[i];
    }
  }

  /** A pair loop from 1: pairs (1, 2), (3, 4) are not rows of 2 from 0. */
  public static void oddPairs(int[] v) {
    for (int i = 1; i + 1 < v.length; i += 2) {
      int t = v[i];
      v[i] = v[i + 1];
      v[i + 1] = t;
    }
  }

  /** Rows of a parameter width {@code k}, a column loop {@code 0..k-1}. */
  public static void rowsOfK(double[] a, int k, int rows) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        a[k * i + j] += i;
      }
    }
  }

  /** Rows of a width the method computes: a parameter cannot be split by it on entry. */
  public static void rowsOfComputedWidth(double[] a, int k0) {
    int k = k0 + 1;
    for (int i = 0; i < a.length / k; i++) {
      for (int j = 0; j < k; j++) {
        a[k * i + j] = i;
      }
    }
  }

  /** Row sums of a flattened argument into elements: the loop runs over {@code out}, {@code a} is read whole. */
  public static double[] rowSums(double[] a, int k, int rows) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        out[i] += a[k * i + j];
      }
    }
    return out;
  }

  /** Rows of a fresh array filled from an element each: the loop runs over the rows, {@code x} is read whole. */
  public static double[] spread(double[] x, int k) {
    double[] c = new double[x.length * k];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < k; j++) {
        c[k * i + j] = x[i] * j;
      }
    }
    return c;
  }

  /** Rows of a width held in a field of {@code this} that the method never writes. */
  public void doubleRowsOfField(double[] c) {
    for (int i = 0; i < c.length / cols; i++) {
      for (int j = 0; j < cols; j++) {
        c[i * cols + j] *= 2;
      }
    }
  }

  /** LU elimination below pivot {@code k}: rows {@code k + 1..} written, row {@code k} read by every row. */
  public static void eliminate(double[] a, int n, int k) {
    for (int i = k + 1; i < n; i++) {
      double f = a[i * n + k] / a[k * n + k];
      a[i * n + k] = f;
      for (int j = k + 1; j < n; j++) {
        a[i * n + j] -= f * a[k * n + j];
      }
    }
  }

  /** The loop starts at the row it reads: row {@code k} is read and written, a dependence. */
  public static void eliminateFromPivot(double[] a, int n, int k) {
    for (int i = k; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= a[k * n + j];
      }
    }
  }

  /** Rows {@code 0..} minus row {@code k}: the loop may run row {@code k}. */
  public static void subtractRow(double[] a, int n, int k) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= a[k * n + j];
      }
    }
  }

  /** Column {@code k} of every row with no pivot row read: nothing checks {@code k < n}, so no row access. */
  public static void clearColumn(double[] a, int n, int k) {
    for (int i = k + 1; i < n; i++) {
      a[i * n + k] = 0;
    }
  }

  /** The loop's first row in a local assigned once, {@code first = k + 1}: still after pivot row {@code k}. */
  public static void eliminateFromLocal(double[] a, int n, int k) {
    int first = k + 1;
    for (int i = first; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= a[k * n + j];
      }
    }
  }

  /** The loop's first row in a local holding {@code k} itself: the loop runs row {@code k}, which it reads. */
  public static void eliminateFromSameRow(double[] a, int n, int k) {
    int first = k;
    for (int i = first; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= a[k * n + j];
      }
    }
  }

  /** Rows {@code p} and {@code p + 1}, both before the loop's first row: two fixed rows of one array. */
  public static void eliminateTwo(double[] a, int n, int p) {
    int q = p + 1;
    for (int i = q + 1; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= a[p * n + j] * a[q * n + j];
      }
    }
  }

  /** Interior columns {@code 1 .. w - 2} of {@code h} rows, the element kept in {@code c}, its neighbours {@code c ± 1}. */
  public static void scaleInterior(double[] a, double[] b, int h, int w) {
    for (int i = 0; i < h; i++) {
      for (int j = 1; j < w - 1; j++) {
        int c = i * w + j;
        b[c] = 0.5 * (a[c - 1] + a[c + 1]) + a[c];
      }
    }
  }

  /** {@code a[i * w + j + 1]} with {@code j} up to {@code w - 1}: the last column reads the next row's first. */
  public static void pastTheRow(double[] a, double[] b, int h, int w) {
    for (int i = 0; i < h; i++) {
      for (int j = 1; j < w; j++) {
        b[i * w + j] = a[i * w + j + 1];
      }
    }
  }

  /** The row's start kept in {@code r}, its interior columns at {@code r + j ± 1}. */
  public static void rowStartInALocal(double[] a, double[] b, int h, int w) {
    for (int i = 0; i < h; i++) {
      int r = i * w;
      for (int j = 1; j < w - 1; j++) {
        b[r + j - 1] = a[r + j + 1];
      }
    }
  }

  /** {@code c} assigned after its use: at the load it holds the previous column's element (or 0). */
  public static void staleElement(double[] a, double[] b, int h, int w) {
    for (int i = 0; i < h; i++) {
      int c = 0;
      for (int j = 1; j < w - 1; j++) {
        b[c] = a[c];
        c = i * w + j;
      }
    }
  }

  /** {@code a[c - w]}: the row above, another row. */
  public static void rowAbove(double[] a, double[] b, int h, int w) {
    for (int i = 1; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int c = i * w + j;
        b[c] = a[c - w];
      }
    }
  }

  /** A fresh {@code h × w} grid, its interior from {@code a}'s neighbours in the row. */
  public static double[] interiorInto(double[] a, int h, int w) {
    double[] b = new double[h * w];
    for (int i = 0; i < h; i++) {
      for (int j = 1; j < w - 1; j++) {
        int c = i * w + j;
        b[c] = a[c - 1] + 2 * a[c + 1];
      }
    }
    return b;
  }
}
