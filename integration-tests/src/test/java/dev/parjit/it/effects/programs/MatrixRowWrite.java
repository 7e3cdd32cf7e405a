package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Writes the rows of a {@code double[][]} parameter: writes into arrays reached through another array. */
public final class MatrixRowWrite implements EffectsProgram {

  @Jit
  static void fillRows(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = i * 10 + j + 0.5;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] m = new double[n][2];
    double[] shared = m.length > 0 ? m[0] : new double[2];
    fillRows(m);
    s.put("m", m);
    // The caller's reference to row 0 must see the writes too, not a replaced row.
    s.put("row0", shared);
  }
}
