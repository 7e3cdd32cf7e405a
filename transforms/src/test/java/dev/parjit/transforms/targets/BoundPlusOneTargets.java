package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Loops bounded by {@code i + 1 < n} that read {@code a[i + 1]} (a halo of one above). */
public final class BoundPlusOneTargets {

  private BoundPlusOneTargets() { }

  @Jit
  public static int rises(int[] a) {
    int r = 0;
    for (int i = 0; i + 1 < a.length; i++) {
      if (a[i + 1] > a[i]) {
        r++;
      }
    }
    return r;
  }

  @Jit
  public static long variation(int[] counts) {
    final int n = counts.length;
    long total = 0;
    for (int i = 0; i + 1 < n; i++) {
      total += Math.abs(counts[i + 1] - counts[i]);
    }
    return total;
  }
}
