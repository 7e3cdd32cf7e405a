package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Loops whose iterations cannot throw, and one that can: only the latter needs a failure agreement. */
public final class NoThrowTargets {

  private NoThrowTargets() { }

  @Jit(spawn = false)
  public static double arithmetic(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.sqrt(i) * 0.5;
    }
    return s;
  }

  @Jit(spawn = false)
  public static long dividing(int n, int k) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += 100 / (i - k);
    }
    return s;
  }
}
