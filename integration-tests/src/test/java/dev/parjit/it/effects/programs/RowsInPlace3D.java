package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Scales a {@code double[][][]} argument in place: written back into the caller's own rows of rows. */
public final class RowsInPlace3D implements EffectsProgram {

  @Jit
  static void scale(double[][][] t, double f) {
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < t[i].length; j++) {
        for (int k = 0; k < t[i][j].length; k++) {
          t[i][j][k] = t[i][j][k] * f + i;
        }
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][][] t = new double[n][][];
    for (int i = 0; i < n; i++) {
      t[i] = new double[i % 3][];
      for (int j = 0; j < t[i].length; j++) {
        t[i][j] = Data.doubles(j + 2, i);
      }
    }
    double[] kept = n > 2 ? t[2][1] : new double[0];
    scale(t, 1.5);
    s.put("t", t);
    s.put("kept", kept); // the caller's inner row object itself was updated
  }
}
