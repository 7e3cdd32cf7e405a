package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Traps for the read through a CSR row's column indices: a row loop that writes the vector it
 * reads through {@code col} (a Gauss–Seidel sweep: each row reads rows updated before it), and one
 * that rewrites the column indices it reads. Both must stay sequential.
 */
public final class TrapIndexedWrite implements EffectsProgram {

  @Jit
  static double[] gaussSeidel(int[] rowPtr, int[] col, double[] val, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1 + i % 3;
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      x[i] = s * 0.2;
    }
    return x;
  }

  @Jit
  static double[] shiftingColumns(int[] rowPtr, int[] col, double[] val, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += val[k] * x[col[k]];
        col[k] = (col[k] + 1) % n;
      }
      y[i] = s;
    }
    return y;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    CorpusData.Coo m = CorpusData.laplacian(n);
    s.put("gaussSeidel", gaussSeidel(m.rowPtr(), m.cols(), m.vals(), n));
    int[] col = m.cols();
    s.put("shifted", shiftingColumns(m.rowPtr(), col, m.vals(), n));
    s.put("col", col);
  }
}
