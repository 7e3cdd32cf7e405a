package dev.parjit.analysis.targets;

/** One method per construct the analysis must recognise (or refuse). */
public final class LoopTargets {

  private LoopTargets() { }

  public static double sum(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  public static long countLong(long n) {
    long c = 0;
    for (long i = 0; i < n; i += 3) {
      if ((i & 1) == 0) {
        c++;
      }
    }
    return c;
  }

  public static int minLe(int[] a, int n) {
    int m = Integer.MAX_VALUE;
    for (int i = 1; i <= n; i++) {
      m = Math.min(m, a[i]);
    }
    return m;
  }

  public static double[] fill(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  public static double[] prefix(double[] a) {
    double[] p = new double[a.length];
    for (int i = 1; i < a.length; i++) {
      p[i] = p[i - 1] + a[i];
    }
    return p;
  }

  public static int search(int[] a) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 7) {
        return i;
      }
    }
    return -1;
  }

  public static double recurrence(int n) {
    double x = 1;
    for (int i = 0; i < n; i++) {
      x = x * 0.5 + 1;
    }
    return x;
  }

  static int counter;

  public static void writesField(int n) {
    for (int i = 0; i < n; i++) {
      counter += i;
    }
  }

  public static int callsUnknown(java.util.List<Integer> list, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += list.get(i);
    }
    return s;
  }

  public static int indexAfter(int n) {
    int i;
    int s = 0;
    for (i = 0; i < n; i++) {
      s += i;
    }
    return i + s;
  }

  public static double[] escapes(int n, java.util.List<double[]> sink) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    sink.add(x);
    return x;
  }

  /** In place at the loop's own index: the parameter stays 1D (spawn mode scatters it). */
  public static void scaleInPlace(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  /** In place at another index: sequential. */
  public static void shiftInPlace(double[] a) {
    for (int i = 0; i < a.length - 1; i++) {
      a[i + 1] += a[i];
    }
  }

  /** Checks its input and throws: parallel (ranks agree on the first exception). */
  public static double checked(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        throw new IllegalArgumentException("negative at " + i);
      }
      s += a[i];
    }
    return s;
  }

  /** Its throw path reads the array: sequential. */
  public static double checkedReadingTheArray(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        throw new IllegalArgumentException("negative " + a[i]);
      }
      s += a[i];
    }
    return s;
  }

  /** Nearest-of-two assignment: per-cluster sums at a computed index (array reduction) over 1D points. */
  public static double[] clusterSums(double[] x, double[] centres) {
    double[] sums = new double[centres.length];
    for (int i = 0; i < x.length; i++) {
      int best = Math.abs(x[i] - centres[0]) <= Math.abs(x[i] - centres[1]) ? 0 : 1;
      sums[best] += x[i];
    }
    return sums;
  }
}
