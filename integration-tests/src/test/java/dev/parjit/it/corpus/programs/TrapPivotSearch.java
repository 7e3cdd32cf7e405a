package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Trap: Gaussian elimination with partial pivoting in one method: the pivot search (an argmax over
 * a column) decides which rows are swapped, and the swapped row feeds the next elimination step.
 */
public final class TrapPivotSearch implements EffectsProgram {

  @Jit
  static int[] factor(double[][] a) {
    int n = a.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int k = 0; k < n; k++) {
      int p = k;
      double best = Math.abs(a[k][k]);
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(a[i][k]) > best) {
          best = Math.abs(a[i][k]);
          p = i;
        }
      }
      if (best == 0) {
        continue;
      }
      double[] t = a[k];
      a[k] = a[p];
      a[p] = t;
      int tp = perm[k];
      perm[k] = perm[p];
      perm[p] = tp;
      for (int i = k + 1; i < n; i++) {
        double f = a[i][k] / a[k][k];
        a[i][k] = f;
        for (int j = k + 1; j < n; j++) {
          a[i][j] -= f * a[k][j];
        }
      }
    }
    return perm;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] a = CorpusData.matrix(CorpusData.dim(n), CorpusData.dim(n), 105);
    double[] firstRow = a.length > 0 ? a[0] : null;
    s.put("perm", factor(a));
    s.put("a", a);
    // The caller's reference to its first row must still see that row object's contents.
    s.put("firstRow", firstRow);
  }
}
