package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/**
 * Spawn-mode targets: each {@code @Jit} method has a parallel loop (so it is shipped) and computes
 * something the stub must not compute; the last ones stay on the driver.
 */
public class StubTargets {

  @Jit
  public static double scale(int n, double a) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a;
    }
    return s;
  }

  @Jit
  public static long count(long[] xs, boolean flag, char c, byte b, short s, float f) {
    long total = 0;
    for (int i = 0; i < xs.length; i++) {
      total += xs[i];
    }
    return total;
  }

  @Jit
  public static double[] map(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * 2;
    }
    return y;
  }

  @Jit
  public static void touch(int[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = 1;
    }
  }

  @Jit(spawn = false)
  public static int inPlace(int n) {
    return n + 1;
  }

  public static int notJit(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += 1;
    }
    return s - 1;
  }

  /** Nothing parallel: runs on the driver. */
  @Jit
  public static int sequentialOnly(int[] a) {
    int s = 0;
    for (int i = 1; i < a.length; i++) {
      a[i] = a[i - 1] + a[i];
      s = a[i];
    }
    return s;
  }

  /** Parallel, but it prints: runs on the driver. */
  @Jit
  public static double prints(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += i;
    }
    System.out.println(s);
    return s;
  }

  @Jit
  public int instance(int n) {
    return n;
  }

  private double[] weights = {1, 2};

  /** An instance method reading fields of its receiver in a parallel loop: shipped with them. */
  @Jit
  public double weighted(int n) {
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i] * n;
    }
    return s;
  }

  /** No loop: reads a field array's length, as a getter does. Runs on the driver. */
  @Jit
  public int weightCount() {
    return weights.length;
  }

  /** No loop: one element of an array argument. Runs on the driver, nothing shipped. */
  @Jit
  public static double first(double[] a) {
    return a[0] + a.length;
  }

  /** No loop of its own, but its callee's runs in parallel: shipped. */
  @Jit
  public static double[] twice(double[] x) {
    return map(x);
  }
}
