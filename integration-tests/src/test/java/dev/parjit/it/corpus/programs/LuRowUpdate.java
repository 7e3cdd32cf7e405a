package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * LU factorisation without pivoting of a diagonally dominant matrix: a plain-Java loop over the
 * pivot k calls a {@code @Jit} update of the rows below it, on {@code double[][]} and flattened.
 */
public final class LuRowUpdate implements EffectsProgram {

  private double[][] a;

  // target: parallel (rows2d): rows k+1.. of a field matrix, row k read by every rank
  @Jit
  void eliminate(int k) {
    int n = a.length;
    double[] pivotRow = a[k];
    for (int i = k + 1; i < n; i++) {
      double[] row = a[i];
      double f = row[k] / pivotRow[k];
      row[k] = f;
      for (int j = k + 1; j < n; j++) {
        row[j] -= f * pivotRow[j];
      }
    }
  }

  // target: parallel (rows2d): rows k+1.. at a[i * n + j]
  @Jit
  static void eliminateFlat(double[] a, int n, int k) {
    for (int i = k + 1; i < n; i++) {
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
    int n = CorpusData.dim(size);
    a = CorpusData.dominant(n, 60);
    for (int k = 0; k + 1 < n; k++) {
      eliminate(k);
    }
    s.put("a", a);
    double[][] d = CorpusData.dominant(n, 61);
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(d[i], 0, flat, i * n, n);
    }
    for (int k = 0; k + 1 < n; k++) {
      eliminateFlat(flat, n, k);
    }
    s.put("flat", flat);
  }
}
