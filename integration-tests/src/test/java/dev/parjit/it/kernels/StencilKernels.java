package dev.parjit.it.kernels;

import dev.parjit.Jit;

/**
 * Stencils, sparse rows and scatter-adds over arrays the kernels make themselves (so they are split
 * in SPMD mode too), and the two traps that must stay sequential.
 */
public final class StencilKernels {

  private StencilKernels() { }

  /** Jacobi sweeps in a time-step loop with swapped buffers. Parallel sweeps, halos of one. */
  @Jit
  public static double[] jacobi(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i * 31 % 17) - 8;
      v[i] = u[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + 2 * u[i] + u[i + 1]) / 4;
      }
      double[] tmp = u;
      u = v;
      v = tmp;
    }
    return u;
  }

  /** A 5-point stencil over floats. Parallel, halos of two. */
  @Jit
  public static float[] wideStencil(int n) {
    float[] u = new float[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i * 13 % 7) * 0.5f;
    }
    float[] v = new float[n];
    for (int i = 2; i < n - 2; i++) {
      v[i] = u[i - 2] - 4 * u[i - 1] + 6 * u[i] - 4 * u[i + 1] + u[i + 2];
    }
    return v;
  }

  /** A reduction over neighbours' differences (max: exact in any order). Parallel, halos of one. */
  @Jit
  public static long spread(int n) {
    long[] u = new long[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i * 7919L) % 1013;
    }
    long widest = Long.MIN_VALUE;
    for (int i = 1; i < n - 1; i++) {
      widest = Math.max(widest, u[i + 1] - u[i - 1]);
    }
    return widest;
  }

  /**
   * A CSR product over rows with three entries each: the row pointer (n + 1 entries) is read at i
   * and i + 1 by the loop over the n rows, so it is split differently from the rows.
   */
  @Jit
  public static double[] csrRows(int n) {
    int[] rowptr = new int[n + 1];
    for (int i = 0; i < n + 1; i++) {
      rowptr[i] = 3 * i;
    }
    int[] col = new int[3 * n];
    double[] val = new double[3 * n];
    for (int k = 0; k < 3 * n; k++) {
      col[k] = (k / 3 + k % 3 - 1 + n) % n;
      val[k] = k % 3 == 1 ? 2 : -0.5 - (k % 5) * 0.1;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 9 - 4;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowptr[i]; k < rowptr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      y[i] = s;
    }
    return y;
  }

  /** A COO product: a scatter-add through an index array. Parallel, combined element-wise. */
  @Jit
  public static double[] cooScatter(int n) {
    int m = 2 * n;
    int[] row = new int[m];
    int[] col = new int[m];
    double[] val = new double[m];
    for (int k = 0; k < m; k++) {
      row[k] = (int) ((k * 7L + 1) % Math.max(n, 1));
      col[k] = (int) ((k * 5L + 2) % Math.max(n, 1));
      val[k] = k % 4 - 1.5;
    }
    double[] y = new double[n];
    for (int k = 0; k < m; k++) {
      y[row[k]] += val[k] * (col[k] + 1);
    }
    return y;
  }

  /** Gauss–Seidel: each element reads its freshly written left neighbour. Sequential. */
  @Jit
  public static double[] gaussSeidel(int n) {
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 3;
    }
    for (int i = 1; i < n - 1; i++) {
      u[i] = (u[i - 1] + u[i + 1]) / 2;
    }
    return u;
  }

  /** An in-place prefix sum. Sequential. */
  @Jit
  public static long[] prefixInPlace(int n) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 5;
    }
    for (int i = 1; i < n; i++) {
      a[i] += a[i - 1];
    }
    return a;
  }
}
