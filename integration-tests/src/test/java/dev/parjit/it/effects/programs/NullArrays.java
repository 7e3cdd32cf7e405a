package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Arrays that are null on some path, read by a parallel loop: the sequential run throws the JVM's
 * helpful {@code NullPointerException} ({@code Cannot load from double array because "x" is null},
 * {@code Cannot read the array length because "x" is null}) at the first read, and nothing at all when
 * the loop runs no iteration. In SPMD mode the rank's range was taken from the array before the loop
 * ({@code Array.getLength(null)}), which threw a message-less exception even for an empty loop, and
 * {@code x.length}, rewritten into the global length, lost the message naming the variable.
 */
public final class NullArrays implements EffectsProgram {

  /** A buffer made only when asked for, as optional work arrays often are. */
  @Jit
  static double sumOfMaybe(int n, boolean make) {
    double[] x = make ? new double[n] : null;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i] + i;
    }
    return s;
  }

  @Jit
  static double lengthOfMaybe(int n, boolean make) {
    double[] x = make ? new double[n] : null;
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] + 1;
    }
    return s;
  }

  /**
   * Reads its optional buffer only when it was made: without it every index must still count once (a
   * null array that let each rank run the whole range counted every index once per rank).
   */
  @Jit
  static double countOrSum(int n, boolean make) {
    double[] x = make ? new double[n] : null;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += make ? x[i] + 2 : 1;
    }
    return s;
  }

  /** The same counting down. */
  @Jit
  static double countOrSumDown(int n, boolean make) {
    double[] x = make ? new double[n] : null;
    double s = 0;
    for (int i = n - 1; i >= 0; i--) {
      s += make ? x[i] + 2 : 1;
    }
    return s;
  }

  /** An optional buffer beside one that is always made: the loop is split as the one that exists. */
  @Jit
  static double withOptional(int n, boolean make) {
    double[] x = make ? new double[n] : null;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i * 0.5;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (make ? x[i] : 1) + y[i] * y[i];
    }
    return s;
  }

  /** A second array argument the caller left null. */
  @Jit
  static double dotWithNull(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    for (boolean make : new boolean[] {true, false}) {
      try {
        s.put("sumOfMaybe " + make, sumOfMaybe(n, make));
      } catch (NullPointerException e) {
        s.put("sumOfMaybe " + make + " thrown", e.getClass().getName() + ": " + e.getMessage());
      }
      s.put("countOrSum " + make, countOrSum(n, make));
      s.put("countOrSumDown " + make, countOrSumDown(n, make));
      s.put("withOptional " + make, withOptional(n, make));
      try {
        s.put("lengthOfMaybe " + make, lengthOfMaybe(n, make));
      } catch (NullPointerException e) {
        s.put("lengthOfMaybe " + make + " thrown", e.getClass().getName() + ": " + e.getMessage());
      }
    }
    double[] a = Data.doubles(n, 41);
    try {
      s.put("dotWithNull", dotWithNull(a, null));
    } catch (NullPointerException e) {
      s.put("dotWithNull thrown", e.getClass().getName() + ": " + e.getMessage());
    }
    s.put("a", a);
  }
}
