package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A fixed row read by a loop over rows (an LU pivot row {@code a[k * n + j]}) of a {@code rows × n} matrix
 * with more rows than columns, called with every pivot and with pivots out of range: past the width, where
 * the sequential program reads the next row's first element as "column {@code k}" without failing (the
 * parallel loop's check fails and the original code runs on the driver), past the rows and negative (the
 * sequential {@code ArrayIndexOutOfBoundsException}).
 */
public final class PivotRows implements EffectsProgram {

  /** Rows {@code k + 1 .. rows - 1} of a {@code rows × n} matrix, each minus a multiple of row {@code k}. */
  @Jit
  static void eliminateRows(double[] a, int n, int rows, int k) {
    for (int i = k + 1; i < rows; i++) {
      double f = a[i * n + k] / a[k * n + k];
      a[i * n + k] = f;
      for (int j = k + 1; j < n; j++) {
        a[i * n + j] -= f * a[k * n + j];
      }
    }
  }

  /**
   * The same with the first row in a local assigned once ({@code first = k + 1}): row {@code k} still lies
   * before every row the loop runs.
   */
  @Jit
  static void eliminateBelow(double[] a, int n, int rows, int k) {
    int first = k + 1;
    for (int i = first; i < rows; i++) {
      double f = a[i * n + k] / a[k * n + k];
      a[i * n + k] = f;
      for (int j = k + 1; j < n; j++) {
        a[i * n + j] -= f * a[k * n + j];
      }
    }
  }

  @Override
  public void run(int size) {
    State s = new State(this, size);
    int n = Math.min(size, 7);
    int rows = n + 3; // k = n reads "column n" of row n + 1: the first element of row n + 2
    double[] a = Data.doubles(rows * n, 140);
    for (int i = 0; i < rows && i < n; i++) {
      a[i * n + i] += 4 * n; // keep the pivots away from 0
    }
    // every pivot row, then those past the width (n <= k < rows) and past the rows
    for (int k = 0; k <= rows; k++) {
      try {
        eliminateRows(a, n, rows, k);
        s.noException();
      } catch (RuntimeException e) {
        s.thrown(e);
      }
    }
    s.put("a", a);
    double[] b = Data.doubles(rows * n, 141);
    try {
      eliminateRows(b, n, rows, -1);
      s.noException();
    } catch (RuntimeException e) {
      s.thrown(e);
    }
    s.put("b", b);
    double[] c = Data.doubles(rows * n, 143);
    for (int i = 0; i < rows && i < n; i++) {
      c[i * n + i] += 4 * n;
    }
    // every pivot row, one past the width and one negative (eliminateRows tries every pivot out of range)
    for (int k = -1; k <= n; k++) {
      try {
        eliminateBelow(c, n, rows, k);
        s.noException();
      } catch (RuntimeException e) {
        s.thrown(e);
      }
    }
    s.put("c", c);
  }
}
