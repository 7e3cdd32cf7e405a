package dev.parjit.analysis.targets;

/**
 * Parallel loops whose index the analysis can or cannot prove inside their arrays (each method's
 * last loop is the one the test looks at).
 */
public final class IndexBoundsTargets {

  private IndexBoundsTargets() { }

  /** i < a.length of the array itself. */
  public static double overLength(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  /** i < n over new double[n]. */
  public static double[] overAllocationSize(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** i < n with n = a.length (a parameter), c allocated with n: a matrix product's rows. */
  public static double[][] throughLocal(double[][] a) {
    int n = a.length;
    double[][] c = new double[n][2];
    for (int i = 0; i < n; i++) {
      c[i][0] = a[i][0];
    }
    return c;
  }

  /** i < x.length: y is another parameter, checked aligned with x before the loop. */
  public static double otherParameter(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /** i from 1 to n - 2 over swapped buffers of n. */
  public static double[] swappedBuffers(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i + 1]) / 2;
      }
      double[] w = u;
      u = v;
      v = w;
    }
    return u;
  }

  /** Counting down from a.length - 1 to 0. */
  public static void down(double[] a) {
    for (int i = a.length - 1; i >= 0; i--) {
      a[i] = i;
    }
  }

  /** Flat rows: i < rows over new double[rows * k]. */
  public static double[] flatRows(int rows, int k) {
    double[] g = new double[rows * k];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        g[k * i + j] = i + j;
      }
    }
    return g;
  }

  /** i <= n over new double[n]: past the end. */
  public static double[] inclusive(int n) {
    double[] a = new double[n];
    for (int i = 0; i <= n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** i <= n - 1 over new double[n]: inside. */
  public static double[] inclusiveMinusOne(int n) {
    double[] a = new double[n];
    for (int i = 0; i <= n - 1; i++) {
      a[i] = i;
    }
    return a;
  }

  /** A first index that may be negative. */
  public static double[] fromParameter(int n, int first) {
    double[] a = new double[n];
    for (int i = first; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** The loop's bound is not the array's size. */
  public static double[] otherSize(int n, int m) {
    double[] a = new double[m];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Counting down from a.length: past the end at once. */
  public static void downFromLength(double[] a) {
    for (int i = a.length; i >= 0; i--) {
      a[i] = i;
    }
  }

  /** Counting down to -1. */
  public static void downPastZero(double[] a) {
    for (int i = a.length - 1; i > -2; i--) {
      a[i] = i;
    }
  }

  /** Flat rows through row {@code rows}: past the last row. */
  public static double[] flatRowsInclusive(int rows, int k) {
    double[] g = new double[rows * k];
    for (int i = 0; i <= rows; i++) {
      for (int j = 0; j < k; j++) {
        g[k * i + j] = i + j;
      }
    }
    return g;
  }

  /** The size is assigned twice: no one value to compare with. */
  public static double[] sizeAssignedTwice(int n) {
    int m = n;
    if (n > 3) {
      m = n - 1;
    }
    double[] a = new double[m];
    for (int i = 0; i < m; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * An optional array proven for itself (a null one fails on null first) but not for b, which may be
   * longer or shorter when a is null.
   */
  public static double maybeNull(int n, boolean make, double[] b) {
    double[] a = make ? new double[n] : null;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += b[i] + a[i];
    }
    return s;
  }
}
