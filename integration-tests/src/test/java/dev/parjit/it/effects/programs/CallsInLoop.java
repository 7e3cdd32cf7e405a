package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A {@code @Jit} method calling another once per row, inside its row loop. The callee is compiled
 * with collectives (its own loop is split), so the row loop must not be: ranks holding different
 * numbers of rows once waited for each other forever in the callee, and with equal numbers they
 * added up parts of different rows.
 */
public final class CallsInLoop implements EffectsProgram {

  @Jit
  static double rowSum(double[] r) {
    double s = 0;
    for (int j = 0; j < r.length; j++) {
      s += r[j];
    }
    return s;
  }

  @Jit
  static double[] allSums(double[][] m) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = rowSum(m[i]);
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Data.doubles(4 + i % 3, 81 + i);
    }
    s.put("sums", allSums(m));
    s.put("m", m);
  }
}
