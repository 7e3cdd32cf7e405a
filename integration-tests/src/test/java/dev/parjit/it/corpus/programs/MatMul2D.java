package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Dense matrix product on {@code double[][]}: into a result field, and returning a fresh matrix. */
public final class MatMul2D implements EffectsProgram {

  private double[][] a;
  private double[][] b;
  private double[][] c;

  // target: parallel (rows2d): rows of c written, rows of a read, b whole
  @Jit
  void multiply() {
    int n = a.length;
    int m = b.length == 0 ? 0 : b[0].length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int k = 0; k < b.length; k++) {
          sum += a[i][k] * b[k][j];
        }
        c[i][j] = sum;
      }
    }
  }

  // target: parallel (rows2d): a fresh double[][] whose rows follow the row loop
  @Jit
  static double[][] product(double[][] x, double[][] y) {
    int rows = x.length;
    int cols = y.length == 0 ? 0 : y[0].length;
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      double[] xi = x[i];
      double[] oi = out[i];
      for (int k = 0; k < y.length; k++) {
        double[] yk = y[k];
        for (int j = 0; j < cols; j++) {
          oi[j] += xi[k] * yk[j];
        }
      }
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int d = CorpusData.dim(n);
    a = CorpusData.matrix(d, d, 20);
    b = CorpusData.matrix(d, d, 21);
    c = new double[d][d];
    multiply();
    s.put("c", c);
    s.put("product", product(a, CorpusData.matrix(d, 3, 22)));
    s.put("a", a);
    s.put("b", b);
  }
}
