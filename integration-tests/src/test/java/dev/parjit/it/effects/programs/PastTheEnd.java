package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Parallel loops that index their arrays outside them: {@code i <= n} over {@code new double[n]}, a
 * first index of {@code -1}, a loop counting down from {@code n} or down to {@code -1}, rows past a
 * matrix's row count, flat rows {@code g[k * i + j]} past the last row, an array shorter than the
 * loop. The sequential run throws {@code ArrayIndexOutOfBoundsException: Index 5 out of bounds for
 * length 5}; SPMD mode threw it with the failing rank's chunk's index and length ({@code Index 2 out
 * of bounds for length 2}), since the access {@code a[i - start]} is checked against the chunk. Reads
 * through a halo ({@code a[i + 1]}, {@code a[i - 1]}) and a value that fails before its store is
 * checked keep their own exceptions. Each kernel also runs at {@code n + 4} for {@code n < 2}, so the
 * sizes 4 and 5 are covered too.
 */
public final class PastTheEnd implements EffectsProgram {

  /**
   * Writes one element past the end; prints each element as it goes (SPMD: each rank's lines wait for
   * the agreement, and only those up to the failure are printed). Called once per run: the suite
   * compares a run's lines concatenated in rank order with the sequential ones.
   */
  @Jit
  static double[] halvesThrough(int n, int last) {
    double[] a = new double[n];
    for (int i = 0; i <= last; i++) {
      a[i] = i * 0.5;
      System.out.println("OUT PastTheEnd halvesThrough " + n + " i=" + i);
    }
    return a;
  }

  /** Reads one element past the end into a sum (a checked load in a reduction loop). */
  @Jit
  static double sumThrough(int n, int last) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i + 0.25;
    }
    double s = 0;
    for (int i = 0; i <= last; i++) {
      s += a[i];
    }
    return s;
  }

  /** An in-place update of a long array past its end, and a count the loop carries. */
  @Jit
  static long bumpThrough(int n, int last) {
    long[] a = new long[n];
    long count = 0;
    for (int i = 0; i <= last; i++) {
      a[i] += i * 3L;
      count++;
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i];
    }
    return s * 1000 + count;
  }

  /** Starts at {@code first} (-1: the first access is before the array). */
  @Jit
  static int[] countFrom(int n, int first) {
    int[] b = new int[n];
    for (int i = first; i < n; i++) {
      b[i] = i * 2 + 1;
    }
    return b;
  }

  /** Counts down from {@code top} ({@code n}: past the end at once) to {@code bottom} (-1: before the start). */
  @Jit
  static float[] downFrom(int n, int top, int bottom) {
    float[] c = new float[n];
    for (int i = top; i >= bottom; i--) {
      c[i] = i * 1.5f;
    }
    return c;
  }

  /** Flags in byte and boolean arrays (BASTORE serves both) through {@code last}. */
  @Jit
  static int flagsThrough(int n, int last) {
    boolean[] seen = new boolean[n];
    byte[] marks = new byte[n];
    for (int i = 0; i <= last; i++) {
      marks[i] = (byte) (i % 7);
      seen[i] = i % 2 == 0;
    }
    int t = 0;
    for (int i = 0; i < n; i++) {
      t += marks[i] + (seen[i] ? 100 : 0);
    }
    return t;
  }

  /** Rows of a matrix through {@code last}: the row access {@code m[i]} past the row count. */
  @Jit
  static double[][] rowsThrough(int n, int last) {
    double[][] m = new double[n][2];
    for (int i = 0; i <= last; i++) {
      m[i][0] = i;
      m[i][1] = -i;
    }
    return m;
  }

  /** Flat rows {@code g[k * i + j]} through row {@code last}. */
  @Jit
  static double[] gridThrough(int rows, int k, int last) {
    double[] g = new double[rows * k];
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < k; j++) {
        g[k * i + j] = i * 10 + j;
      }
    }
    return g;
  }

  /** A loop over {@code n} writing an array of {@code m} elements. */
  @Jit
  static double[] shorterArray(int n, int m) {
    double[] a = new double[m];
    for (int i = 0; i < n; i++) {
      a[i] = i + 1;
    }
    return a;
  }

  /** The value fails before its store is checked: the sequential run throws ArithmeticException at i = n. */
  @Jit
  static int[] quotientsThrough(int n) {
    int[] q = new int[n];
    for (int i = 0; i <= n; i++) {
      q[i] = 60 / (n - i);
    }
    return q;
  }

  /** Reads {@code a[i + 1]} and {@code a[i - 1]} through the halo: past the end, before the start. */
  @Jit
  static double neighbours(int n, int from) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i * i;
    }
    double s = 0;
    for (int i = from; i < n; i++) {
      s += a[i + 1] - a[i - 1];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    call(s, "halvesThrough", () -> halvesThrough(n, n));
    for (int size : n < 2 ? new int[] {n, n + 4} : new int[] {n}) {
      String at = " " + size;
      for (int last : new int[] {size - 1, size}) {
        String key = at + " last=" + last;
        call(s, "sumThrough" + key, () -> sumThrough(size, last));
        call(s, "bumpThrough" + key, () -> bumpThrough(size, last));
        call(s, "flagsThrough" + key, () -> flagsThrough(size, last));
        call(s, "rowsThrough" + key, () -> rowsThrough(size, last));
        call(s, "gridThrough" + key, () -> gridThrough(size, 3, last));
      }
      call(s, "countFrom" + at + " 0", () -> countFrom(size, 0));
      call(s, "countFrom" + at + " -1", () -> countFrom(size, -1));
      call(s, "downFrom" + at + " top", () -> downFrom(size, size, 0));
      call(s, "downFrom" + at + " bottom", () -> downFrom(size, size - 1, -1));
      call(s, "downFrom" + at + " inside", () -> downFrom(size, size - 1, 0));
      call(s, "shorterArray" + at, () -> shorterArray(size, size / 2));
      call(s, "quotientsThrough" + at, () -> quotientsThrough(size));
      call(s, "neighbours" + at + " 1", () -> neighbours(size, 1));
      call(s, "neighbours" + at + " 0", () -> neighbours(size, 0));
    }
  }

  /** Puts the kernel's result, or the exception it threw, under {@code key}. */
  private static void call(State s, String key, java.util.function.Supplier<Object> kernel) {
    try {
      s.put(key, kernel.get());
    } catch (RuntimeException e) {
      s.put(key + " thrown", e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
