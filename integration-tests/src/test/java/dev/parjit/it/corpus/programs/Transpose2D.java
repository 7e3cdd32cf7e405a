package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A transpose into a fresh matrix: row i of the input scatters into column i of the output. */
public final class Transpose2D implements EffectsProgram {

  @Jit
  static double[][] transpose(double[][] m) {
    int rows = m.length;
    int cols = rows == 0 ? 0 : m[0].length;
    double[][] t = new double[cols][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] m = CorpusData.matrix(n, 5, 35);
    s.put("transpose", transpose(m));
    s.put("m", m);
  }
}
