package dev.parjit.analysis.targets;

/** SPMD methods whose {@code distributed} parameter the analysis can or cannot keep 1D. */
public class DistributedRequestTargets {

  /** Honoured: read only at the loop's index. */
  public static double sum(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i];
    }
    return s;
  }

  /** A neighbour's element: each rank would need its neighbour's chunk. */
  public static double shifted(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length - 1; i++) {
      s += x[i + 1];
    }
    return s;
  }

  /** Read back to front: no rank's chunk holds what its iterations read. */
  public static double reversed(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[x.length - 1 - i];
    }
    return s;
  }

  /** Not an array. */
  public static double scale(int x) {
    return 2.0 * x;
  }

  /** Reassigned before use. */
  public static double reassigned(double[] x) {
    x = new double[] {1, 2};
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i];
    }
    return s;
  }
}
