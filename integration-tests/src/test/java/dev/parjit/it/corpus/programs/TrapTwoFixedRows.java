package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Loops over rows reading two different fixed rows of the array they write. Rows {@code p} and {@code p + 1}
 * above the loop's first row are never written by it, but one parallel loop fetches one fixed row per array:
 * the analysis keeps the array whole (it is read at two fixed rows) rather than leave the rewrite to fail. Rows
 * {@code p} and an unrelated {@code q}, flattened or as a {@code double[][]}, may be written by the loop (a
 * dependence whenever {@code q > p}).
 */
public final class TrapTwoFixedRows implements EffectsProgram {

  /** Rows {@code p + 2 ..} minus multiples of rows {@code p} and {@code p + 1}. */
  @Jit
  static void eliminateTwo(double[] a, int n, int p) {
    int q = p + 1;
    for (int i = q + 1; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= 0.25 * a[p * n + j] + 0.125 * a[q * n + j];
      }
    }
  }

  /** Rows {@code p + 1 ..} minus rows {@code p} and {@code q}: row {@code q} may be one the loop writes. */
  @Jit
  static void combineRows(double[] a, int n, int p, int q) {
    for (int i = p + 1; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] -= 0.5 * a[p * n + j] + 0.25 * a[q * n + j];
      }
    }
  }

  /** The same on a {@code double[][]}. */
  @Jit
  static void combineRows2D(double[][] m, int p, int q) {
    for (int i = p + 1; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] -= 0.5 * m[p][j] + 0.25 * m[q][j];
      }
    }
  }

  @Override
  public void run(int size) {
    State s = new State(this, size);
    int n = Math.min(size, 6);
    double[] a = Data.doubles(n * n, 150);
    for (int p = 0; p + 1 < n; p++) {
      eliminateTwo(a, n, p);
    }
    s.put("a", a);
    double[] b = Data.doubles(n * n, 151);
    for (int p = 0; p + 1 < n; p++) {
      combineRows(b, n, p, n - 1 - p);
    }
    s.put("b", b);
    double[][] m = CorpusData.matrix(n, 4, 152);
    for (int p = 0; p + 1 < n; p++) {
      combineRows2D(m, p, (p + 2) % n);
    }
    s.put("m", m);
  }
}
