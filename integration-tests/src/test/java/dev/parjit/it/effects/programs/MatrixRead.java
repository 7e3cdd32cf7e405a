package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Row sums of a {@code double[][]} parameter that is only read, into a fresh array. */
public final class MatrixRead implements EffectsProgram {

  @Jit
  static double[] rowSums(double[][] m) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double s = 0;
      for (int j = 0; j < m[i].length; j++) {
        s += m[i][j];
      }
      out[i] = s;
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Data.doubles(3, i);
    }
    s.put("sums", rowSums(m));
    s.put("m", m);
  }
}
