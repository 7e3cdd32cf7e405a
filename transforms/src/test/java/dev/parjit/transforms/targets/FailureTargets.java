package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Parallel loops whose iterations may throw: rewritten, they must fail (or not) exactly as the originals. */
public class FailureTargets {

  /** Divides by zero at index {@code k} (none when {@code k} is outside the array). */
  @Jit
  public static int divideAll(int[] a, int k) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] / (i - k);
    }
    return s;
  }

  /** Reads one past the end at the last index. */
  @Jit
  public static long nextSum(long[] a, int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i + 1];
    }
    return s;
  }

  /** The body's own handler still sees its exceptions first. */
  @Jit
  public static int caughtInside(int[] a, int k) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      try {
        s += a[i] / (i - k);
      } catch (ArithmeticException e) {
        s += 1000;
      }
    }
    return s;
  }
}
