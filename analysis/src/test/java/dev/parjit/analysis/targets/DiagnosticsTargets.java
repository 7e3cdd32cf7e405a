package dev.parjit.analysis.targets;

import java.util.Arrays;

/** Methods whose distributed diagnostics are checked against golden text. */
public final class DiagnosticsTargets {

  /** Escapes into this field make arrays REP. */
  public static double[] last;

  private DiagnosticsTargets() { }

  public static double sumOfSquares(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
    }
    return s;
  }

  public static float[] saxpy(int n, float a) {
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = n - i;
    }
    for (int i = 0; i < n; i++) {
      y[i] = a * x[i] + y[i];
    }
    return y;
  }

  public static double monteCarlo(int n) {
    long inside = 0;
    for (int i = 0; i < n; i++) {
      long z = i * 0x9E3779B97F4A7C15L;
      double u = (z >>> 11) * 0x1.0p-53;
      if (u < 0.5) {
        inside++;
      }
    }
    return 4.0 * inside / n;
  }

  public static double prefixThenSum(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    double[] p = new double[n];
    for (int i = 1; i < n; i++) {
      p[i] = p[i - 1] + x[i];
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i];
    }
    return s + (n > 0 ? p[n - 1] : 0);
  }

  public static int firstNegative(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = 5 - i;
    }
    for (int i = 0; i < n; i++) {
      if (a[i] < 0) {
        return i;
      }
    }
    return -1;
  }

  public static String printed(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return Arrays.toString(x);
  }

  public static double keptInField(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    last = x;
    return x.length;
  }

  public static int[] histogram(int[] values, int bins) {
    int[] h = new int[bins];
    for (int i = 0; i < values.length; i++) {
      h[Math.floorMod(values[i], bins)]++;
    }
    return h;
  }

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  public static long nothingToDistribute(long a, long b) {
    return a * b + 1;
  }
}
