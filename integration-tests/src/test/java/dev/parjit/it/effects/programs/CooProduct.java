package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A COO sparse product accumulating into the caller's {@code y} ({@code y[row[k]] += val[k] *
 * x[col[k]]}: a scatter-add through an index array, combined element-wise over ranks), and a
 * gather through an index array into a fresh array ({@code x[col[k]]}: x is sent whole).
 */
public final class CooProduct implements EffectsProgram {

  @Jit
  static void multiplyAdd(int[] row, int[] col, double[] val, double[] x, double[] y) {
    for (int k = 0; k < row.length; k++) {
      y[row[k]] += val[k] * x[col[k]];
    }
  }

  @Jit
  static double[] gather(double[] x, int[] col) {
    double[] g = new double[col.length];
    for (int k = 0; k < col.length; k++) {
      g[k] = x[col[k]] * 2 + 1;
    }
    return g;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int nnz = 3 * n;
    int[] row = new int[nnz];
    int[] col = new int[nnz];
    double[] val = new double[nnz];
    for (int k = 0; k < nnz; k++) {
      row[k] = (int) ((k * 7L + 3) % Math.max(n, 1));
      col[k] = (int) ((k * 13L + 5) % Math.max(n, 1));
      val[k] = (k % 9) * 0.5 - 2;
    }
    double[] x = Data.doubles(n, 26);
    double[] y = Data.filled(n, 1);
    multiplyAdd(row, col, val, x, y);
    s.put("y", y);
    s.put("gathered", gather(x, col));
    s.put("x", x);
  }
}
