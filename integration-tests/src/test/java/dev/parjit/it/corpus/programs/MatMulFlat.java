package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Dense matrix product on row-major flattened arrays ({@code a[i * n + k]}), as an instance method
 * over fields and as a static method returning a fresh product.
 */
public final class MatMulFlat implements EffectsProgram {

  private int n;
  private double[] a;
  private double[] b;
  private double[] c;

  // target: parallel (rows2d): the row loop i, indices a[i * n + k] and c[i * n + j]
  @Jit
  void multiply() {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += a[i * n + k] * b[k * n + j];
        }
        c[i * n + j] = sum;
      }
    }
  }

  // target: parallel (rows2d): the row loop i over a fresh rows*cols product
  @Jit
  static double[] product(double[] a, double[] b, int rows, int inner, int cols) {
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        double aik = a[i * inner + k];
        for (int j = 0; j < cols; j++) {
          out[i * cols + j] += aik * b[k * cols + j];
        }
      }
    }
    return out;
  }

  @Override
  public void run(int size) {
    State s = new State(this, size);
    n = CorpusData.dim(size);
    a = CorpusData.flat(n, n, 10);
    b = CorpusData.flat(n, n, 11);
    c = new double[n * n];
    multiply();
    s.put("c", c);
    int cols = size % 4 + 1;
    s.put("product", product(a, CorpusData.flat(n, cols, 12), n, n, cols));
    s.put("a", a);
    s.put("b", b);
  }
}
