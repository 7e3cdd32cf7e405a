package dev.parjit.it.install;

import dev.parjit.Jit;

/** Loaded after {@code Parjit.install()}: compiled for spawn mode. */
public final class LateKernels {

  private LateKernels() { }

  @Jit
  public static double sumOfSquares(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.25 - 3;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i] * x[i];
    }
    return s;
  }
}
