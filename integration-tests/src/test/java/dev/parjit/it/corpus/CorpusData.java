package dev.parjit.it.corpus;

import dev.parjit.it.effects.Data;

/**
 * Deterministic 2-D, sparse and byte inputs for the corpus programs, built from {@link Data}'s
 * values (multiples of 1/8, so sums and products of a few of them are exact in any order).
 */
public final class CorpusData {

  /**
   * The largest dimension of the programs whose kernels make one collective per element or row
   * today (main's analysis parallelizes their innermost loop: a matrix product's dot products, an
   * N-body force sum): 24 still splits 6 rows per rank on 4 ranks and keeps the suite's time down.
   */
  public static final int MAX_DIM = 24;

  private CorpusData() { }

  /** {@code n} capped at {@link #MAX_DIM}. */
  public static int dim(int n) {
    return Math.min(n, MAX_DIM);
  }

  /** A {@code rows × cols} matrix, row {@code i} being {@code Data.doubles(cols, seed + i)}. */
  public static double[][] matrix(int rows, int cols, int seed) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = Data.doubles(cols, seed + i);
    }
    return m;
  }

  /** The same matrix flattened row-major into one array of {@code rows * cols}. */
  public static double[] flat(int rows, int cols, int seed) {
    double[] a = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(Data.doubles(cols, seed + i), 0, a, i * cols, cols);
    }
    return a;
  }

  /** A diagonally dominant matrix (so elimination without pivoting and iterative solvers behave). */
  public static double[][] dominant(int n, int seed) {
    double[][] m = matrix(n, n, seed);
    for (int i = 0; i < n; i++) {
      double off = 0;
      for (int j = 0; j < n; j++) {
        off += Math.abs(m[i][j]);
      }
      m[i][i] = off + 8;
    }
    return m;
  }

  /** Bytes {@code 0..255} spread over the index, varied by {@code seed}. */
  public static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 131 + seed * 17 + (i >> 3));
    }
    return b;
  }

  /**
   * A sparse symmetric positive definite {@code n × n} matrix in coordinate form {@code {rows, cols}}
   * and values: the 1-D Laplacian (2, -1) plus a long-range coupling every fifth row, shifted so the
   * diagonal dominates.
   */
  public static Coo laplacian(int n) {
    int cap = 5 * n;
    int[] r = new int[cap];
    int[] c = new int[cap];
    double[] v = new double[cap];
    int nnz = 0;
    for (int i = 0; i < n; i++) {
      int far = (i + n / 2) % Math.max(n, 1);
      for (int j : new int[] {i - 1, i, i + 1}) {
        if (j >= 0 && j < n) {
          r[nnz] = i;
          c[nnz] = j;
          v[nnz++] = i == j ? 4.5 : -1;
        }
      }
      if (i % 5 == 0 && far != i && Math.abs(far - i) > 1) {
        r[nnz] = i;
        c[nnz] = far;
        v[nnz++] = -0.25;
      }
    }
    // Make it symmetric: add the transpose of the far couplings.
    int base = nnz;
    for (int k = 0; k < base; k++) {
      if (Math.abs(r[k] - c[k]) > 1 && !contains(r, c, nnz, c[k], r[k])) {
        r[nnz] = c[k];
        c[nnz] = r[k];
        v[nnz++] = v[k];
      }
    }
    return Coo.sorted(n, java.util.Arrays.copyOf(r, nnz), java.util.Arrays.copyOf(c, nnz), java.util.Arrays.copyOf(v, nnz));
  }

  private static boolean contains(int[] r, int[] c, int nnz, int i, int j) {
    for (int k = 0; k < nnz; k++) {
      if (r[k] == i && c[k] == j) {
        return true;
      }
    }
    return false;
  }

  /** A sparse matrix in coordinate form, entries sorted by row then column. */
  public record Coo(int n, int[] rows, int[] cols, double[] vals) {

    static Coo sorted(int n, int[] r, int[] c, double[] v) {
      Integer[] order = new Integer[r.length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      java.util.Arrays.sort(order, (a, b) -> r[a] != r[b] ? Integer.compare(r[a], r[b]) : Integer.compare(c[a], c[b]));
      int[] rr = new int[r.length];
      int[] cc = new int[r.length];
      double[] vv = new double[r.length];
      for (int k = 0; k < order.length; k++) {
        rr[k] = r[order[k]];
        cc[k] = c[order[k]];
        vv[k] = v[order[k]];
      }
      return new Coo(n, rr, cc, vv);
    }

    /** The row pointers of the same matrix in CSR form ({@code n + 1} entries). */
    public int[] rowPtr() {
      int[] p = new int[n + 1];
      for (int row : rows) {
        p[row + 1]++;
      }
      for (int i = 0; i < n; i++) {
        p[i + 1] += p[i];
      }
      return p;
    }
  }
}
