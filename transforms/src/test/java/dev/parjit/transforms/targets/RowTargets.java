package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Arrays of rows: distributed by their outer dimension; on one rank the rewritten code answers as the original. */
public class RowTargets {

  @Jit
  public static double[][] multiply(double[][] a, double[][] b) {
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

  @Jit
  public static int[][] triangle(int n) {
    int[][] t = new int[n][];
    for (int i = 0; i < t.length; i++) {
      t[i] = new int[i + 1];
      for (int j = 0; j <= i; j++) {
        t[i][j] = i * j;
      }
    }
    return t;
  }

  @Jit
  public static long[][][] cube(int n, int m) {
    long[][][] t = new long[n][m][2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        t[i][j][1] = (long) i * m + j;
      }
    }
    return t;
  }

  @Jit
  public static float[] flatGrid(int rows, int k) {
    float[] g = new float[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        g[k * i + j] = i * 0.5f + j;
      }
    }
    for (int i = 1; i < rows; i += 2) {
      for (int j = 0; j < k; j++) {
        g[i * k + j] *= -1;
      }
    }
    return g;
  }

  @Jit
  public static void scaleRows(double[][] m, double f) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] *= f;
      }
    }
  }

  /** A fresh grid of {@code h × w}: its interior columns from {@code a}'s neighbours {@code c ± 1} in the row. */
  @Jit
  public static double[] interior(double[] a, int h, int w) {
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
