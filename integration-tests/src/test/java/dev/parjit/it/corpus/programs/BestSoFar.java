package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * The best element so far, written with an {@code if} as sequential code usually is: a maximum, the
 * index of a minimum (first of equal ones with {@code <}, last with {@code <=}), the best row of a
 * matrix, a comparison written the other way round, long and float keys, a NaN in the data and a
 * NaN to start from. Each rank keeps its own best; the ranks' bests are folded in rank order with
 * the same comparison. Beside them, loops that only look alike must stay sequential: a guard that
 * passes on NaN, a best stored as something other than what was compared, and a count of the
 * improvements.
 */
public final class BestSoFar implements EffectsProgram {

  @Jit
  static double largest(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
      }
    }
    return best;
  }

  @Jit
  static int firstSmallest(double[] a) {
    double min = Double.POSITIVE_INFINITY;
    int at = -1;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < min) {
        min = a[i];
        at = i;
      }
    }
    return at;
  }

  @Jit
  static int lastSmallest(int[] a) {
    int min = Integer.MAX_VALUE;
    int at = -1;
    for (int i = 0; i < a.length; i++) {
      if (a[i] <= min) {
        min = a[i];
        at = i;
      }
    }
    return at;
  }

  /** The row with the largest absolute entry, and the entry's column: a pivot search over a whole matrix. */
  @Jit
  static long[] largestEntry(double[][] m) {
    double best = -1;
    int row = -1;
    int col = -1;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        double v = Math.abs(m[i][j]);
        if (best < v) { // written the other way round
          best = v;
          row = i;
          col = j;
        }
      }
    }
    return new long[] {row, col, Double.doubleToLongBits(best)};
  }

  @Jit
  static long largestLong(long[] a, long floor) {
    long best = floor;
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= best) {
        best = a[i];
      }
    }
    return best;
  }

  @Jit
  static float smallestFloat(float[] a) {
    float best = Float.MAX_VALUE;
    for (int i = 0; i < a.length; i++) {
      float v = a[i] * 0.5f;
      if (v < best) {
        best = v;
      }
    }
    return best;
  }

  /** Starting from NaN nothing ever passes {@code v > best}: the answer is NaN and -1. */
  @Jit
  static double[] fromNaN(double[] a) {
    double best = Double.NaN;
    int at = -1;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
        at = i;
      }
    }
    return new double[] {best, at};
  }

  /** Trap: {@code !(v <= best)} passes on NaN, after which nothing beats the NaN. */
  @Jit
  static double passesOnNaN(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] <= best)) {
        best = a[i];
      }
    }
    return best;
  }

  /** Trap: the best is stored as something other than what was compared. */
  @Jit
  static double storesOther(double[] a) {
    double best = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i] + 1;
      }
    }
    return best;
  }

  /** Trap: the guarded block counts the improvements, which depends on the order of all of them. */
  @Jit
  static int improvements(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > best) {
        best = a[i];
        count++;
      }
    }
    return count;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 11);
    double[] withNaN = a.clone();
    if (n > 2) {
      withNaN[n / 2] = Double.NaN;
    }
    s.put("largest", largest(a));
    s.put("largestNaN", largest(withNaN));
    s.put("firstSmallest", firstSmallest(a));
    s.put("firstSmallestNaN", firstSmallest(withNaN));
    double[] ties = new double[n];
    for (int i = 0; i < n; i++) {
      ties[i] = i % 5; // the smallest, 0, at every fifth index: the first one must win
    }
    s.put("firstSmallestTies", firstSmallest(ties));
    int[] ints = Data.ints(n, 5);
    s.put("lastSmallest", lastSmallest(ints));
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Data.doubles(i % 4, i);
    }
    s.put("largestEntry", largestEntry(m));
    long[] longs = new long[n];
    for (int i = 0; i < n; i++) {
      longs[i] = ints[i] % 7;
    }
    s.put("largestLong", largestLong(longs, 3));
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) a[i];
    }
    s.put("smallestFloat", smallestFloat(f));
    s.put("fromNaN", fromNaN(a));
    s.put("passesOnNaN", passesOnNaN(withNaN));
    s.put("storesOther", storesOther(a));
    s.put("improvements", improvements(a));
    // the caller's arrays, which the kernels only read
    s.put("a", a);
    s.put("withNaN", withNaN);
    s.put("ties", ties);
    s.put("ints", ints);
    s.put("m", m);
    s.put("longs", longs);
    s.put("f", f);
  }
}
