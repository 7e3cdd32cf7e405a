package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Loops counting down: on one rank the rewritten code answers as the original, failures included. */
public class DownTargets {

  @Jit
  public static double sumDown(double[] a) {
    double s = 0.25;
    for (int i = a.length - 1; i >= 0; i--) {
      s += a[i] * (i + 1);
    }
    return s;
  }

  @Jit
  public static int[] everyThirdDown(int n) {
    int[] x = new int[n];
    for (int i = n - 1; i > 1; i -= 3) {
      x[i] = i * 7;
    }
    return x;
  }

  @Jit
  public static double[] halveDown(double[] a, int low) {
    double[] y = new double[a.length];
    for (int i = a.length - 1; i >= low; i--) {
      if (a[i] < 0) {
        throw new IllegalArgumentException("negative at " + i);
      }
      y[i] = a[i] / 2;
    }
    return y;
  }
}
