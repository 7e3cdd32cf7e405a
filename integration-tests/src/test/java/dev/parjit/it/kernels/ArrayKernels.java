package dev.parjit.it.kernels;

import dev.parjit.Jit;

/** Kernels that make arrays inside the method: 1D_Block where possible, REP otherwise. */
public final class ArrayKernels {

  private ArrayKernels() { }

  /** Maps producing arrays, returned to the caller (gathered). Parallel. */
  @Jit
  public static float[] saxpy(int n, float a) {
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5f;
      y[i] = n - i;
    }
    float[] z = new float[n];
    for (int i = 0; i < z.length; i++) {
      z[i] = a * x[i] + y[i];
    }
    return z;
  }

  /** Data made inside @Jit, then reduced. Parallel. */
  @Jit
  public static double sumOfSquaresArray(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.25;
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
    }
    return s;
  }

  /** A stride-2 map from 1 to n-1 over an int array. Parallel. */
  @Jit
  public static int[] oddSquares(int n) {
    int[] r = new int[n];
    for (int i = 1; i < n - 1; i += 2) {
      r[i] = i * i;
    }
    return r;
  }

  /** Matrix–vector with a replicated double[][] and a 1D result. Outer loop parallel. */
  @Jit
  public static double[] matVec(double[][] m, double[] x) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += m[i][j] * x[j];
      }
      y[i] = s;
    }
    return y;
  }

  /** A long array map, then a long sum. Parallel. */
  @Jit
  public static long longSquares(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = (long) i * i;
    }
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += v[i];
    }
    return total;
  }

  /** A histogram: an array reduction at data-dependent indices. Parallel, one element-wise allreduce. */
  @Jit
  public static int[] histogram(int[] data) {
    int[] h = new int[10];
    for (int i = 0; i < data.length; i++) {
      h[data[i] % 10]++;
    }
    return h;
  }

  /** A 3-point stencil: x is read at i±1 so it stays replicated; the output loop is parallel. */
  @Jit
  public static double[] stencil(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i * 37 % 11) * 1.5;
    }
    double[] out = new double[n];
    for (int i = 1; i < n - 1; i++) {
      out[i] = (x[i - 1] + x[i] + x[i + 1]) / 3;
    }
    return out;
  }
}
