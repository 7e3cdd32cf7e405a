package dev.parjit.analysis.targets;

/** Single elements of distributed arrays read outside parallel loops. */
public final class ElementReadTargets {

  private ElementReadTargets() { }

  /** A Jacobi time loop, then the middle point: the buffers stay split, the read is shared by its holder. */
  public static double middleAfterSteps(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i;
      v[i] = i;
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
      }
      double[] swap = u;
      u = v;
      v = swap;
    }
    return u[n / 2];
  }

  /** A probe read once per time step, inside the time loop: one shared element per step. */
  public static double probeEachStep(int n, int steps) {
    int[] a = new int[n];
    double probe = 0;
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        a[i] = i * t;
      }
      probe += a[0];
    }
    return probe;
  }

  /** Every element read in a sequential loop: one collective per element would be paid, so it is whole. */
  public static double sequentialSweep(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = s * 0.5 + a[n - 1 - i];
    }
    return s;
  }

  /** A row of a 2-D array is not an element: {@code AALOAD} outside the row loop keeps the rows whole. */
  public static double firstRowSum(int n) {
    double[][] m = new double[n][3];
    for (int i = 0; i < n; i++) {
      m[i][0] = i;
    }
    double[] first = m[0];
    return first[0];
  }
}
