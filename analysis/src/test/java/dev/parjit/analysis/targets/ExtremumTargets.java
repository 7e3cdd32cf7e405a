package dev.parjit.analysis.targets;

/** Loops keeping the best element so far, and loops that only look like them. */
@SuppressWarnings("unused")
public final class ExtremumTargets {

  private ExtremumTargets() { }

  static int argmax(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    int at = -1;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
        at = i;
      }
    }
    return at;
  }

  static double reversedWithLocal(double[] a) {
    double best = 0;
    for (int i = 0; i < a.length; i++) {
      double v = Math.abs(a[i]);
      if (best < v) {
        best = v;
      }
    }
    return best;
  }

  static int lastMinimumInt(int[] a) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < a.length; i++) {
      if (a[i] <= min) {
        min = a[i];
      }
    }
    return min;
  }

  /** The companion is never read after the loop: it does not travel. */
  static double deadCompanion(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    int at;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
        at = i;
      }
    }
    return best;
  }

  static double passesOnNaN(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] <= best)) {
        best = a[i];
      }
    }
    return best;
  }

  static double storesAnotherValue(double[] a) {
    double best = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i] * 2;
      }
    }
    return best;
  }

  static int countsImprovements(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
        count++;
      }
    }
    return count;
  }

  static double readsBestElsewhere(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    double runningMaxima = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
      }
      runningMaxima += best;
    }
    return runningMaxima;
  }

  static double withElse(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    double other = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
      } else {
        other = a[i];
      }
    }
    return best + other;
  }
}
