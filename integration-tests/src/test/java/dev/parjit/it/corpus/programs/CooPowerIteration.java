package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Power iteration with a coordinate-format (COO) product: {@code y[row[k]] += val[k] * x[col[k]]}
 * over the nonzeros, a norm and a scaling, driven by a plain-Java loop.
 */
public final class CooPowerIteration implements EffectsProgram {

  // target: parallel (halo): a scatter-add over the nonzeros, y an array reduction
  @Jit
  static double[] multiply(int[] row, int[] col, double[] val, double[] x) {
    double[] y = new double[x.length];
    for (int k = 0; k < val.length; k++) {
      y[row[k]] += val[k] * x[col[k]];
    }
    return y;
  }

  @Jit
  static double norm(double[] v) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
  }

  @Jit
  static void scale(double[] v, double factor) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= factor;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    CorpusData.Coo m = CorpusData.laplacian(n);
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1);
    double lambda = 0;
    for (int it = 0; it < 4; it++) {
      double[] y = multiply(m.rows(), m.cols(), m.vals(), x);
      lambda = norm(y);
      if (lambda == 0) {
        break;
      }
      scale(y, 1 / lambda);
      x = y;
    }
    s.put("lambda", lambda);
    s.put("x", x);
    s.put("rows", m.rows());
    s.put("vals", m.vals());
  }
}
