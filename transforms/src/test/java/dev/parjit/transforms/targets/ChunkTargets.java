package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** In-place targets: after rewriting, a single rank must compute exactly what the original does. */
public class ChunkTargets {

  @Jit
  public static double sum(double[] a) {
    double s = 1.5;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  public static long[] squares(int n) {
    long[] v = new long[n];
    for (int i = 2; i <= n - 1; i += 3) {
      v[i] = (long) i * i;
    }
    return v;
  }

  @Jit
  public static int[] histogram(int[] data) {
    int[] h = new int[4];
    for (int i = 0; i < data.length; i++) {
      h[data[i] & 3] += 2;
    }
    return h;
  }

  @Jit
  public static long pairs(long n) {
    long c = 0;
    for (long i = 0; i != n; i++) {
      c += i % 7;
    }
    return c;
  }
}
