package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Conjugate gradients with the solver loop inside one {@code @Jit} method, as a Bodo user writes
 * it: the vectors are the method's own arrays, the sparse product reads {@code p[colIdx[k]]}, so the
 * vectors stay split across the iterations and each product fetches the elements of {@code p} its
 * rows' column indices name. Also a single product over column indices one of which lies past the
 * vector: the sequential exception.
 */
public final class CsrSolveInline implements EffectsProgram {

  @Jit
  static double[] solve(int[] rowPtr, int[] colIdx, double[] values, double[] b, int iterations) {
    int n = b.length;
    double[] x = new double[n];
    double[] r = new double[n];
    double[] p = new double[n];
    double[] ap = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = b[i];
      p[i] = b[i];
    }
    double rr = 0;
    for (int i = 0; i < n; i++) {
      rr += r[i] * r[i];
    }
    for (int it = 0; it < iterations && rr > 0; it++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * p[colIdx[k]];
        }
        ap[i] = s;
      }
      double pap = 0;
      for (int i = 0; i < n; i++) {
        pap += p[i] * ap[i];
      }
      double alpha = rr / pap;
      double next = 0;
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * ap[i];
        next += r[i] * r[i];
      }
      double beta = next / rr;
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + beta * p[i];
      }
      rr = next;
    }
    return x;
  }

  /** y = A v for v[i] = i / 2 + 1, the method's own vector. */
  @Jit
  static double[] product(int[] rowPtr, int[] colIdx, double[] values, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 + 1;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += values[k] * v[colIdx[k]];
      }
      y[i] = s;
    }
    return y;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    CorpusData.Coo m = CorpusData.laplacian(n);
    int[] rowPtr = m.rowPtr();
    int[] cols = m.cols();
    double[] b = Data.doubles(n, 51);
    s.put("x", solve(rowPtr, cols, m.vals(), b, 4));
    s.put("b", b);
    s.put("y", product(rowPtr, cols, m.vals(), n));
    if (cols.length > 0) {
      // one column index past the vector, in the middle row's nonzeros: x[n] fails as in Java
      int[] bad = cols.clone();
      bad[rowPtr[n / 2]] = n;
      try {
        s.put("yBad", product(rowPtr, bad, m.vals(), n));
        s.noException();
      } catch (ArrayIndexOutOfBoundsException e) {
        s.thrown(e);
      }
    }
    s.put("cols", cols);
  }
}
