package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A dense matrix product over {@code double[][]}: the rows of {@code a} and of the new {@code c}
 * are distributed, {@code b} is read at the inner index {@code k} and so sent whole.
 */
public final class MatrixProduct implements EffectsProgram {

  @Jit
  static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /** The same product with rows kept in locals, as hand-tuned Java writes it. */
  @Jit
  static double[][] multiplyHoisted(double[][] a, double[][] b) {
    int n = a.length;
    int m = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      double[] ai = a[i];
      double[] ci = c[i];
      for (int k = 0; k < b.length; k++) {
        double aik = ai[k];
        double[] bk = b[k];
        for (int j = 0; j < m; j++) {
          ci[j] += aik * bk[j];
        }
      }
    }
    return c;
  }

  static double[][] matrix(int rows, int cols, int seed) {
    double[][] m = new double[rows][];
    for (int r = 0; r < rows; r++) {
      m[r] = Data.doubles(cols, seed + r);
    }
    return m;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[][] a = matrix(n, 4, 1);
    double[][] b = matrix(4, 3, 7);
    double[] a0 = n > 0 ? a[0] : null;
    s.put("c", multiply(a, b));
    s.put("hoisted", multiplyHoisted(a, b));
    s.put("a", a);
    s.put("b", b);
    s.put("a0.same", n == 0 || a[0] == a0);
    if (n == 100) {
      double[][] big = matrix(2500, 6, 3); // larger than the sizes list, rows shared unevenly by 3 ranks
      s.put("large.c", multiply(big, matrix(6, 5, 11)));
    }
  }
}
