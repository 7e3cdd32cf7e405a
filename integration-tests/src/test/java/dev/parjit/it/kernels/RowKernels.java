package dev.parjit.it.kernels;

import dev.parjit.Jit;

/** Arrays of rows and loops counting down: every loop here must run in parallel in SPMD mode. */
public final class RowKernels {

  private RowKernels() { }

  /** Matrix product into a new {@code double[][]} (rows distributed, returned gathered). */
  @Jit
  public static double[][] matMul(double[][] a, double[][] b) {
    int n = a.length;
    int m = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /** A {@code long[][]} table made by rows. */
  @Jit
  public static long[][] rowTable(int n) {
    long[][] t = new long[n][3];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        t[i][j] = (long) i * 31 + j;
      }
    }
    return t;
  }

  /** Row-major 2-D data in a {@code long[]} ({@code t[k * i + j]}), allocated in blocks of rows. */
  @Jit
  public static long[] flatTable(int rows, int k) {
    long[] t = new long[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        t[k * i + j] = (long) i * 1000 + j;
      }
    }
    return t;
  }

  /** A reduction counting down to zero. */
  @Jit
  public static double countDownSum(double[] a) {
    double s = 0;
    for (int i = a.length - 1; i >= 0; i--) {
      s += a[i] * i;
    }
    return s;
  }

  /** A map counting down by 3 over an allocated array. */
  @Jit
  public static int[] stridedDown(int n) {
    int[] x = new int[n];
    for (int i = n - 1; i > 0; i -= 3) {
      x[i] = i * 5 + 1;
    }
    return x;
  }
}
