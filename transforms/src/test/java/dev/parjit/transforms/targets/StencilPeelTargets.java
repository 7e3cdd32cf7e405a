package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/**
 * Stencil loops of several shapes, written as plain sequential Java: the rewritten loop runs in three
 * parts (halo, interior, halo) and must leave exactly what the original leaves on any number of ranks.
 */
public class StencilPeelTargets {

  /** Three points in a time loop over two swapped buffers. */
  @Jit
  public static double[] jacobi(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 7 * 0.5;
      v[i] = u[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) * (1.0 / 3);
      }
      double[] swap = u;
      u = v;
      v = swap;
    }
    return u;
  }

  /** Offsets -2 and +3: wider than a neighbour's element, so short chunks read across several ranks. */
  @Jit
  public static double[] wide(double[] u) {
    double[] v = new double[u.length];
    for (int i = 2; i < u.length - 3; i++) {
      v[i] = u[i - 2] * 0.5 + u[i + 3];
    }
    return v;
  }

  /** A step of 2: the interior's bounds hold for every index the loop visits. */
  @Jit
  public static double[] stepped(double[] u) {
    double[] v = new double[u.length];
    for (int i = 1; i < u.length - 1; i += 2) {
      v[i] = u[i - 1] - u[i + 1];
    }
    return v;
  }

  /** A handler and a continue inside the body: each copy of the loop keeps its own. */
  @Jit
  public static int[] guarded(int[] u) {
    int[] v = new int[u.length];
    for (int i = 1; i < u.length - 1; i++) {
      if (u[i] == 3) {
        continue;
      }
      try {
        v[i] = 100 / (u[i - 1] - u[i + 1]);
      } catch (ArithmeticException e) {
        v[i] = -1;
      }
    }
    return v;
  }

  /** An inner loop reading the stencil array at the outer index. */
  @Jit
  public static double[] inner(double[] u, int m) {
    double[] v = new double[u.length];
    for (int i = 1; i < u.length - 1; i++) {
      double s = 0;
      for (int k = 0; k < m; k++) {
        s += u[i - 1] * k + u[i + 1];
      }
      v[i] = s;
    }
    return v;
  }

  /** Two stencil arrays of other element types and offsets: the interior is where both stay inside. */
  @Jit
  public static long[] two(long[] a, float[] b) {
    long[] v = new long[a.length];
    for (int i = 1; i < a.length - 2; i++) {
      v[i] = a[i - 1] + (long) b[i + 2];
    }
    return v;
  }

  /** Reads one past the end at the last index: the sequential exception, from the last part of the loop. */
  @Jit
  public static double[] pastTheEnd(double[] u) {
    double[] v = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      v[i] = u[i] + u[i + 1];
    }
    return v;
  }
}
