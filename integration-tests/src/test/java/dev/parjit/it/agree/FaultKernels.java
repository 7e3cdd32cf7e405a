package dev.parjit.it.agree;

import dev.parjit.Jit;

/** SPMD kernels whose iterations fail at one index, so exactly one rank's block throws. */
public final class FaultKernels {

  private FaultKernels() { }

  /** Integer division by zero at index {@code k}. */
  @Jit(spawn = false)
  public static int divide(int[] a, int k) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] / (i - k);
    }
    return s;
  }

  /** Reads {@code a[i + 1]}: out of bounds at the last index when {@code n == a.length}. */
  @Jit(spawn = false)
  public static double next(double[] a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i + 1];
    }
    return s;
  }

  /** The same sum as {@link #divide}, never compiled: the expected answer on every rank. */
  static int divideSequentially(int[] a, int k) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] / (i - k);
    }
    return s;
  }
}
