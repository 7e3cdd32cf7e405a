package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A CSR sparse matrix–vector product accumulating into the caller's {@code y}: {@code y[row] += ...}. */
public final class CsrProduct implements EffectsProgram {

  @Jit
  static void spmv(int[] rowPtr, int[] cols, double[] vals, double[] x, double[] y) {
    for (int row = 0; row < rowPtr.length - 1; row++) {
      for (int k = rowPtr[row]; k < rowPtr[row + 1]; k++) {
        y[row] += vals[k] * x[cols[k]];
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    // A tridiagonal n×n matrix, with a wrap-around entry in every third row.
    int[] rowPtr = new int[n + 1];
    int[] cols = new int[4 * n];
    double[] vals = new double[4 * n];
    int nnz = 0;
    for (int r = 0; r < n; r++) {
      for (int c = r - 1; c <= r + 1; c++) {
        if (c >= 0 && c < n) {
          cols[nnz] = c;
          vals[nnz++] = c == r ? 2 : -0.5 - r % 3;
        }
      }
      if (r % 3 == 0 && n > 3) {
        cols[nnz] = n - 1 - r;
        vals[nnz++] = 0.125;
      }
      rowPtr[r + 1] = nnz;
    }
    double[] x = Data.doubles(n, 16);
    double[] y = Data.filled(n, 1);
    spmv(rowPtr, cols, vals, x, y);
    s.put("y", y);
    s.put("x", x);
  }
}
