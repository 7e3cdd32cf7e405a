package dev.parjit.it.kernels;

import dev.parjit.Jit;

/** Each reduction operator on each primitive type it applies to, over data made from the index. */
public final class OperatorKernels {

  private OperatorKernels() { }

  private static int v(int i) {
    return (int) ((i * 2654435761L) % 1000) - 500;
  }

  @Jit
  public static int intSum(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += v(i);
    }
    return s;
  }

  @Jit
  public static int intProd(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= (v(i) & 7) + 1;
    }
    return p;
  }

  @Jit
  public static int intMinMax(int n) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, v(i));
      hi = Math.max(hi, v(i));
    }
    return lo ^ hi;
  }

  @Jit
  public static int intBits(int n) {
    int and = -1;
    int or = 0;
    int xor = 0;
    for (int i = 0; i < n; i++) {
      and &= v(i) | 0x100;
      or |= v(i) & 0xF0;
      xor ^= v(i);
    }
    return and + 3 * or + 7 * xor;
  }

  @Jit
  public static long longSum(long n) {
    long s = 0;
    for (long i = 0; i < n; i++) {
      s += i * i - 3 * i;
    }
    return s;
  }

  @Jit
  public static long longProd(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= (i % 5) + 1;
    }
    return p;
  }

  @Jit
  public static long longMinMax(int n) {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long x = (long) v(i) * 1_000_003L;
      lo = Math.min(lo, x);
      hi = Math.max(x, hi);
    }
    return lo + hi;
  }

  @Jit
  public static long longBits(int n) {
    long and = -1L;
    long or = 0L;
    long xor = 0L;
    for (int i = 0; i < n; i++) {
      long x = (long) v(i) << 20;
      and &= x | 0xFFL;
      or |= x;
      xor ^= x;
    }
    return and ^ or ^ (xor * 3);
  }

  @Jit
  public static float floatSum(int n) {
    float s = 0;
    for (int i = 0; i < n; i++) {
      s += v(i) * 0.125f;
    }
    return s;
  }

  @Jit
  public static float floatMinMax(int n) {
    float lo = Float.MAX_VALUE;
    float hi = -Float.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, v(i) * 0.5f);
      hi = Math.max(hi, v(i) * 0.5f);
    }
    return hi - lo;
  }

  @Jit
  public static float floatProd(int n) {
    float p = 1;
    for (int i = 0; i < n; i++) {
      p *= 1.0f + (i % 3) * 0.0001f;
    }
    return p;
  }

  @Jit
  public static double doubleProd(int n) {
    double p = 1;
    for (int i = 0; i < n; i++) {
      p *= 1.0 + (i % 7) * 1e-6;
    }
    return p;
  }

  @Jit
  public static double doubleMinMax(int n) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, Math.sin(i));
      hi = Math.max(hi, Math.cos(i));
    }
    return n == 0 ? 0 : hi - lo;
  }

  @Jit
  public static double doubleSubtract(int n) {
    double s = 1000;
    for (int i = 0; i <= n; i += 2) {
      s -= Math.sqrt(i);
    }
    return s;
  }

  @Jit
  public static boolean anyNegative(int n) {
    boolean any = false;
    for (int i = 0; i < n; i++) {
      any |= v(i) < -498;
    }
    return any;
  }

  @Jit
  public static boolean allAboveMinimum(int n) {
    boolean all = true;
    for (int i = 0; i < n; i++) {
      all &= v(i) > -499;
    }
    return all;
  }

  @Jit
  public static long evenCounter(long n) {
    long count = 0;
    for (long i = 0; i < n; i++) {
      if (v((int) i) % 2 == 0) {
        count++;
      }
    }
    return count;
  }

  @Jit
  public static int endsBeforeLast(int[] a) {
    int s = 0;
    for (int i = 0; i < a.length - 1; i++) {
      s += a[i] * (i % 4);
    }
    return s;
  }

  /**
   * argmax keeps the first index of the maximum: a guarded extremum, each rank's best folded in rank
   * order with the same {@code >}, so the first index still wins.
   */
  @Jit
  public static int argmax(double[] a) {
    int best = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > max) {
        max = a[i];
        best = i;
      }
    }
    return best;
  }

  @Jit
  public static int argmin(int[] a) {
    int best = -1;
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < min) {
        min = a[i];
        best = i;
      }
    }
    return best;
  }
}
