package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** SPMD targets: the entry hook, and a {@code distributed} request that cannot be honoured. */
public class SpmdTargets {

  @Jit(spawn = false, distributed = {"x"})
  public static double sum(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i];
    }
    return s;
  }

  /** x is read at its mirror index n - 1 - i: REP, so the request cannot be honoured. */
  @Jit(spawn = false, distributed = {"x"})
  public static double mirrored(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[x.length - 1 - i];
    }
    return s;
  }

  /** Nothing parallel: runs as it is, from any thread. */
  @Jit(spawn = false)
  public static int first(int[] a) {
    return a.length == 0 ? -1 : a[0];
  }
}
