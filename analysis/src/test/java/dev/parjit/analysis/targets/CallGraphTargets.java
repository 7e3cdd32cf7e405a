package dev.parjit.analysis.targets;

/** {@code @Jit} methods calling each other: which arrays may cross a call in chunks. */
public final class CallGraphTargets {

  private CallGraphTargets() { }

  /** Makes an array and passes it to a reader: the array can stay 1D. */
  public static double caller(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return total(x);
  }

  /** Reads its parameter in a parallel loop only. */
  public static double total(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  /** Passes its array to a method that writes into it: the array must stay whole. */
  public static double callerOfWriter(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return firstAfterReset(x);
  }

  /** Writes one element: callers' chunks would not see the write, and the index is not the loop's. */
  public static double firstAfterReset(double[] a) {
    a[0] = 1;
    return a[0];
  }

  /** Passes its array on to a method that keeps it whole: REP through two calls. */
  public static double callerOfCaller(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * i;
    }
    return forward(x);
  }

  /** Forwards its parameter to a method that does not accept chunks. */
  public static double forward(double[] a) {
    return backwards(a);
  }

  /** Reads every element in a sequential loop (a recurrence), at an index of its own: needs the whole array. */
  public static double backwards(double[] a) {
    double s = 0;
    for (int i = a.length - 1; i >= 0; i--) {
      s = s * 0.5 + a[a.length - 1 - i];
    }
    return s;
  }
  /** Passes its array to methods that write into it by {@code a[i] *= f} and through a local alias. */
  public static double callerOfUpdaters(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    scaleInPlace(x, 2);
    throughAlias(x);
    return x.length;
  }

  /**
   * Writes at the loop index by a compound assignment: javac's {@code dup2} hides the array from
   * the store's own operand. A caller outside {@code @Jit} code passes its whole array, which must
   * be written, not a copy of this rank's block.
   */
  public static void scaleInPlace(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  /** Writes through a local alias of its parameter. */
  public static void throughAlias(double[] a) {
    double[] b = a;
    for (int i = 0; i < b.length; i++) {
      b[i] = i;
    }
  }
  /**
   * Calls a compiled method once per row: the row loop must stay whole on every rank, or ranks
   * holding different numbers of rows reach the callee's collectives different numbers of times.
   */
  public static double[] rowTotals(double[][] m) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = total(m[i]);
    }
    return out;
  }
  /** Passes its array to a reader that returns it. */
  public static double callerOfReturner(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return passThrough(x).length;
  }

  /**
   * Reads its parameter in a parallel loop and returns it: a caller outside {@code @Jit} code must
   * get its own array back, not a copy of this rank's block.
   */
  public static double[] passThrough(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    if (s < 0) {
      throw new IllegalArgumentException("negative");
    }
    return a;
  }
}
