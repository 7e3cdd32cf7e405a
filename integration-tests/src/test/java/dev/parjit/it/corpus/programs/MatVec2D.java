package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Matrix–vector product and column sums over a {@code double[][]} field. */
public final class MatVec2D implements EffectsProgram {

  private double[][] m;

  @Jit
  double[] times(double[] x) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += m[i][j] * x[j];
      }
      y[i] = s;
    }
    return y;
  }

  // target: parallel (rows2d): rows split, the column sums an array reduction
  @Jit
  double[] columnSums() {
    int cols = m.length == 0 ? 0 : m[0].length;
    double[] sums = new double[cols];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < cols; j++) {
        sums[j] += m[i][j];
      }
    }
    return sums;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    m = CorpusData.matrix(CorpusData.dim(n), 4, 30);
    double[] x = Data.doubles(4, 31);
    s.put("times", times(x));
    s.put("columnSums", columnSums());
    s.put("m", m);
    s.put("x", x);
  }
}
