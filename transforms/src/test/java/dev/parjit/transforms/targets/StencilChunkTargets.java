package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Stencil targets: after rewriting, a single rank must compute exactly what the original does. */
public class StencilChunkTargets {

  @Jit
  public static double[] smooth(double[] u) {
    double[] v = new double[u.length];
    for (int i = 1; i < u.length - 1; i++) {
      v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
    }
    return v;
  }

  @Jit
  public static double[] jacobi(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 5;
      v[i] = u[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
      }
      double[] tmp = u;
      u = v;
      v = tmp;
    }
    return u;
  }

  @Jit
  public static double[] csr(int[] rowptr, int[] col, double[] val, double[] x) {
    double[] y = new double[rowptr.length - 1];
    for (int i = 0; i < rowptr.length - 1; i++) {
      double s = 0;
      for (int k = rowptr[i]; k < rowptr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      y[i] = s;
    }
    return y;
  }

  /** Reads one past the end at the last index: the sequential exception. */
  @Jit
  public static long pastTheEnd(long[] a) {
    long s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i + 1];
    }
    return s;
  }

  /** A 5-point Jacobi over the rows of two grids swapped in locals: rows i - 1 and i + 1 through a halo of rows. */
  @Jit
  public static void jacobi2d(double[][] grid, double[][] next, int steps) {
    double[][] from = grid;
    double[][] to = next;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        for (int j = 1; j < from[i].length - 1; j++) {
          to[i][j] = 0.25 * (from[i - 1][j] + from[i + 1][j] + from[i][j - 1] + from[i][j + 1]);
        }
      }
      double[][] swap = from;
      from = to;
      to = swap;
    }
  }
}
