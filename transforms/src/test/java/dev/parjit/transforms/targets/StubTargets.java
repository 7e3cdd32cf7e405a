package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Spawn-mode targets: each {@code @Jit} method computes something the stub must not compute. */
public class StubTargets {

  @Jit
  public static double scale(int n, double a) {
    return n * a;
  }

  @Jit
  public static long count(long[] xs, boolean flag, char c, byte b, short s, float f) {
    return xs.length;
  }

  @Jit
  public static double[] map(double[] x) {
    return x.clone();
  }

  @Jit
  public static void touch(int[] a) {
    a[0] = 1;
  }

  @Jit(spawn = false)
  public static int inPlace(int n) {
    return n + 1;
  }

  public static int notJit(int n) {
    return n - 1;
  }

  @Jit
  public int instance(int n) {
    return n;
  }
}
