package dev.parjit.analysis.targets;

/** Replicated arrays written at a loop's index (SPMD), and loops that look alike but are not. */
public final class SharedBlockTargets {

  private static double[] table = new double[8];

  private double[] weights = new double[8];

  /** A series of terms per element: each iteration runs a loop of Math.sin calls. */
  private static double terms(double x) {
    double t = 0;
    for (int k = 1; k <= 8; k++) {
      t += Math.sin(k * x) / k;
    }
    return t;
  }

  /** Written at the index, another parameter read around it: checked for aliasing at run time. */
  public static void smooth(double[] src, double[] dst) {
    for (int i = 1; i < dst.length - 1; i++) {
      double v = 0;
      for (int k = 1; k <= 4; k++) {
        v += Math.exp(-k * (src[i - 1] + src[i + 1]));
      }
      dst[i] = v;
    }
  }

  /** The same without the inner loop of transcendental calls: too cheap to share. */
  public static void smoothCheaply(double[] src, double[] dst) {
    for (int i = 1; i < dst.length - 1; i++) {
      dst[i] = (src[i - 1] + src[i + 1]) / 2;
    }
  }

  /** A field of this and a static of the class read at other indices: checked too. */
  public void weigh(double[] out, double[] xs) {
    for (int i = 0; i < out.length; i++) {
      double w = 0;
      for (int k = 0; k < weights.length; k++) {
        w += Math.pow(weights[k], xs[i]);
      }
      out[i] = w + table[0];
    }
  }

  /** The holder read at the next index: the next rank's part would be read before it is written. */
  public static void shiftDown(double[] a) {
    for (int i = 0; i < a.length - 1; i++) {
      a[i] = a[i + 1] + terms(i);
    }
  }

  /** A row of a matrix read at another index: it may be the holder, and there is nothing to compare. */
  public static void fromRow(double[] a, double[][] m) {
    for (int i = 0; i < a.length; i++) {
      a[i] = m[0][(i + 1) % a.length] + terms(i);
    }
  }

  /** The holder passed to a helper. */
  public static void passed(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = first(a) + terms(i);
    }
  }

  private static double first(double[] a) {
    return a[0];
  }

  /** {@code a[i] += v}: the array-reduction rule keeps it. */
  public static void bump(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] += i;
    }
  }
}
