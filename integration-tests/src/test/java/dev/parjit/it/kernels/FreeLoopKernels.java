package dev.parjit.it.kernels;

import dev.parjit.Jit;

/**
 * Kernels whose loops read replicated data and combine scalar reductions, plus loops that must
 * stay sequential. Every one runs without the agent (the oracle) and on 1–4 SPMD ranks.
 */
public final class FreeLoopKernels {

  private FreeLoopKernels() { }

  private static long splitmix64(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Monte Carlo π: a long index, a helper per index, a long counter. Parallel. */
  @Jit
  public static double monteCarloPi(long n) {
    long inside = 0;
    for (long i = 0; i < n; i++) {
      long r = splitmix64(i);
      double x = (r >>> 11) * 0x1.0p-53;
      double y = (splitmix64(r) >>> 11) * 0x1.0p-53;
      if (x * x + y * y <= 1.0) {
        inside++;
      }
    }
    return n == 0 ? 0 : 4.0 * inside / n;
  }

  /** Double sum of squares over the index. Parallel. */
  @Jit
  public static double sumOfSquares(int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += 0.5 * i * i;
    }
    return s;
  }

  /** Dot product of replicated arrays. Parallel. */
  @Jit
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Two passes: mean, then variance. Both parallel. */
  @Jit
  public static double variance(double[] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i];
    }
    double mean = a.length == 0 ? 0 : sum / a.length;
    double sq = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - mean;
      sq += d * d;
    }
    return a.length == 0 ? 0 : sq / a.length;
  }

  /** Math.min and Math.max reductions on int. Parallel. */
  @Jit
  public static long minPlusMax(int[] a) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < a.length; i++) {
      min = Math.min(min, a[i]);
      max = Math.max(a[i], max);
    }
    return (long) min + max;
  }

  /** Long product and int bitwise reductions. Parallel. */
  @Jit
  public static long bitsAndProduct(int[] a) {
    long prod = 1;
    int and = -1;
    int or = 0;
    int xor = 0;
    for (int i = 0; i < a.length; i++) {
      prod *= (a[i] & 3) + 1;
      and &= a[i];
      or |= a[i];
      xor ^= a[i];
    }
    return prod * 31 + and + 7L * or + 13L * xor;
  }

  /** Boolean any/all and a conditional counter. Parallel. */
  @Jit
  public static int anyAllCount(int[] a) {
    boolean any = false;
    boolean all = true;
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      any |= a[i] > 90;
      all &= a[i] >= 0;
      if (a[i] % 3 == 0) {
        count++;
      }
    }
    return (any ? 1 : 0) + (all ? 2 : 0) + 4 * count;
  }

  /** Float sum with stride 3 from 1, <= bound, and subtraction. Parallel. */
  @Jit
  public static float strideFloat(int n) {
    float s = 0;
    for (int i = 1; i <= n - 1; i += 3) {
      s -= 0.25f * i;
    }
    return s;
  }

  /** Outer loop parallel, inner loop sequential in each iteration. */
  @Jit
  public static long triangle(int n) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i % 50; j++) {
        total += (long) i * j;
      }
    }
    return total;
  }

  /** Prefix sum writes an array it reads back: must stay sequential and correct. */
  @Jit
  public static double prefixLast(double[] a) {
    double[] p = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      p[i] = (i == 0 ? 0 : p[i - 1]) + a[i];
    }
    return a.length == 0 ? -1 : p[a.length - 1];
  }

  /** Early exit: must stay sequential and correct. */
  @Jit
  public static int firstAbove(int[] a, int limit) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] > limit) {
        return i;
      }
    }
    return -1;
  }

  /** A recurrence carried through a scalar that is not a reduction: sequential. */
  @Jit
  public static double recurrence(int n) {
    double x = 1;
    for (int i = 0; i < n; i++) {
      x = 0.5 * x + i;
    }
    return x;
  }

  /** Prints inside a parallel loop run on every rank, each for its own iterations (as in Bodo). */
  @Jit
  public static int printIterations(int n) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      System.out.println("ITER " + i);
      count++;
    }
    return count;
  }

  /** SPMD: each rank passes its own chunk (distributed = "chunk"); the sum covers all chunks. */
  @Jit(distributed = {"chunk"})
  public static double distributedSum(double[] chunk) {
    double s = 0;
    for (int i = 0; i < chunk.length; i++) {
      s += chunk[i] * 2;
    }
    return s + chunk.length;
  }

  /** A @Jit method calling another with an array it made: the callee must see it whole, once. */
  @Jit
  public static double callsJit(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 13;
    }
    return dot(x, x) + variance(x);
  }
}
